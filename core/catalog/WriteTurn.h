#pragma once
// Hands the catalog's one write lock to this process's writers in the order they asked for it.
// SQLite's own waiting is a poll with growing sleeps, so a writer that commits and begins again
// at once (the scanner, batch after batch) always wins, and a request that wants to star a
// track waited for the whole scan, then failed at the busy timeout. Thread-safe.

#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>

#include <list>

namespace cairn {

class WriteTurn
{
public:
    // Waits for this thread's turn until `deadline`; false when it did not come.
    bool acquire(QDeadlineTimer deadline);
    // Passes the turn to the longest waiting writer, if any.
    void release();

private:
    struct Waiter
    {
        bool granted = false;
    };
    QMutex m_mutex;
    QWaitCondition m_granted;
    bool m_held = false;
    std::list<Waiter *> m_queue;   // FIFO; a waiter leaves it when granted or when it gives up
};

} // namespace cairn
