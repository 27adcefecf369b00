#include "subsonic/SubsonicCall.h"

#include "HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

Node envelope(bool ok)
{
    Node root(u"subsonic-response"_s);
    root.set(u"status"_s, ok ? u"ok"_s : u"failed"_s)
        .set(u"version"_s, QString::fromLatin1(kApiVersion))
        .set(u"type"_s, u"cairn"_s)
        .set(u"serverVersion"_s, QStringLiteral(CAIRN_VERSION))
        .set(u"openSubsonic"_s, true);
    return root;
}

HttpResponse serialize(Format format, const Node &root)
{
    HttpResponse r;
    r.status = 200;   // Subsonic clients read the envelope; errors travel inside it
    if (format == Format::Json) {
        r.setHeader("Content-Type", "application/json");
        r.body = root.toJson();
    } else {
        r.setHeader("Content-Type", "text/xml; charset=utf-8");
        r.body = root.toXml();
    }
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("X-Content-Type-Options", "nosniff");   // errors quote ids and names the client sent
    return r;
}

} // namespace

Format formatOf(const Params &params)
{
    return params.value(u"f"_s).compare(u"json"_s, Qt::CaseInsensitive) == 0 ? Format::Json : Format::Xml;
}

HttpResponse okAnswer(Format format, const std::optional<Node> &payload)
{
    Node root = envelope(true);
    if (payload)
        root.add(*payload);
    return serialize(format, root);
}

HttpResponse okAnswerWithChildrenOf(Format format, const Node &fragment)
{
    Node root = envelope(true);
    root.absorb(fragment);
    return serialize(format, root);
}

HttpResponse errorAnswer(Format format, const Error &error)
{
    Node root = envelope(false);
    root.add(Node(u"error"_s).set(u"code"_s, error.code).set(u"message"_s, error.message));
    HttpResponse r = serialize(format, root);
    if (error.retryAfterSeconds > 0)
        r.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return r;
}

std::optional<Error> accountRequired(const Call &call)
{
    if (call.identity().userId > 0)
        return std::nullopt;
    return Error{Error::Generic, u"favourites, ratings, plays, playlists and play queues need user accounts on this server"_s};
}

Call::Call(HttpExchange &exchange, Params params)
    : m_exchange(exchange), m_params(std::move(params)), m_format(formatOf(m_params))
{
}

const Identity &Call::identity() const
{
    return m_exchange.identity();
}

void Call::ok()
{
    m_exchange.respond(okAnswer(m_format, std::nullopt));
}

void Call::ok(Node payload)
{
    m_exchange.respond(okAnswer(m_format, payload));
}

void Call::okWithChildrenOf(const Node &fragment)
{
    m_exchange.respond(okAnswerWithChildrenOf(m_format, fragment));
}

void Call::fail(const Error &error)
{
    m_exchange.respond(errorAnswer(m_format, error));
}

void Call::fail(const DomainError &error)
{
    fail(Error::from(error));
}

} // namespace cairn::subsonic
