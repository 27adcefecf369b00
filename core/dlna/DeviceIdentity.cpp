#include "dlna/DeviceIdentity.h"

#include "base/OwnerOnly.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

QByteArray DeviceIdentity::serverToken()
{
    QString os = QSysInfo::productType();
    os.replace(u' ', u'_');
    QString version = QSysInfo::productVersion();
    version.replace(u' ', u'_');
    const QString app = QCoreApplication::applicationVersion().isEmpty() ? u"1.0"_s
                                                                         : QCoreApplication::applicationVersion();
    return (os + u'/' + version + u" UPnP/1.0 Cairn/"_s + app).toUtf8();
}

QString DeviceIdentity::defaultFriendlyName()
{
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = u"this computer"_s;
    return QCoreApplication::translate("cairn::dlna", "Cairn on %1").arg(host);
}

std::optional<QString> loadOrCreateDeviceUuid(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(u"dlna.uuid"_s);
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QUuid stored = QUuid::fromString(QString::fromLatin1(file.readAll().trimmed()));
        if (!stored.isNull())
            return stored.toString(QUuid::WithoutBraces);
        file.close();
    }
    const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QFile out(path);
    if (!openOwnerOnly(out, QIODevice::WriteOnly | QIODevice::Truncate) || out.write(fresh.toLatin1() + '\n') < 0
        || !out.flush())
        return std::nullopt;
    return fresh;
}

} // namespace cairn::dlna
