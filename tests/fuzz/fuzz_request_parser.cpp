// The HTTP request parser (core/http RequestParser) on any bytes a client can send: whole, and
// cut into pieces where the input's first byte says. Both must frame the same requests with the
// same bodies or fail with the same status, and a request it accepts must hold what RFC 9112
// allows (one Host in HTTP/1.1, never both Content-Length and Transfer-Encoding). A third run
// reports heads and streams every body piece by piece (as uploads are read): the same requests,
// bodies and status again, with no piece larger than what was fed and no body held.

#include "FuzzSupport.h"

#include "http/RequestParser.h"

#include <QList>

#include <utility>

using namespace cairn;

namespace {

struct Parsed
{
    QList<QByteArray> bodies;
    QList<QString> paths;
    int status = 0;
};

Parsed parse(QByteArrayView bytes, qsizetype piece, bool stream = false)
{
    RequestLimits limits;
    limits.maxBodyBytes = 64 * 1024;   // small, so the fuzzer reaches the 413 paths
    RequestParser parser(limits);
    parser.setReportHeads(stream);
    Parsed out;
    QByteArray streamed;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        parser.feed(bytes.sliced(at, qMin(piece, bytes.size() - at)));
        for (;;) {
            const RequestParser::Step step = parser.next();
            if (step == RequestParser::Step::NeedMore)
                break;
            if (step == RequestParser::Step::Head) {
                fuzz::require(stream, "heads only when asked for");
                fuzz::require(parser.head().body.isEmpty(), "a head has no body yet");
                streamed.clear();
                parser.streamBody(limits.maxBodyBytes);
                continue;
            }
            if (step == RequestParser::Step::BodyPiece) {
                const QByteArray body = parser.takeBodyPiece();
                fuzz::require(!body.isEmpty() && body.size() <= piece, "a piece is at most what was fed");
                streamed += body;
                fuzz::require(streamed.size() <= limits.maxBodyBytes, "the streamed limit holds");
                continue;
            }
            if (step == RequestParser::Step::Failed) {
                out.status = parser.error().status;
                fuzz::require(out.status >= 400 && out.status < 600, "an error is a 4xx or 5xx");
                return out;
            }
            HttpRequest r = parser.takeRequest();
            if (stream) {
                fuzz::require(r.body.isEmpty(), "a streamed body is never held");
                r.body = std::exchange(streamed, {});
            }
            fuzz::require(!(r.hasHeader("content-length") && r.hasHeader("transfer-encoding")),
                          "never both framings");
            fuzz::require(r.body.size() <= limits.maxBodyBytes, "the body limit holds");
            fuzz::require(r.http10 || r.hasHeader("host"), "HTTP/1.1 has a Host");
            fuzz::require(r.path.startsWith(u'/') || r.path == u"*", "a path is absolute");
            out.bodies << r.body;
            out.paths << r.path;
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype piece = 1 + data[0] % 17;
    const Parsed whole = parse(bytes, qMax<qsizetype>(1, bytes.size()));
    const Parsed pieces = parse(bytes, piece);
    fuzz::require(whole.status == pieces.status, "the same status however the bytes arrive");
    fuzz::require(whole.bodies == pieces.bodies && whole.paths == pieces.paths, "the same requests however the bytes arrive");
    const Parsed streamed = parse(bytes, piece, true);
    fuzz::require(whole.status == streamed.status, "the same status with streamed bodies");
    fuzz::require(whole.bodies == streamed.bodies && whole.paths == streamed.paths, "the same requests with streamed bodies");
    return 0;
}
