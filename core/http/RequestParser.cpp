#include "RequestParser.h"

#include "HttpSyntax.h"

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

using namespace httpsyntax;

namespace {

// A chunk-size line holds at most 16 hex digits and a short extension; nothing honest needs more.
constexpr qsizetype kMaxChunkLine = 4096;
// Empty lines tolerated before a request line (RFC 9112 §2.2: at least one; clients send CRLF
// after a POST body).
constexpr int kMaxLeadingEmptyLines = 8;

std::optional<HttpMethod> knownMethod(QByteArrayView name)
{
    static const struct { const char *name; HttpMethod method; } methods[] = {
        {"GET", HttpMethod::Get}, {"HEAD", HttpMethod::Head}, {"POST", HttpMethod::Post},
        {"PUT", HttpMethod::Put}, {"DELETE", HttpMethod::Delete}, {"OPTIONS", HttpMethod::Options},
        {"PATCH", HttpMethod::Patch}, {"SUBSCRIBE", HttpMethod::Subscribe}, {"UNSUBSCRIBE", HttpMethod::Unsubscribe},
    };
    for (const auto &m : methods)
        if (name == m.name)
            return m.method;
    return std::nullopt;
}

// Every comma-separated element of every field with this name, trimmed; empty elements kept
// so that "5," can be told from "5".
QList<QByteArray> listElements(const HttpRequest &request, QByteArrayView name, int *fields)
{
    QList<QByteArray> out;
    *fields = 0;
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        ++*fields;
        for (const QByteArray &part : value.split(','))
            out << trimOws(part).toByteArray();
    }
    return out;
}

} // namespace

RequestParser::RequestParser(const RequestLimits &limits) : m_limits(limits) {}

void RequestParser::feed(QByteArrayView bytes)
{
    if (m_phase == Phase::Failed)
        return;
    m_buffer.append(bytes);
}

bool RequestParser::inRequest() const
{
    return m_started && m_phase != Phase::Done && m_phase != Phase::Failed;
}

bool RequestParser::takeContinueWanted()
{
    return std::exchange(m_continueWanted, false);
}

RequestParser::Step RequestParser::fail(int status, QByteArray reason)
{
    m_phase = Phase::Failed;
    m_error = {status, std::move(reason)};
    m_piece.clear();
    m_buffer.clear();
    m_pos = 0;
    return Step::Failed;
}

bool RequestParser::takeBodyBytes()
{
    const qint64 take = qMin<qint64>(m_remaining, m_buffer.size() - m_pos);
    (m_streaming ? m_piece : m_request.body).append(m_buffer.constData() + m_pos, take);
    m_bodyBytes += take;
    m_pos += take;
    m_remaining -= take;
    if (m_remaining == 0)
        return true;
    compact();
    return false;
}

