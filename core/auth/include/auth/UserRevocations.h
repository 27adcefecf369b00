#pragma once
// Tells whoever holds a user's connections that the user was disabled or deleted, so streams
// in progress end at once, and whoever remembers verified credentials that a user's
// credentials changed. Thread-safe: both may be called from any thread; receivers connect with
// a context object on their own thread and get the signal queued there, or without one (a
// direct call, in the caller's thread, before the call returns: what a cache of credentials needs).

#include <QObject>

#include <functional>

namespace cairn {

class UserRevocations : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The user's sessions end (disabled, deleted, new password). Their credentials changed too.
    void revoke(qint64 userId)
    {
        Q_EMIT credentialsChanged(userId);
        Q_EMIT revoked(userId);
    }
    // A credential of the user stopped being valid without ending their sessions (an app
    // password revoked, the name changed).
    void credentialRevoked(qint64 userId) { Q_EMIT credentialsChanged(userId); }
    // Calls `onRevoked` on `context`'s thread when `userId` is revoked, until `context` dies.
    QMetaObject::Connection watch(qint64 userId, QObject *context, std::function<void()> onRevoked) const;

Q_SIGNALS:
    void revoked(qint64 userId);
    void credentialsChanged(qint64 userId);
};

} // namespace cairn
