#pragma once
// A response body that is produced piece by piece, so a pump can send it with backpressure
// instead of holding it in memory.

#include <QtGlobal>

#include <functional>
#include <optional>

namespace cairn {

class BodySource
{
public:
    static constexpr qint64 kUnknownSize = -1;

    virtual ~BodySource() = default;
    // Exact number of bytes the body will produce, or kUnknownSize: then the body is sent
    // chunked (HTTP/1.1) or ended by closing the connection (HTTP/1.0).
    virtual qint64 size() const = 0;
    // Copies up to `max` bytes into `buffer`; returns the count, 0 at the end (see isLive),
    // -1 on an error.
    virtual qint64 read(char *buffer, qint64 max) = 0;

    // Live sources produce data over time (ffmpeg output, event feeds). For them read()
    // returning 0 means "nothing yet" unless atEnd(); they call the notifier, on the pump's
    // thread, whenever more may be read or the end was reached. Files are not live.
    virtual bool isLive() const { return false; }
    virtual bool atEnd() const { return true; }
    virtual void setDataNotifier(std::function<void()> notify) { Q_UNUSED(notify); }

    // Where the next bytes lie when they are a range of an open file, so a sender may hand
    // them to the kernel itself (sendfile) and then skip() them; none for literal bytes, at
    // the end, and for live sources. May move past finished parts (hence not const).
    struct FileSpan
    {
        int descriptor = -1;
        qint64 offset = 0;
        qint64 length = 0;
    };
    virtual std::optional<FileSpan> nextFileSpan() { return std::nullopt; }
    virtual void skip(qint64 bytes) { Q_UNUSED(bytes); }
};

} // namespace cairn
