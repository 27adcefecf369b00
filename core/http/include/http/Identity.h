#pragma once
// Who is behind a request, once authenticated: the user and what they may see.

#include "catalog/Visibility.h"

#include <QString>

#include <functional>

class QObject;

namespace cairn {

struct Identity
{
    qint64 userId = 0;        // 0 = nobody (public routes)
    QString name;
    bool admin = false;
    Visibility visibility;    // sees nothing unless set
    // Set by the auth guard: runs `onRevoked` on `context`'s thread if this user is disabled
    // or deleted while `context` lives (ends streams in progress).
    std::function<void(QObject *context, std::function<void()> onRevoked)> watchRevocation = {};
};

// Which identity a route requires. Every route states one, so a new route cannot be
// reachable without a decision about who may call it. OwnCredentials: a protocol that carries
// its own credentials in every request (Subsonic's u/p/t/s/apiKey) authenticates the caller
// itself and answers refusals in its own format; the guard lets the request through unnamed.
// Uploader: an administrator, or a user given the upload right.
enum class Access { Public, User, Uploader, Admin, OwnCredentials };

} // namespace cairn
