#pragma once
// Tells whoever holds a user's connections that the user was disabled or deleted, so streams
// in progress end at once. Thread-safe: revoke() may be called from any thread; receivers
// connect with a context object on their own thread and get the signal queued there.

#include <QObject>

#include <functional>

namespace cairn {

class UserRevocations : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void revoke(qint64 userId) { Q_EMIT revoked(userId); }
    // Calls `onRevoked` on `context`'s thread when `userId` is revoked, until `context` dies.
    QMetaObject::Connection watch(qint64 userId, QObject *context, std::function<void()> onRevoked) const;

Q_SIGNALS:
    void revoked(qint64 userId);
};

} // namespace cairn
