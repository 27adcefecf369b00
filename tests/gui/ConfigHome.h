#pragma once
// Points XDG_CONFIG_HOME (where start-at-login entries go on Linux) at a test's own folder
// until the returned guard goes, which puts back what was there.

#include <QByteArray>
#include <QScopeGuard>
#include <QString>
#include <QtGlobal>

namespace cairn::test {

inline auto configHomeAt(const QString &dir)
{
    const QByteArray before = qgetenv("XDG_CONFIG_HOME");
    const bool had = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", dir.toUtf8());
    return qScopeGuard([before, had] {
        if (had)
            qputenv("XDG_CONFIG_HOME", before);
        else
            qunsetenv("XDG_CONFIG_HOME");
    });
}

} // namespace cairn::test
