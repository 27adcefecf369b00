// The DLNA media server's HTTP face against the real server: the device description, SCPDs and
// icons a control point reads, SOAP control with its faults, GENA subscriptions, and the gate
// every DLNA request passes (Host must be one of this machine's IP literals). Bad input next to
// the good: malformed SOAP, an unknown action, a huge body, an entity bomb, a foreign or named
// SUBSCRIBE callback — each refused while the server keeps serving.
#undef QT_USE_QSTRINGBUILDER
#include "TestHttpClient.h"
#include "TestServer.h"

#include "auth/User.h"
#include "auth/UserAdministration.h"
#include "dlna/DeviceIdentity.h"
#include "dlna/DlnaDevice.h"
#include "dlna/EventNotifier.h"
#include "dlna/EventSubscriptions.h"
#include "MediaFixtures.h"
#include "SoapFixtures.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

const QByteArray kCds = "urn:schemas-upnp-org:service:ContentDirectory:1";
const QByteArray kCms = "urn:schemas-upnp-org:service:ConnectionManager:1";
const QByteArray kMrr = "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1";

} // namespace

class TestDlnaHttp : public QObject
{
    Q_OBJECT

    TestServer m_server;
    std::unique_ptr<dlna::DlnaDevice> m_device;
    std::unique_ptr<dlna::EventSubscriptions> m_subscriptions;
    std::unique_ptr<dlna::EventNotifier> m_notifier;

    TestHttpResponse call(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers = {},
                          const QByteArray &body = {})
    {
        TestHttpClient client(m_server.port());
        QList<QByteArray> all = headers;
        if (!body.isEmpty() || method == "POST")
            all << "Content-Length: " + QByteArray::number(body.size());
        client.send(requestBytes(method, target, all, body));
        return client.read(method == "HEAD");
    }
    TestHttpResponse soap(const QByteArray &path, const QByteArray &service, const QByteArray &action,
                          const QByteArray &args = {})
    {
        return call("POST", path, {"Content-Type: text/xml; charset=\"utf-8\"", "SOAPACTION: \"" + service + '#' + action + '"'},
                    soapBody(service, action, args));
    }
    // Raw bytes on a fresh connection (for a Host the test client would not send).
    TestHttpResponse raw(const QByteArray &bytes)
    {
        TestHttpClient client(m_server.port());
        client.send(bytes);
        return client.read(false);
    }
    bool stillServing()
    {
        return call("GET", "/dlna/description.xml").status == 200;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(makeAudio(m_server.libraryPath(u"song.mp3"_s), 2, {{u"title"_s, u"Song"_s}}), QString());
        dlna::DeviceIdentity identity;
        identity.uuid = u"5b1f6c2e-0d1a-4c3b-9a55-0f6a2b7c9d11"_s;
        identity.friendlyName = u"Cairn & Co <test>"_s;
        m_device = std::make_unique<dlna::DlnaDevice>(identity, 0);
        m_subscriptions = std::make_unique<dlna::EventSubscriptions>();
        m_notifier = std::make_unique<dlna::EventNotifier>(*m_subscriptions);
        TestServerOptions options;
        options.scanFirst = true;
        options.auth = true;
        options.moreServices = [this](HttpServices &services) {
            services.dlna = m_device.get();
            services.dlnaSubscriptions = m_subscriptions.get();
            services.dlnaNotifier = m_notifier.get();
        };
        QCOMPARE(m_server.start(options), QString());
        UserChanges lan;
        lan.name = u"living-room"_s;
        lan.password = u"a long enough password"_s;
        lan.admin = false;
        lan.folderIds = QList<qint64>{m_server.libraryFolderId()};
        const auto user = m_server.users()->create(lan);
        QVERIFY(user.ok());
        m_device->setUserId(user->id);
    }

    void descriptionNamesTheMediaServerAndItsServices()
    {
        const auto r = call("GET", "/dlna/description.xml");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/xml"));
        QCOMPARE(elementText(r.body, u"deviceType"_s), u"urn:schemas-upnp-org:device:MediaServer:1"_s);
        QCOMPARE(elementText(r.body, u"UDN"_s), u"uuid:5b1f6c2e-0d1a-4c3b-9a55-0f6a2b7c9d11"_s);
        QCOMPARE(elementText(r.body, u"friendlyName"_s), u"Cairn & Co <test>"_s);   // escaped in, intact out
        QCOMPARE(elementText(r.body, u"X_DLNADOC"_s), u"DMS-1.50"_s);
        for (const QByteArray &type : {kCds, kCms, kMrr})
            QVERIFY2(r.body.contains("<serviceType>" + type + "</serviceType>"), type.constData());
        QCOMPARE(call("HEAD", "/dlna/description.xml").status, 200);
    }

