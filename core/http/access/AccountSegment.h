#pragma once
// The account a "/api/users/{id}/…" route acts on for a caller who manages their own account
// (app passwords, signing out everywhere): "me" or their own id, or any id for an administrator.
// Someone else's is NotFound, like an unknown id, so ids of other accounts cannot be probed.

#include "base/Result.h"

#include <QString>

namespace cairn {

struct Identity;
class UserAdministration;

Result<qint64> accountNamedBy(const QString &segment, const Identity &caller, const UserAdministration &users);

} // namespace cairn
