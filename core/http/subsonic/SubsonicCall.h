#pragma once
// One Subsonic request as an endpoint sees it: its parameters, the caller, the format asked for,
// and the ways to answer — a payload inside `subsonic-response`, or an error in the same format.

#include "subsonic/SubsonicError.h"
#include "subsonic/SubsonicNode.h"
#include "subsonic/SubsonicParams.h"

#include "http/HttpResponse.h"
#include "http/Identity.h"

#include <optional>

namespace cairn {
class HttpExchange;
}

namespace cairn::subsonic {

// The API version Cairn implements, and the envelope's other fixed fields.
inline constexpr char kApiVersion[] = "1.16.1";

enum class Format { Xml, Json };

// `f=json` → JSON; anything else, and no `f`, → XML (the spec's default).
Format formatOf(const Params &params);

// Per-user state (favourites, playlists, queues) needs a user: a server without accounts has
// only the anonymous local administrator. The refusal to give then, or nullopt.
class Call;
std::optional<Error> accountRequired(const Call &call);

// A complete answer: `payload` (if any) inside an "ok" envelope.
HttpResponse okAnswer(Format format, const std::optional<Node> &payload);
HttpResponse okAnswerWithChildrenOf(Format format, const Node &fragment);
HttpResponse errorAnswer(Format format, const Error &error);

class Call
{
public:
    Call(HttpExchange &exchange, Params params);

    HttpExchange &exchange() { return m_exchange; }
    const Params &params() const { return m_params; }
    Format format() const { return m_format; }
    const Identity &identity() const;
    // The client's name (`c`), shown in Activity.
    QString clientName() const { return m_params.value(QStringLiteral("c")); }

    void ok();
    void ok(Node payload);
    // For answers whose payload is a bare list: `fragment`'s children go into the envelope.
    void okWithChildrenOf(const Node &fragment);
    void fail(const Error &error);
    void fail(const DomainError &error);

private:
    HttpExchange &m_exchange;
    Params m_params;
    Format m_format;
};

} // namespace cairn::subsonic
