#pragma once
// Whether Cairn starts when the user logs in, recorded where each desktop looks: an XDG
// autostart entry on Linux and other Unix desktops, the Run key on Windows, a LaunchAgent on
// macOS. Cairn then starts minimised to the tray.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn {

class LoginStart
{
    Q_DECLARE_TR_FUNCTIONS(cairn::LoginStart)
public:
    // `program`: the executable to start; `arguments` follow it.
    explicit LoginStart(QString program, QStringList arguments = {QStringLiteral("--minimized")});

    bool isEnabled() const;
    // Records or removes the entry; the reason when that failed (nothing changed then).
    std::optional<QString> setEnabled(bool enabled) const;
    // Where the entry lives (a file, or the registry key on Windows), for messages.
    QString location() const;

private:
    QString m_program;
    QStringList m_arguments;
};

} // namespace cairn
