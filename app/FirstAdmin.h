#pragma once
// The first administrator of a fresh catalog. There is never a default password: it comes from
// --admin-user/--admin-password-file, or (headless) is generated and printed once, or (desktop)
// the window asks for it.

#include "Options.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace cairn {

class UserAdministration;

// Does nothing when users exist, or on the desktop without --admin-user. Returns an error text
// when the account cannot be created (Cairn must not run without one then).
std::optional<QString> ensureFirstAdmin(UserAdministration &users, const Options &options, QTextStream &out);

} // namespace cairn
