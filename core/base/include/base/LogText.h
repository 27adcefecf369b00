#pragma once
// A value from outside (a path, a user name, a header) made safe to put in a log line: it can
// neither end the line nor pass for another field, whatever bytes a client sent.

#include <QByteArrayView>
#include <QString>

namespace cairn {

// Control, format and line-separator characters, spaces and backslashes become \xHH or \u{…}
// escapes; everything else is kept, so ordinary names read as they are.
QString logText(QStringView value);
QString logText(QByteArrayView utf8);

// The same for a whole message: only what could break a line (controls, separators), so a
// message logged without logText still makes exactly one line. Used by the log handler.
QString oneLogLine(const QString &message);

} // namespace cairn