void RequestParser::compact()
{
    // Parsed bytes are dropped once they are a good share of what is held, so a long pipeline
    // costs neither quadratic copying nor an ever-growing buffer.
    if (m_pos > 0 && (m_pos >= m_buffer.size() || m_pos >= 16 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

std::optional<QByteArrayView> RequestParser::takeLine(qsizetype limit, int tooLong, const char *what)
{
    const qsizetype eol = m_buffer.indexOf('\n', m_pos);
    if (eol < 0) {
        if (m_buffer.size() - m_pos > limit)
            fail(tooLong, what);
        return std::nullopt;
    }
    qsizetype end = eol;
    // A bare LF ends a line too (RFC 9112 §2.2 allows it); a CR anywhere else never does.
    if (end > m_pos && m_buffer.at(end - 1) == '\r')
        --end;
    QByteArrayView line(m_buffer.constData() + m_pos, end - m_pos);
    if (line.size() > limit) {
        fail(tooLong, what);
        return std::nullopt;
    }
    if (line.contains('\r')) {
        fail(400, "bare CR in a line"_ba);
        return std::nullopt;
    }
    m_pos = eol + 1;
    return line;
}

bool RequestParser::parseRequestLine(QByteArrayView line)
{
    // method SP request-target SP HTTP-version, single spaces, nothing else.
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.sliced(sp1 + 1).indexOf(' ');
    if (sp1 <= 0 || sp2 <= 0) {
        fail(400, "malformed request line"_ba);
        return false;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2);
    const QByteArrayView version = line.sliced(sp1 + 1 + sp2 + 1);
    if (!isToken(method)) {
        fail(400, "malformed method"_ba);
        return false;
    }
    // HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive.
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.'
        || !isDigit(version.at(5)) || !isDigit(version.at(7))) {
        fail(400, "malformed HTTP version"_ba);
        return false;
    }
    if (version.at(5) != '1') {
        fail(505, "HTTP version not supported"_ba);
        return false;
    }
    // 1.x above 1.1 is answered as 1.1 (RFC 9110 §6.2).
    m_request.http10 = version.at(7) == '0';

    const auto known = knownMethod(method);
    m_request.method = known.value_or(HttpMethod::Other);
    m_request.methodName = method.toByteArray();
    if (!m_request.setTarget(target)) {
        fail(400, "malformed request target"_ba);
        return false;
    }
    return true;
}

bool RequestParser::parseFieldLine(QByteArrayView line, bool trailer)
{
    m_headerBytes += line.size() + 2;
    if (++m_fieldCount > m_limits.maxHeaderFields) {
        fail(431, "too many header fields"_ba);
        return false;
    }
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        fail(431, "header fields too large"_ba);
        return false;
    }
    // obs-fold (a line that continues the previous one) is refused, not unfolded (§5.2).
    if (line.front() == ' ' || line.front() == '\t') {
        fail(400, "folded header line"_ba);
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        fail(400, "header line without a colon"_ba);
        return false;
    }
    const QByteArrayView name = line.first(colon);
    // No whitespace between name and colon (§5.1): a classic way to split framing.
    if (!isToken(name)) {
        fail(400, "malformed header name"_ba);
        return false;
    }
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    if (!isFieldValue(value)) {
        fail(400, "control character in a header value"_ba);
        return false;
    }
    // Trailer fields are read and dropped: nothing in Cairn asks for them, and a field that
    // arrives after the body must not change how the body was framed.
    if (!trailer)
        m_request.headers.append({name.toByteArray(), value.toByteArray()});
    return true;
}

bool RequestParser::decideFraming()
{
    int hostFields = 0;
    const QList<QByteArray> hosts = listElements(m_request, "host", &hostFields);
    if (hostFields > 1 || (!m_request.http10 && hostFields == 0)) {
        fail(400, hostFields ? "more than one Host"_ba : "HTTP/1.1 request without Host"_ba);
        return false;
    }
    if (hostFields == 1 && (hosts.size() != 1 || !isHostValue(m_request.header("host")))) {
        fail(400, "malformed Host"_ba);
        return false;
    }

    int teFields = 0;
    int clFields = 0;
    const QList<QByteArray> codings = listElements(m_request, "transfer-encoding", &teFields);
    const QList<QByteArray> lengths = listElements(m_request, "content-length", &clFields);
    if (teFields > 0) {
        // RFC 9112 §6.1: Transfer-Encoding with Content-Length, or in HTTP/1.0, is a framing
        // error, and the connection closes after the answer.
        if (clFields > 0) {
            fail(400, "both Content-Length and Transfer-Encoding"_ba);
            return false;
        }
        if (m_request.http10) {
            fail(400, "Transfer-Encoding in an HTTP/1.0 request"_ba);
            return false;
        }
        if (codings.isEmpty() || codings.last().compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(400, "Transfer-Encoding does not end with chunked"_ba);
            return false;
        }
        for (qsizetype i = 0; i + 1 < codings.size(); ++i) {
            if (codings.at(i).compare("chunked", Qt::CaseInsensitive) == 0 || !isToken(codings.at(i))) {
                fail(400, "malformed Transfer-Encoding"_ba);
                return false;
            }
        }
        if (codings.size() > 1) {
            fail(501, "transfer coding not implemented"_ba);
            return false;
        }
        m_request.chunked = true;
        m_phase = Phase::ChunkSize;
    } else if (clFields > 0) {
        // Several equal values are one length (§6.3); any other list is a framing error.
        std::optional<qint64> length;
        for (const QByteArray &element : lengths) {
            const std::optional<qint64> v = parseDecimal(element);
            if (!v || (length && *length != *v)) {
                // A length too long for 18 digits is too large for any limit: 413, not 400.
                const bool huge = !element.isEmpty() && element.size() > 18
                    && std::all_of(element.begin(), element.end(), isDigit);
                fail(huge ? 413 : 400, huge ? "body too large"_ba : "invalid Content-Length"_ba);
                return false;
            }
            length = v;
        }
        m_request.contentLength = *length;
        m_remaining = *length;
        m_phase = m_remaining > 0 ? Phase::LengthBody : Phase::Done;
    } else {
        m_phase = Phase::Done;
    }

    const QByteArray expect = m_request.header("expect");
    if (!expect.isEmpty() || m_request.hasHeader("expect")) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0) {
            fail(417, "unsupported expectation"_ba);
            return false;
        }
        // HTTP/1.0 clients do not understand a 100 answer (RFC 9110 §10.1.1).
        m_continueWanted = !m_request.http10 && m_phase != Phase::Done;
    }
    m_bodyBytes = 0;
    m_bodyLimit = m_limits.maxBodyBytes;
    if (m_phase == Phase::Done)
        return true;
    m_bodyPhase = m_phase;
    if (m_reportHeads) {
        m_phase = Phase::BodyChoice;
        return true;
    }
    beginBody();
    return m_phase != Phase::Failed;
}

