#pragma once
// Users as the API shows them (never with a password hash) and the JSON an admin sends.

#include "auth/User.h"
#include "base/Result.h"

#include <QJsonObject>

namespace cairn {

QJsonObject userToJson(const User &user);
// Reads name, password, admin, enabled, maxBitrate, upload, folders from a JSON object body; fields
// absent stay unset. InvalidInput for a body that is not such an object or a field of the wrong type.
Result<UserChanges> userChangesFromJson(const QByteArray &body);

} // namespace cairn
