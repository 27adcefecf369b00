#include "upload/StaleUploads.h"

#include "upload/UploadFile.h"

#include "UploadLog.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace cairn {

int removeStaleUploads(const QString &directory, qint64 olderThanSecs)
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-olderThanSecs);
    const QFileInfoList leftovers = QDir(directory).entryInfoList({kUploadTempPrefix + QLatin1Char('*')},
                                                                   QDir::Files | QDir::Hidden | QDir::System);
    int removed = 0;
    for (const QFileInfo &file : leftovers) {
        // A live upload writes all the time; only one silent this long was left behind.
        if (olderThanSecs > 0 && file.lastModified().toUTC() > before)
            continue;
        if (QFile::remove(file.filePath())) {
            ++removed;
            qCInfo(lcUpload).noquote() << "removed the unfinished upload" << file.filePath();
        }
    }
    return removed;
}

} // namespace cairn
