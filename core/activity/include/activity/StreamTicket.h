#pragma once
// A counted stream's registration, held by whatever sends the stream (the HTTP pump) for as
// long as it runs: it reports bytes, reads the stream's cap, and unregisters on destruction
// (which also writes the history row).

#include "activity/StreamSnapshot.h"

#include <memory>

namespace cairn {

class ActivityRegistry;
class BandwidthBudget;
struct LiveStreamState;

// What the registry may ask of a running stream. Called from any thread while the registry
// is locked: implementations only post work to their own thread.
class StreamControl
{
public:
    virtual ~StreamControl() = default;
    virtual void requestEnd() = 0;
    // The stream's cap changed (read it again from the ticket).
    virtual void capChanged() = 0;
};

class StreamTicket
{
public:
    StreamTicket(ActivityRegistry &registry, std::shared_ptr<LiveStreamState> state);
    ~StreamTicket();
    StreamTicket(const StreamTicket &) = delete;
    StreamTicket &operator=(const StreamTicket &) = delete;

    qint64 id() const;
    void addBytesSent(qint64 bytes);
    // Sets the count to what the client has received so far (a sender that can tell, see the
    // HTTP pump); the count never goes back.
    void setBytesSent(qint64 total);
    qint64 bytesSent() const;
    // This stream's own cap in bytes/s (0 = none).
    qint64 capBytesPerSecond() const;
    // The cap all counted streams share.
    BandwidthBudget &sharedBudget() const;
    // How the stream ended; recorded when the ticket is destroyed (default: Failed).
    void setEnding(StreamEnding ending);
    // What the stream plays now, for streams that change it as they go (an HLS session moving
    // between variants and through the video): the preset shown and the seek position.
    void setPlayback(const QString &preset, qint64 seekPositionMs);

private:
    ActivityRegistry &m_registry;
    std::shared_ptr<LiveStreamState> m_state;
};

} // namespace cairn
