#include "base/FfmpegLocation.h"

#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QString locateFfmpeg(const QString &configured)
{
    const QString program = configured.isEmpty() ? u"ffmpeg"_s : configured;
    const QFileInfo file(program);
    if (file.isAbsolute() || program.contains(u'/'))
        return file.isFile() && file.isExecutable() ? file.absoluteFilePath() : QString();
    return QStandardPaths::findExecutable(program);
}

} // namespace cairn
