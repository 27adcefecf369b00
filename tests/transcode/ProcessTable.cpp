#include "ProcessTable.h"

#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {
namespace {

struct Stat
{
    QByteArray name;
    char state = '?';
    qint64 parent = 0;
};

bool readStat(qint64 pid, Stat *out)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = f.readAll();
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return false;
    out->name = line.mid(open + 1, close - open - 1);
    const QList<QByteArray> rest = line.mid(close + 2).split(' ');
    out->state = rest.value(0).isEmpty() ? '?' : rest.at(0).at(0);
    out->parent = rest.value(1).toLongLong();
    return true;
}

} // namespace

bool processTableAvailable()
{
    return QFile::exists(u"/proc/self/stat"_s);
}

QList<qint64> ffmpegChildrenOf(qint64 parentPid)
{
    QList<qint64> pids;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        Stat stat;
        if (ok && readStat(pid, &stat) && stat.parent == parentPid && stat.name == "ffmpeg")
            pids << pid;
    }
    return pids;
}

bool processExists(qint64 pid)
{
    Stat stat;
    return readStat(pid, &stat);
}

bool processRunning(qint64 pid)
{
    Stat stat;
    return readStat(pid, &stat) && stat.state != 'Z';
}

} // namespace cairn::test
