#pragma once
// At most one production per key at a time: a caller asking for a key that is already being
// produced waits for that result instead of starting its own work. Thread-safe.

#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <memory>

namespace cairn {

template<typename Key, typename Result>
class SingleFlight
{
public:
    // Runs `produce()` unless another thread is producing `key`, whose result is then returned.
    template<typename Produce>
    Result run(const Key &key, Produce produce)
    {
        std::shared_ptr<Flight> flight;
        bool leader = false;
        {
            QMutexLocker lock(&m_mutex);
            flight = m_flights.value(key);
            if (!flight) {
                flight = std::make_shared<Flight>();
                m_flights.insert(key, flight);
                leader = true;
            }
        }
        if (!leader) {
            QMutexLocker lock(&flight->mutex);
            while (!flight->finished)
                flight->done.wait(&flight->mutex);
            return flight->result;
        }
        Result result = produce();
        {
            QMutexLocker lock(&flight->mutex);
            flight->result = result;
            flight->finished = true;
        }
        flight->done.wakeAll();
        QMutexLocker lock(&m_mutex);
        m_flights.remove(key);
        return result;
    }

private:
    struct Flight
    {
        QMutex mutex;
        QWaitCondition done;
        bool finished = false;
        Result result{};
    };

    QMutex m_mutex;
    QHash<Key, std::shared_ptr<Flight>> m_flights;
};

} // namespace cairn
