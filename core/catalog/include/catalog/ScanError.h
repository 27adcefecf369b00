#pragma once
// A file the scanner could not read, with the reason, kept until the file changes or goes.

#include <QDateTime>
#include <QString>

namespace cairn {

struct ScanError
{
    qint64 id = 0;
    QString path;
    QString reason;
    QDateTime at;
};

} // namespace cairn