    void scpdsAndIconsAreServed()
    {
        for (const char *path : {"/dlna/cds.xml", "/dlna/cms.xml", "/dlna/mrr.xml"}) {
            const auto r = call("GET", path);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.contains("<scpd"));
        }
        QVERIFY(call("GET", "/dlna/cds.xml").body.contains("<name>X_GetFeatureList</name>"));
        const auto png = call("GET", "/dlna/icons/icon-120.png");
        QCOMPARE(png.status, 200);
        QCOMPARE(png.header("content-type"), "image/png");
        QVERIFY(png.body.startsWith("\x89PNG"));
        QCOMPARE(call("GET", "/dlna/icons/icon-48.jpg").header("content-type"), "image/jpeg");
        QCOMPARE(call("GET", "/dlna/icons/..%2Fcds.xml").status, 404);
    }

    // MiniDLNA CVE-2022-26505: a web page rebinding its DNS name to the LAN reaches the device.
    void minidlna_CVE_2022_26505_dnsRebinding()
    {
        const QByteArray port = QByteArray::number(m_server.port());
        QCOMPARE(raw("GET /dlna/description.xml HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").status, 200);
        QCOMPARE(raw("GET /dlna/description.xml HTTP/1.1\r\nHost: attacker.example\r\n\r\n").status, 403);
        QCOMPARE(raw("GET /dlna/description.xml HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").status, 403);
        QCOMPARE(raw("GET /dlna/description.xml HTTP/1.1\r\nHost: 127.1\r\n\r\n").status, 403);
        QCOMPARE(raw("GET /dlna/description.xml HTTP/1.1\r\nHost: 10.99.99.99\r\n\r\n").status, 403);
        // A rebinding page cannot reach the control URLs either.
        const QByteArray body = soapBody(kCds, "GetSystemUpdateID");
        QCOMPARE(raw("POST /dlna/cds/control HTTP/1.1\r\nHost: attacker.example\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body)
                     .status,
                 403);
    }

    void peersOutsideTheEnabledNetworksAreRefused()
    {
        dlna::DlnaDevice device(m_device->identity(), 1);
        device.setNetworks({{u"eth0"_s, QHostAddress(u"192.168.1.10"_s), 24, 2}});
        QVERIFY(device.allowsPeer(QHostAddress(u"192.168.1.77"_s)));
        QVERIFY(device.allowsPeer(QHostAddress(u"::ffff:192.168.1.77"_s)));
        QVERIFY(device.allowsPeer(QHostAddress::LocalHost));
        QVERIFY(!device.allowsPeer(QHostAddress(u"192.168.2.77"_s)));
        QVERIFY(!device.allowsPeer(QHostAddress(u"8.8.8.8"_s)));
        QVERIFY(device.isOwnHost("192.168.1.10:8765"));
        QVERIFY(!device.isOwnHost("192.168.1.11:8765"));
        QVERIFY(!device.isOwnHost("[::1]x"));
        QVERIFY(device.isOwnHost("[::1]:8765"));
    }

    void soapActionsAnswer()
    {
        auto r = soap("/dlna/cds/control", kCds, "GetSystemUpdateID");
        QCOMPARE(r.status, 200);
        QCOMPARE(elementText(r.body, u"Id"_s), QString::number(m_device->systemUpdateId()));
        r = soap("/dlna/cms/control", kCms, "GetProtocolInfo");
        QCOMPARE(r.status, 200);
        QVERIFY(elementText(r.body, u"Source"_s).contains(u"http-get:*:audio/mpeg:DLNA.ORG_PN=MP3"_s));
        r = soap("/dlna/cms/control", kCms, "GetCurrentConnectionIDs");
        QCOMPARE(elementText(r.body, u"ConnectionIDs"_s), u"0"_s);
        r = soap("/dlna/cms/control", kCms, "GetCurrentConnectionInfo", "<ConnectionID>0</ConnectionID>");
        QCOMPARE(elementText(r.body, u"Direction"_s), u"Output"_s);
        r = soap("/dlna/cms/control", kCms, "GetCurrentConnectionInfo", "<ConnectionID>7</ConnectionID>");
        QCOMPARE(r.status, 500);
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"706"_s);
        r = soap("/dlna/mrr/control", kMrr, "IsAuthorized", "<DeviceID></DeviceID>");
        QCOMPARE(elementText(r.body, u"Result"_s), u"1"_s);
    }

    void badSoapGetsFaultsAndTheServerGoesOn()
    {
        auto r = soap("/dlna/cds/control", kCds, "DeleteEverything");
        QCOMPARE(r.status, 500);
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"401"_s);
        // The action addressed to another service's type.
        r = soap("/dlna/cds/control", kCms, "GetProtocolInfo");
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"401"_s);
        // SOAPACTION naming another action than the body.
        r = call("POST", "/dlna/cds/control", {"SOAPACTION: \"" + kCds + "#Browse\""}, soapBody(kCds, "GetSystemUpdateID"));
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"401"_s);
        r = call("POST", "/dlna/cds/control", {}, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><u:Br");
        QCOMPARE(r.status, 500);
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"402"_s);
        r = call("POST", "/dlna/cds/control", {}, "not xml at all");
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"402"_s);
        // Billion laughs: entity declarations are never read.
        QByteArray bomb = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY a \"aaaaaaaaaa\">";
        for (int i = 1; i < 10; ++i)
            bomb += "<!ENTITY a" + QByteArray::number(i) + " \"&a" + (i > 1 ? QByteArray::number(i - 1) : QByteArray())
                    + ";&a" + (i > 1 ? QByteArray::number(i - 1) : QByteArray()) + ";\">";
        bomb += "]>" + soapBody(kCds, "Browse", "<ObjectID>&a9;</ObjectID>").mid(39);
        r = call("POST", "/dlna/cds/control", {"SOAPACTION: \"" + kCds + "#Browse\""}, bomb);
        QCOMPARE(r.status, 500);
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"402"_s);
        // A huge body: refused before any parsing.
        r = call("POST", "/dlna/cds/control", {}, QByteArray(200 * 1024, 'x'));
        QCOMPARE(r.status, 413);
        QVERIFY(stillServing());
        QCOMPARE(soap("/dlna/cds/control", kCds, "GetSystemUpdateID").status, 200);
    }

    void subscriptionsSendEventsOnlyToTheSubscriber()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        const QByteArray callback = "<http://127.0.0.1:" + QByteArray::number(listener.serverPort()) + "/event>";
        auto r = call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: " + callback, "NT: upnp:event", "TIMEOUT: Second-300"});
        QCOMPARE(r.status, 200);
        const QByteArray sid = r.header("sid");
        QVERIFY(sid.startsWith("uuid:"));
        QCOMPARE(r.header("timeout"), "Second-300");
        // The initial event reaches the subscriber with SEQ 0 and the SystemUpdateID.
        QTRY_VERIFY_WITH_TIMEOUT(listener.hasPendingConnections(), 5000);
        QTcpSocket *event = listener.nextPendingConnection();
        QByteArray notify;
        QTRY_VERIFY_WITH_TIMEOUT((notify += event->readAll()).contains("</e:propertyset>"), 5000);
        QVERIFY2(notify.startsWith("NOTIFY /event HTTP/1.1\r\n"), notify.constData());
        QVERIFY(notify.contains("SID: " + sid + "\r\n"));
        QVERIFY(notify.contains("SEQ: 0\r\n"));
        QVERIFY(notify.contains("<SystemUpdateID>" + QByteArray::number(m_device->systemUpdateId()) + "</SystemUpdateID>"));
        event->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        event->flush();

        // Renewal and unsubscription name the SID.
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"SID: " + sid, "TIMEOUT: Second-100000"}).header("timeout"),
                 "Second-1800");
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"SID: " + sid, "NT: upnp:event"}).status, 400);
        QCOMPARE(call("UNSUBSCRIBE", "/dlna/cds/event", {"SID: " + sid}).status, 200);
        QCOMPARE(call("UNSUBSCRIBE", "/dlna/cds/event", {"SID: " + sid}).status, 412);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"SID: uuid:not-ours"}).status, 412);
    }

    void browseLeadsToSignedMediaLinks()
    {
        auto r = soap("/dlna/cds/control", kCds, "Browse",
                      "<ObjectID>0</ObjectID><BrowseFlag>BrowseDirectChildren</BrowseFlag><Filter>*</Filter>"
                      "<StartingIndex>0</StartingIndex><RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        QCOMPARE(r.status, 200);
        const QString root = elementText(r.body, u"Result"_s);
        QVERIFY2(root.contains(u"id=\"music\""_s) && root.contains(u"id=\"videos\""_s), qPrintable(root));
        QCOMPARE(elementText(r.body, u"TotalMatches"_s), u"2"_s);
        r = soap("/dlna/cds/control", kCds, "Browse",
                 "<ObjectID>tracks</ObjectID><BrowseFlag>BrowseDirectChildren</BrowseFlag><Filter>*</Filter>"
                 "<StartingIndex>0</StartingIndex><RequestedCount>10</RequestedCount><SortCriteria></SortCriteria>");
        QCOMPARE(r.status, 200);
        const QByteArray didl = elementText(r.body, u"Result"_s).toUtf8();
        const QString url = elementText(didl, u"res"_s);
        const QString prefix = u"http://127.0.0.1:%1/api/tracks/"_s.arg(m_server.port());
        QVERIFY2(url.startsWith(prefix) && url.contains(u"sig="_s), qPrintable(url));
        // The renderer sends no credentials: the signature is the account's.
        const QByteArray target = url.mid(prefix.size() - QString(u"/api/tracks/"_s).size()).toLatin1();
        const auto media = call("GET", target, {"getcontentFeatures.dlna.org: 1", "Range: bytes=0-9"});
        QCOMPARE(media.status, 206);
        QCOMPARE(media.body.size(), 10);
        QVERIFY2(media.header("contentfeatures.dlna.org").contains("DLNA.ORG_PN=MP3"), media.header("contentfeatures.dlna.org").constData());
        // Unknown objects, bad arguments.
        r = soap("/dlna/cds/control", kCds, "Browse",
                 "<ObjectID>t999999</ObjectID><BrowseFlag>BrowseMetadata</BrowseFlag><Filter>*</Filter>"
                 "<StartingIndex>0</StartingIndex><RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"701"_s);
        r = soap("/dlna/cds/control", kCds, "Browse",
                 "<ObjectID>0</ObjectID><BrowseFlag>BrowseEverything</BrowseFlag><Filter>*</Filter>"
                 "<StartingIndex>0</StartingIndex><RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"402"_s);
        r = soap("/dlna/cds/control", kCds, "Browse", "<ObjectID>0</ObjectID><BrowseFlag>BrowseMetadata</BrowseFlag>");
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"402"_s);
        r = soap("/dlna/cds/control", kCds, "Search",
                 "<ContainerID>0</ContainerID><SearchCriteria>dc:title contains \"Song\"</SearchCriteria><Filter>*</Filter>"
                 "<StartingIndex>0</StartingIndex><RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        QCOMPARE(r.status, 200);
        QCOMPARE(elementText(r.body, u"TotalMatches"_s), u"1"_s);
        r = soap("/dlna/cds/control", kCds, "Search",
                 "<ContainerID>0</ContainerID><SearchCriteria>dc:title contains</SearchCriteria><Filter>*</Filter>"
                 "<StartingIndex>0</StartingIndex><RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        QCOMPARE(elementText(r.body, u"errorCode"_s), u"708"_s);
        r = soap("/dlna/cds/control", kCds, "X_GetFeatureList");
        QVERIFY(elementText(r.body, u"FeatureList"_s).contains(u"samsung.com_BASICVIEW"_s));
    }

    void nothingAnswersWhileOff()
    {
        m_device->setEnabled(false);
        QCOMPARE(call("GET", "/dlna/description.xml").status, 404);
        QCOMPARE(soap("/dlna/cds/control", kCds, "GetSystemUpdateID").status, 404);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: <http://127.0.0.1:9/>", "NT: upnp:event"}).status, 404);
        m_device->setEnabled(true);
        QVERIFY(stillServing());
    }

    // CallStranger, CVE-2020-12695: SUBSCRIBE callbacks made UPnP devices send traffic anywhere.
    void callStranger_CVE_2020_12695_foreignCallbacks()
    {
        // CallStranger: a callback to anyone but the subscriber itself.
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: <http://10.20.30.40:80/>", "NT: upnp:event"}).status, 412);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: <http://victim.example/>", "NT: upnp:event"}).status, 412);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event",
                      {"CALLBACK: <http://127.0.0.1:9/><http://10.20.30.40:80/>", "NT: upnp:event"})
                     .status,
                 412);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: <https://127.0.0.1:9/>", "NT: upnp:event"}).status, 412);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: <http://127.0.0.1:9/>"}).status, 412);
        QCOMPARE(call("SUBSCRIBE", "/dlna/cds/event", {"CALLBACK: http://127.0.0.1:9/", "NT: upnp:event"}).status, 412);
        // Bounded per subscriber: the ninth open subscription from one address is refused.
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < dlna::EventSubscriptions::kMaxPerSubscriber + 2; ++i) {
            const int status = call("SUBSCRIBE", "/dlna/cms/event", {"CALLBACK: <http://127.0.0.1:9/>", "NT: upnp:event"}).status;
            accepted += status == 200;
            refused += status == 503;
        }
        QCOMPARE(accepted, dlna::EventSubscriptions::kMaxPerSubscriber);
        QCOMPARE(refused, 2);
        QVERIFY(stillServing());
    }
};

QTEST_GUILESS_MAIN(TestDlnaHttp)
#include "tst_dlna_http.moc"
