#pragma once
// A URL path as the caller's players must fetch it: signed for the caller when it is a user (a
// player fetching playlists, segments or subtitles sends no Authorization header).

#include <QString>

namespace cairn {

class Authenticator;
class HttpExchange;

QString callerLink(const Authenticator *auth, const HttpExchange &ex, const QString &path);

} // namespace cairn