void RequestParser::beginBody()
{
    if (m_request.contentLength > m_bodyLimit) {
        fail(413, "body too large"_ba);
        return;
    }
    m_phase = m_bodyPhase;
}

void RequestParser::bufferBody()
{
    Q_ASSERT(m_phase == Phase::BodyChoice);
    if (m_phase == Phase::BodyChoice)
        beginBody();
}

void RequestParser::streamBody(qint64 maxBytes)
{
    Q_ASSERT(m_phase == Phase::BodyChoice);
    if (m_phase != Phase::BodyChoice)
        return;
    m_streaming = true;
    m_bodyLimit = maxBytes;
    beginBody();
}

RequestParser::Step RequestParser::next()
{
    for (;;) {
        switch (m_phase) {
        case Phase::Failed:
            return Step::Failed;
        case Phase::Done:
            return Step::Request;
        case Phase::BodyChoice:
            return Step::Head;
        case Phase::RequestLine: {
            std::optional<QByteArrayView> line;
            for (;;) {
                if (m_pos < m_buffer.size())
                    m_started = true;
                line = takeLine(m_limits.maxRequestLine, 414, "request line too long");
                if (!line || !line->isEmpty())
                    break;
                if (++m_emptyLines > kMaxLeadingEmptyLines)
                    return fail(400, "empty lines instead of a request"_ba);
            }
            if (!line) {
                compact();
                return m_phase == Phase::Failed ? Step::Failed : Step::NeedMore;
            }
            m_started = true;
            m_request = HttpRequest();
            m_headerBytes = 0;
            m_fieldCount = 0;
            if (!parseRequestLine(*line))
                return Step::Failed;
            m_phase = Phase::Headers;
            break;
        }
        case Phase::Headers:
        case Phase::Trailers: {
            const bool trailer = m_phase == Phase::Trailers;
            const std::optional<QByteArrayView> line = takeLine(m_limits.maxHeaderBytes, 431, "header fields too large");
            if (!line) {
                compact();
                return m_phase == Phase::Failed ? Step::Failed : Step::NeedMore;
            }
            if (line->isEmpty()) {
                if (trailer)
                    m_phase = Phase::Done;
                else if (!decideFraming())
                    return Step::Failed;
                if (m_phase == Phase::BodyChoice)
                    return Step::Head;
                break;
            }
            if (!parseFieldLine(*line, trailer))
                return Step::Failed;
            break;
        }
        case Phase::LengthBody: {
            const bool whole = takeBodyBytes();
            if (whole)
                m_phase = Phase::Done;
            if (!m_piece.isEmpty())
                return Step::BodyPiece;
            if (!whole)
                return Step::NeedMore;
            break;
        }
        case Phase::ChunkSize: {
            const std::optional<QByteArrayView> line = takeLine(kMaxChunkLine, 400, "chunk size line too long");
            if (!line) {
                compact();
                return m_phase == Phase::Failed ? Step::Failed : Step::NeedMore;
            }
            const ChunkSize chunk = parseChunkSizeLine(*line, m_bodyLimit - m_bodyBytes);
            if (chunk.refusal)
                return fail(chunk.refusal, chunk.reason);
            const qint64 size = chunk.size;
            if (size == 0) {
                m_fieldCount = 0;
                m_headerBytes = 0;
                m_phase = Phase::Trailers;
            } else {
                m_remaining = size;
                m_phase = Phase::ChunkData;
            }
            break;
        }
        case Phase::ChunkData: {
            const bool whole = takeBodyBytes();
            if (whole)
                m_phase = Phase::ChunkEnd;
            if (!m_piece.isEmpty())
                return Step::BodyPiece;
            if (!whole)
                return Step::NeedMore;
            break;
        }
        case Phase::ChunkEnd: {
            // Exactly CRLF (or LF) after the data: anything else means the size lied.
            const qsizetype held = m_buffer.size() - m_pos;
            if (held == 0 || (held == 1 && m_buffer.at(m_pos) == '\r')) {
                compact();
                return Step::NeedMore;
            }
            if (m_buffer.at(m_pos) == '\n')
                m_pos += 1;
            else if (m_buffer.at(m_pos) == '\r' && m_buffer.at(m_pos + 1) == '\n')
                m_pos += 2;
            else
                return fail(400, "chunk data longer than its size"_ba);
            m_phase = Phase::ChunkSize;
            break;
        }
        }
        if (m_phase == Phase::Done)
            return Step::Request;
    }
}

HttpRequest RequestParser::takeRequest()
{
    Q_ASSERT(m_phase == Phase::Done);
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest();
    m_phase = Phase::RequestLine;
    m_started = false;
    m_continueWanted = false;
    m_streaming = false;
    m_emptyLines = 0;
    compact();
    return out;
}

} // namespace cairn
