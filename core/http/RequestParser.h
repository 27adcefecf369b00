#pragma once
// Turns the bytes of one connection into HTTP/1.x requests, strictly by RFC 9112: one framing
// for every request (Content-Length or a final chunked coding, never both), no header dropped,
// every limit answered at once with its own status. A request it cannot frame is an error the
// connection answers and then closes on, so nothing after it is read as another request.

#include "http/HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace cairn {

struct RequestLimits
{
    qsizetype maxRequestLine = 8 * 1024;        // beyond: 414
    qsizetype maxHeaderBytes = 32 * 1024;       // all field lines together; beyond: 431
    int maxHeaderFields = 100;                  // beyond: 431
    qint64 maxBodyBytes = 1024 * 1024 + 64 * 1024;   // beyond: 413
};

// Why a request was refused: the status to answer with (400, 413, 414, 417, 431, 501, 505)
// and a short reason for the answer and the log.
struct RequestError
{
    int status = 400;
    QByteArray reason;
};

class RequestParser
{
public:
    enum class Step {
        NeedMore,   // every byte given so far is consumed or kept; give more
        Request,    // a whole request is ready: takeRequest()
        Failed,     // the bytes cannot be framed: error(); give nothing more
    };

    explicit RequestParser(const RequestLimits &limits = {});

    // Adds bytes read from the connection.
    void feed(QByteArrayView bytes);
    // Parses as far as the bytes go; call again after Request for a pipelined one.
    Step next();
    HttpRequest takeRequest();
    const RequestError &error() const { return m_error; }

    // True from a request's first byte until it is taken: the connection's slow-request timer.
    bool inRequest() const;
    // True once per request whose head asked for "100-continue" and whose body has not come yet.
    bool takeContinueWanted();
    // Bytes held and not yet parsed (what a pipelining client sent ahead).
    qsizetype buffered() const { return m_buffer.size() - m_pos; }

private:
    enum class Phase { RequestLine, Headers, LengthBody, ChunkSize, ChunkData, ChunkEnd, Trailers, Done, Failed };

    Step fail(int status, QByteArray reason);
    // The next line without its terminator, or nullopt when it is not whole yet. A line longer
    // than `limit` fails with `tooLong` and `what`; a CR that does not end the line fails with 400.
    std::optional<QByteArrayView> takeLine(qsizetype limit, int tooLong, const char *what);
    bool parseRequestLine(QByteArrayView line);
    bool parseFieldLine(QByteArrayView line, bool trailer);
    bool decideFraming();
    // Moves up to m_remaining held bytes into the body; true when none remain to come.
    bool takeBodyBytes();
    void compact();

    RequestLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    Phase m_phase = Phase::RequestLine;
    RequestError m_error;
    HttpRequest m_request;
    qsizetype m_headerBytes = 0;
    int m_fieldCount = 0;
    int m_emptyLines = 0;        // before the request line
    qint64 m_remaining = 0;      // of the body (LengthBody) or of the current chunk (ChunkData)
    bool m_started = false;
    bool m_continueWanted = false;
};

} // namespace cairn
