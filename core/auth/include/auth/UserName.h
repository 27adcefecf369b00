#pragma once
// User names are kept and looked up in Unicode NFC, so a name typed with a combining accent
// (e + U+0301) is the same account as one typed with the precomposed letter (U+00E9).

#include <QString>

namespace cairn {

QString normalizedUserName(const QString &name);

// The first character a user name must not contain (control, format/invisible such as U+200B,
// U+200E, U+2060, U+FEFF, line or paragraph separators, lone surrogates), or 0 when there is none.
char32_t forbiddenUserNameCharacter(const QString &name);

} // namespace cairn
