#pragma once
// Caps the number of FFmpeg processes running at once (thread-safe). A slot is an RAII token:
// the transcode holds it for as long as its process lives.

#include <QtGlobal>

#include <atomic>
#include <memory>

namespace cairn {

class TranscodeLimiter
{
public:
    class Slot
    {
    public:
        ~Slot();
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;

    private:
        friend class TranscodeLimiter;
        explicit Slot(std::shared_ptr<std::atomic_int> count) : m_count(std::move(count)) {}
        std::shared_ptr<std::atomic_int> m_count;
    };

    explicit TranscodeLimiter(int maxConcurrent);

    // A slot, or nullptr when `maxConcurrent` transcodes already run.
    std::unique_ptr<Slot> tryAcquire();
    int running() const { return m_count->load(); }
    int maxConcurrent() const { return m_max.load(); }
    void setMaxConcurrent(int max) { m_max.store(qMax(1, max)); }

private:
    std::atomic_int m_max;
    // Shared with the slots, so a slot may outlive the limiter at shutdown.
    std::shared_ptr<std::atomic_int> m_count = std::make_shared<std::atomic_int>(0);
};

} // namespace cairn
