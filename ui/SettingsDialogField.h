#pragma once
// What the settings dialog's two files share: the shown setting (SettingsDialog::Field) and the
// keys that need more than a plain field (listening, FFmpeg, the upload limit in MiB).

#include "SettingsDialog.h"

#include <QString>
#include <QVariant>

namespace cairn {

// One shown setting: its widget, the value shown when the dialog opened (to write only what
// the user changed, so defaults stay defaults), and whether it waits for the next start.
struct SettingsDialog::Field
{
    QWidget *widget = nullptr;
    QString key;
    QVariant shown;
    bool atStart = true;
};

namespace settingkeys {
inline const QString bind = QStringLiteral("server/bind");
inline const QString port = QStringLiteral("server/port");
inline const QString certificate = QStringLiteral("server/tlsCertificate");
inline const QString tlsKey = QStringLiteral("server/tlsKey");
inline const QString ffmpeg = QStringLiteral("transcode/ffmpeg");
inline const QString upload = QStringLiteral("upload/maxBytes");   // shown in MiB
} // namespace settingkeys

} // namespace cairn
