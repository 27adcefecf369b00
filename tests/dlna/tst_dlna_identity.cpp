// The device UUID: the same across restarts on one data dir (TVs remember servers by it), a new
// one for another data dir, and a damaged file replaced rather than trusted.
#include "dlna/DeviceIdentity.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::dlna;

class TestDlnaIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uuidIsStablePerDataDir()
    {
        QTemporaryDir a, b;
        const auto first = loadOrCreateDeviceUuid(a.path());
        QVERIFY(first);
        QVERIFY(!QUuid::fromString(*first).isNull());
        QCOMPARE(loadOrCreateDeviceUuid(a.path()), first);
        const auto other = loadOrCreateDeviceUuid(b.path());
        QVERIFY(other);
        QVERIFY(*other != *first);
        QFile file(a.filePath(u"dlna.uuid"_s));
        QVERIFY(file.exists());
        QCOMPARE(file.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }

    void damagedUuidFileIsReplaced()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"dlna.uuid"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a uuid\n");
        file.close();
        const auto uuid = loadOrCreateDeviceUuid(dir.path());
        QVERIFY(uuid);
        QVERIFY(!QUuid::fromString(*uuid).isNull());
        QCOMPARE(loadOrCreateDeviceUuid(dir.path()), uuid);
    }

    void serverTokenNamesUpnpAndCairn()
    {
        const QByteArray token = DeviceIdentity::serverToken();
        QVERIFY2(token.contains(" UPnP/1.0 Cairn/"), token.constData());
        QVERIFY(!token.contains('\r') && !token.contains('\n'));
        QVERIFY(DeviceIdentity::defaultFriendlyName().startsWith(u"Cairn on "_s));
    }
};

QTEST_GUILESS_MAIN(TestDlnaIdentity)
#include "tst_dlna_identity.moc"
