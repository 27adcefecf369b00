#pragma once
// App passwords as the API shows them (the secret only in the answer that created it) and the
// JSON a client sends to create one.

#include "auth/AppPassword.h"
#include "base/Result.h"

#include <QJsonObject>

namespace cairn {

// {id, name, createdAt, lastUsedAt (null = never)}.
QJsonObject appPasswordToJson(const AppPasswordInfo &info);
// {id, name, secret, createdAt}.
QJsonObject createdAppPasswordToJson(const CreatedAppPassword &created);
// The "name" of a body {"name": "…"}; InvalidInput for another body (the store checks the name).
Result<QString> appPasswordNameFromJson(const QByteArray &body);

} // namespace cairn
