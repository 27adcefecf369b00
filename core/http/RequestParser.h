#pragma once
// Turns the bytes of one connection into HTTP/1.x requests, strictly by RFC 9112: one framing
// for every request (Content-Length or a final chunked coding, never both), no header dropped,
// every limit answered at once with its own status. A request it cannot frame is an error the
// connection answers and then closes on, so nothing after it is read as another request.

#include "http/HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <utility>

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
        Head,       // (reportHeads only) a head whose body is still to come: head(), then
                    // bufferBody() or streamBody(); until then next() says Head again
        BodyPiece,  // (streamBody only) body bytes: takeBodyPiece()
        Request,    // a whole request is ready: takeRequest()
        Failed,     // the bytes cannot be framed: error(); give nothing more
    };

    explicit RequestParser(const RequestLimits &limits = {});

    // Next() stops at every head with a body to come (Step::Head). Off: bodies are held whole.
    void setReportHeads(bool report) { m_reportHeads = report; }
    // After Step::Head: the request so far (method, target, headers, framing; no body).
    const HttpRequest &head() const { return m_request; }
    // After Step::Head: the body is held whole, as without reportHeads (413 over maxBodyBytes).
    void bufferBody();
    // After Step::Head: the body comes out piece by piece (Step::BodyPiece), at most `maxBytes`
    // of it (413 when Content-Length says more, or when chunks grow past it); the request it
    // ends with has an empty body.
    void streamBody(qint64 maxBytes);
    // The body bytes parsed since the last piece was taken (at most what was fed).
    QByteArray takeBodyPiece() { return std::exchange(m_piece, {}); }

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
    enum class Phase { RequestLine, Headers, BodyChoice, LengthBody, ChunkSize, ChunkData, ChunkEnd, Trailers, Done, Failed };

    Step fail(int status, QByteArray reason);
    // The next line without its terminator, or nullopt when it is not whole yet. A line longer
    // than `limit` fails with `tooLong` and `what`; a CR that does not end the line fails with 400.
    std::optional<QByteArrayView> takeLine(qsizetype limit, int tooLong, const char *what);
    bool parseRequestLine(QByteArrayView line);
    bool parseFieldLine(QByteArrayView line, bool trailer);
    bool decideFraming();
    // Checks a declared Content-Length against the body limit and starts reading the body.
    void beginBody();
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
    Phase m_bodyPhase = Phase::Done;   // where the body starts (LengthBody or ChunkSize)
    qint64 m_bodyLimit = 0;      // the body's limit: maxBodyBytes, or the streaming route's
    qint64 m_bodyBytes = 0;      // body bytes read so far
    bool m_reportHeads = false;
    bool m_streaming = false;    // body bytes go to m_piece, not into the request
    QByteArray m_piece;
    bool m_started = false;
    bool m_continueWanted = false;
};

} // namespace cairn
