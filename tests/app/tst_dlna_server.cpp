// The runtime's DLNA server: settings checked against the accounts (a missing, unknown or
// disabled account keeps DLNA off with the reason), the device turned on and off as applied,
// and a scan that changes the catalog raising SystemUpdateID and telling subscribers — while a
// scan that changes nothing tells no one.
#undef QT_USE_QSTRINGBUILDER
#include "DlnaServer.h"
#include "TestServer.h"

#include "auth/User.h"
#include "auth/UserAdministration.h"
#include "dlna/DlnaDevice.h"
#include "dlna/EventNotifier.h"
#include "dlna/EventSubscriptions.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

// One NOTIFY as it arrives at a control point's callback; answered 200.
QByteArray nextNotify(QTcpServer &listener)
{
    if (!listener.hasPendingConnections() && !listener.waitForNewConnection(5000))
        return {};
    QTcpSocket *socket = listener.nextPendingConnection();
    QByteArray received;
    QElapsedTimer waited;
    waited.start();
    while (!received.contains("</e:propertyset>") && waited.elapsed() < 5000)
        if (socket->waitForReadyRead(200))
            received += socket->readAll();
    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    socket->flush();
    socket->disconnectFromHost();
    return received;
}

} // namespace

class TestDlnaServer : public QObject
{
    Q_OBJECT

    TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        TestServerOptions options;
        options.users = true;
        QCOMPARE(m_server.start(options), QString());
        UserChanges tv;
        tv.name = u"tv"_s;
        tv.password = u"a long enough password"_s;
        tv.admin = false;
        QVERIFY(m_server.users()->create(tv).ok());
        UserChanges off = tv;
        off.name = u"gone"_s;
        off.enabled = false;
        QVERIFY(m_server.users()->create(off).ok());
    }

    void accountsAreChecked()
    {
        dlna::DlnaSettings s;
        s.enabled = true;
        QVERIFY(checkDlnaSettings(s, *m_server.users()).problem->contains(u"needs an account"_s));
        s.user = u"nobody"_s;
        QVERIFY(checkDlnaSettings(s, *m_server.users()).problem->contains(u"no account named nobody"_s));
        s.user = u"gone"_s;
        QVERIFY(checkDlnaSettings(s, *m_server.users()).problem->contains(u"disabled"_s));
        s.user = u" tv "_s;
        const DlnaChoice good = checkDlnaSettings(s, *m_server.users());
        QVERIFY(!good.problem);
        QVERIFY(good.userId > 0);
        QCOMPARE(good.settings.user, u"tv"_s);
        s.friendlyName = QString(100, u'x');
        QCOMPARE(checkDlnaSettings(s, *m_server.users()).settings.friendlyName.size(), 64);
    }

    void settingsRoundTripThroughTheIniFile()
    {
        QTemporaryDir dir;
        QSettings ini(dir.filePath(u"cairn.ini"_s), QSettings::IniFormat);
        QCOMPARE(readDlnaSettings(ini).enabled, false);   // off by default
        dlna::DlnaSettings s;
        s.enabled = true;
        s.user = u"tv"_s;
        s.friendlyName = u"Living room"_s;
        s.interfaces = {u"eth0"_s, u"192.168.1.10"_s};
        storeDlnaSettings(ini, s);
        const dlna::DlnaSettings back = readDlnaSettings(ini);
        QCOMPARE(back.enabled, true);
        QCOMPARE(back.user, u"tv"_s);
        QCOMPARE(back.friendlyName, u"Living room"_s);
        QCOMPARE(back.interfaces, s.interfaces);
    }

    void aChangedCatalogIsEventedAndAnUnchangedOneIsNot()
    {
        QTemporaryDir data;
        HttpServices services;
        DlnaServer server(data.path(), services);
        QVERIFY(services.dlna && services.dlnaSubscriptions && services.dlnaNotifier);
        QVERIFY(!services.dlna->isEnabled());   // until applied
        dlna::DlnaSettings s;
        s.enabled = true;
        s.user = u"tv"_s;
        s.interfaces = {u"lo"_s};
        server.apply(checkDlnaSettings(s, *m_server.users()));
        QVERIFY(services.dlna->isEnabled());
        QVERIFY(services.dlna->userId() > 0);

        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        const auto subscribed = services.dlnaSubscriptions->subscribe(
            u"cds"_s, "<http://127.0.0.1:" + QByteArray::number(listener.serverPort()) + "/cds>", "upnp:event",
            "Second-300", QHostAddress::LocalHost);
        const auto *subscription = std::get_if<dlna::Subscription>(&subscribed);
        QVERIFY(subscription);
        dlna::EventNotifier *notifier = services.dlnaNotifier;
        const QString sid = subscription->sid;
        QMetaObject::invokeMethod(notifier, [notifier, sid] { notifier->sendInitial(sid, dlna::propertySet({{u"SystemUpdateID"_s, u"1"_s}})); },
                                  Qt::QueuedConnection);
        QVERIFY(nextNotify(listener).contains("SEQ: 0\r\n"));

        const quint32 before = services.dlna->systemUpdateId();
        ScanSummary nothingNew;
        nothingNew.unchanged = 12;
        server.catalogChanged(nothingNew);
        QCOMPARE(services.dlna->systemUpdateId(), before);
        ScanSummary added;
        added.added = 1;
        server.catalogChanged(added);
        QCOMPARE(services.dlna->systemUpdateId(), before + 1);
        const QByteArray event = nextNotify(listener);
        QVERIFY2(event.contains("SEQ: 1\r\n"), event.constData());
        QVERIFY(event.contains("<SystemUpdateID>" + QByteArray::number(before + 1) + "</SystemUpdateID>"));
        QVERIFY(!listener.waitForNewConnection(300));   // the unchanged scan sent nothing

        s.enabled = false;
        server.apply(checkDlnaSettings(s, *m_server.users()));
        QVERIFY(!services.dlna->isEnabled());
        QVERIFY(!server.status().running);
    }
};

QTEST_GUILESS_MAIN(TestDlnaServer)
#include "tst_dlna_server.moc"
