#include "auth/UserRevocations.h"

namespace cairn {

QMetaObject::Connection UserRevocations::watch(qint64 userId, QObject *context, std::function<void()> onRevoked) const
{
    return connect(this, &UserRevocations::revoked, context, [userId, onRevoked = std::move(onRevoked)](qint64 id) {
        if (id == userId)
            onRevoked();
    });
}

} // namespace cairn
