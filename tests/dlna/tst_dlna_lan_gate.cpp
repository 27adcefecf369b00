// The LAN gate against the real server, with real source addresses: inside a network namespace
// of its own (in-netns.sh) the test gives loopback two more addresses, one on an enabled
// network and one outside every enabled network, and connects from each. DLNA answers the
// first and loopback, and refuses the stranger with 403 — whatever Host it sends.
#include "TestHttpClient.h"
#include "TestServer.h"

#include "dlna/DeviceIdentity.h"
#include "dlna/DlnaDevice.h"
#include "dlna/EventSubscriptions.h"
#include "MediaFixtures.h"

#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

const QString kLanAddress = u"192.0.2.1"_s;        // this machine on the enabled network
const QString kNeighbour = u"192.0.2.77"_s;        // a TV on it
const QString kStranger = u"198.51.100.7"_s;       // on no enabled network

bool addAddress(const QString &address)
{
    QProcess ip;
    ip.start(u"ip"_s, {u"addr"_s, u"add"_s, address + u"/32"_s, u"dev"_s, u"lo"_s});
    return ip.waitForFinished(10000) && ip.exitCode() == 0;
}

// The status of GET `path` sent from `source` to `target`:port with `host` in Host.
int statusFrom(const QString &source, const QString &target, quint16 port, const QByteArray &host, const QByteArray &path)
{
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(source)))
        return -1;
    socket.connectToHost(QHostAddress(target), port);
    if (!socket.waitForConnected(5000))
        return -2;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    TestHttpResponse head;
    return parseResponseHead(answer.left(answer.indexOf("\r\n\r\n")), head) ? head.status : -3;
}

} // namespace

class TestDlnaLanGate : public QObject
{
    Q_OBJECT

    TestServer m_server;
    std::unique_ptr<dlna::DlnaDevice> m_device;
    std::unique_ptr<dlna::EventSubscriptions> m_subscriptions;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("CAIRN_IN_NETNS") != u"1"_s)
            QSKIP(qPrintable(u"needs its own network namespace: "_s
                             + qEnvironmentVariable("CAIRN_NETNS_UNAVAILABLE", u"run it through tests/dlna/in-netns.sh"_s)));
        for (const QString &address : {kLanAddress, kNeighbour, kStranger})
            QVERIFY2(addAddress(address), qPrintable(address));
        dlna::DeviceIdentity identity;
        identity.uuid = u"0d6c4a52-7a5e-4f57-9b1e-3c2d1e0f9a88"_s;
        identity.friendlyName = u"Cairn gate test"_s;
        m_device = std::make_unique<dlna::DlnaDevice>(identity, 1);
        m_device->setNetworks({{u"lo"_s, QHostAddress(kLanAddress), 24, 1}});
        m_subscriptions = std::make_unique<dlna::EventSubscriptions>();
        TestServerOptions options;
        options.config.bindAddress = QHostAddress::AnyIPv4;
        options.moreServices = [this](HttpServices &services) {
            services.dlna = m_device.get();
            services.dlnaSubscriptions = m_subscriptions.get();
        };
        QCOMPARE(m_server.start(options), QString());
    }

    void neighboursOnTheEnabledNetworkAreAnswered()
    {
        const quint16 port = m_server.port();
        const QByteArray lanHost = kLanAddress.toLatin1() + ':' + QByteArray::number(port);
        QCOMPARE(statusFrom(kNeighbour, kLanAddress, port, lanHost, "/dlna/description.xml"), 200);
        QCOMPARE(statusFrom(u"127.0.0.1"_s, u"127.0.0.1"_s, port, "127.0.0.1:" + QByteArray::number(port),
                            "/dlna/description.xml"),
                 200);
        // On the right network, but naming the server by a name: a rebinding page.
        QCOMPARE(statusFrom(kNeighbour, kLanAddress, port, "tv-guide.example:" + QByteArray::number(port),
                            "/dlna/description.xml"),
                 403);
    }

    void strangersAreRefusedWhateverTheyClaim()
    {
        const quint16 port = m_server.port();
        const QByteArray lanHost = kLanAddress.toLatin1() + ':' + QByteArray::number(port);
        QCOMPARE(statusFrom(kStranger, kLanAddress, port, lanHost, "/dlna/description.xml"), 403);
        QCOMPARE(statusFrom(kStranger, u"127.0.0.1"_s, port, "127.0.0.1", "/dlna/cds.xml"), 403);
        // The rest of Cairn is not DLNA's to refuse: its own authentication applies there.
        QCOMPARE(statusFrom(kStranger, kLanAddress, port, lanHost, "/health"), 200);
    }
};

QTEST_GUILESS_MAIN(TestDlnaLanGate)
#include "tst_dlna_lan_gate.moc"
