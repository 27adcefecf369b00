#pragma once
// Where a request body goes when its route takes it as it arrives (an upload's temporary
// file): each piece is written on, so the body is never held in memory.

#include "base/DomainError.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace cairn {

class HttpExchange;

class BodySink
{
public:
    // A sink destroyed before finish() got a body that never came whole (the client left, a
    // timeout, bad framing, a write error): it drops what it stored.
    virtual ~BodySink() = default;
    // The most body bytes the route takes: a Content-Length above it, or chunks growing past
    // it, are refused with 413 and the connection closes.
    virtual qint64 maxBytes() const = 0;
    // The next piece; an error ends the request with that answer (and closes the connection).
    virtual std::optional<DomainError> write(QByteArrayView piece) = 0;
    // The whole body came: answers the request.
    virtual void finish(HttpExchange &exchange) = 0;
};

} // namespace cairn
