// SSDP texts without a network: parsing what control points send (and what attackers send),
// building our notices and answers, which targets answer which search, and the bounded queue of
// delayed answers.
#include "SsdpAnswerQueue.h"
#include "SsdpMessage.h"
#include "SsdpNotices.h"
#include "SsdpSearch.h"
#include "SsdpTargets.h"
#include "dlna/LanInterfaces.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::dlna;

namespace {

const QString uuid = u"4d696e69-444c-164e-9d41-b827eb5a1234"_s;
constexpr QByteArrayView mediaServer = "urn:schemas-upnp-org:device:MediaServer:1";

QByteArray search(const QByteArray &headers)
{
    return "M-SEARCH * HTTP/1.1\r\n" + headers + "\r\n";
}

std::optional<SsdpSearch> parseSearch(const QByteArray &datagram, bool multicast = true)
{
    const auto message = SsdpMessage::parse(datagram);
    return message ? SsdpSearch::from(*message, multicast) : std::nullopt;
}

QList<QByteArray> typesOf(const QList<SsdpTarget> &targets)
{
    QList<QByteArray> types;
    for (const SsdpTarget &target : targets)
        types.append(target.type);
    return types;
}

} // namespace

class TestSsdpMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAnMSearch()
    {
        const auto message = SsdpMessage::parse(search("Host: 239.255.255.250:1900\r\nMan: \"ssdp:discover\"\r\n"
                                                        "ST: ssdp:all\r\nmx: 3\r\nUser-Agent: x UPnP/1.0 y\r\n"));
        QVERIFY(message);
        QCOMPARE(message->kind(), SsdpMessage::Kind::Search);
        QCOMPARE(message->header("st"), "ssdp:all");
        QCOMPARE(message->header("MX"), "3");
        QCOMPARE(message->header("MAN"), "\"ssdp:discover\"");
        QVERIFY(!message->hasHeader("LOCATION"));
        const auto request = SsdpSearch::from(*message, true);
        QVERIFY(request);
        QCOMPARE(request->target, "ssdp:all");
        QCOMPARE(request->maxWaitSeconds, 3);
    }

    void toleratesBareLineFeedsAndSpaces()
    {
        const auto request = parseSearch("M-SEARCH * HTTP/1.1\nHOST:239.255.255.250:1900\nMAN:ssdp:discover\n"
                                         "ST:   upnp:rootdevice  \nMX:1\n\n");
        QVERIFY(request);
        QCOMPARE(request->target, "upnp:rootdevice");
        QCOMPARE(request->maxWaitSeconds, 1);
    }

    void recognisesNotifyAndResponses()
    {
        const auto notify = SsdpMessage::parse("NOTIFY * HTTP/1.1\r\nNTS: ssdp:alive\r\n\r\n");
        QVERIFY(notify);
        QCOMPARE(notify->kind(), SsdpMessage::Kind::Notify);
        QVERIFY(!SsdpSearch::from(*notify, true));
        const auto response = SsdpMessage::parse("HTTP/1.1 200 OK\r\nST: ssdp:all\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->kind(), SsdpMessage::Kind::Response);
        QVERIFY(!SsdpSearch::from(*response, true));
    }

    void refusesBadDatagrams_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x01\x02\xff\xfe garbage");
        QTest::newRow("binary zeros") << QByteArray(64, '\0');
        QTest::newRow("other method") << search("ST: ssdp:all\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n")
                                             .replace("M-SEARCH", "GET");
        QTest::newRow("no target *") << QByteArray("M-SEARCH / HTTP/1.1\r\nST: ssdp:all\r\n\r\n");
        QTest::newRow("header without colon") << search("ST ssdp:all\r\n");
        QTest::newRow("empty header name") << search(": value\r\n");
        QTest::newRow("space in header name") << search("S T: ssdp:all\r\n");
        QTest::newRow("CR inside a value")
            << search("ST: ssdp:all\rX-Injected: 1\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n");
        QTest::newRow("NUL inside a value") << search(QByteArray("ST: ssdp:all\0x\r\n", 17));
        QTest::newRow("oversized") << search("ST: ssdp:all\r\nX-Pad: " + QByteArray(9000, 'a') + "\r\n");
        QByteArray many;
        for (int i = 0; i < 100; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many headers") << search(many);
    }

    void refusesBadDatagrams()
    {
        QFETCH(QByteArray, datagram);
        QVERIFY(!SsdpMessage::parse(datagram));
    }

    void acceptsTheLargestAllowedDatagram()
    {
        QByteArray datagram = "M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 1\r\nX-Pad: ";
        datagram += QByteArray(SsdpMessage::maxDatagramSize - datagram.size() - 4, 'a') + "\r\n\r\n";
        QCOMPARE(datagram.size(), SsdpMessage::maxDatagramSize);
        QVERIFY(parseSearch(datagram));
        QVERIFY(!SsdpMessage::parse(QByteArray(datagram + ' ')));
    }

    void ignoresInvalidSearches_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<bool>("multicast");
        QTest::newRow("missing MAN") << QByteArray("ST: ssdp:all\r\nMX: 1\r\n") << true;
        QTest::newRow("wrong MAN") << QByteArray("MAN: \"ssdp:update\"\r\nST: ssdp:all\r\nMX: 1\r\n") << true;
        QTest::newRow("missing ST") << QByteArray("MAN: \"ssdp:discover\"\r\nMX: 1\r\n") << true;
        QTest::newRow("empty ST") << QByteArray("MAN: \"ssdp:discover\"\r\nST:\r\nMX: 1\r\n") << true;
        QTest::newRow("two ST")
            << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nST: upnp:rootdevice\r\nMX: 1\r\n") << true;
        QTest::newRow("multicast without MX") << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\n") << true;
        QTest::newRow("MX not a number")
            << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: soon\r\n") << true;
        QTest::newRow("MX negative") << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: -1\r\n") << true;
        QTest::newRow("MX empty") << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX:\r\n") << true;
        QTest::newRow("MX with a tail") << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 2x\r\n") << true;
        QTest::newRow("MX huge") << QByteArray("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 99999999999\r\n")
                                 << true;
        QTest::newRow("unicast missing MAN") << QByteArray("ST: ssdp:all\r\n") << false;
    }

    void ignoresInvalidSearches()
    {
        QFETCH(QByteArray, headers);
        QFETCH(bool, multicast);
        QVERIFY(!parseSearch(search(headers), multicast));
    }

    void capsMxAndAnswersUnicastAtOnce()
    {
        const auto slow = parseSearch(search("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 120\r\n"));
        QVERIFY(slow);
        QCOMPARE(slow->maxWaitSeconds, SsdpSearch::maxWaitCap);
        const auto zero = parseSearch(search("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 0\r\n"));
        QVERIFY(zero);
        QCOMPARE(zero->maxWaitSeconds, 0);
        // Unicast: MX is not needed and not honoured.
        const auto unicast = parseSearch(search("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\n"), false);
        QVERIFY(unicast);
        QCOMPARE(unicast->maxWaitSeconds, 0);
        const auto unicastWithMx = parseSearch(search("MAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 4\r\n"), false);
        QVERIFY(unicastWithMx);
        QCOMPARE(unicastWithMx->maxWaitSeconds, 0);
    }

    void advertisesRootDeviceServicesWithSpecUsns()
    {
        const QList<SsdpTarget> targets = advertisedTargets(uuid);
        const QByteArray udn = "uuid:" + uuid.toLatin1();
        const QList<SsdpTarget> expected{
            {"upnp:rootdevice", udn + "::upnp:rootdevice"},
            {udn, udn},
            {"urn:schemas-upnp-org:device:MediaServer:1", udn + "::urn:schemas-upnp-org:device:MediaServer:1"},
            {"urn:schemas-upnp-org:service:ContentDirectory:1",
             udn + "::urn:schemas-upnp-org:service:ContentDirectory:1"},
            {"urn:schemas-upnp-org:service:ConnectionManager:1",
             udn + "::urn:schemas-upnp-org:service:ConnectionManager:1"},
            {"urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1",
             udn + "::urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"},
        };
        QCOMPARE(targets, expected);
    }

    void matchesSearchTargets_data()
    {
        QTest::addColumn<QByteArray>("st");
        QTest::addColumn<QList<QByteArray>>("answered");
        const QByteArray udn = "uuid:" + uuid.toLatin1();
        QTest::newRow("ssdp:all") << QByteArray("ssdp:all") << typesOf(advertisedTargets(uuid));
        QTest::newRow("root device") << QByteArray("upnp:rootdevice") << QList<QByteArray>{"upnp:rootdevice"};
        QTest::newRow("uuid") << udn << QList<QByteArray>{udn};
        QTest::newRow("uuid in capitals") << udn.toUpper().replace("UUID:", "uuid:") << QList<QByteArray>{udn};
        QTest::newRow("other uuid") << QByteArray("uuid:00000000-0000-0000-0000-000000000000") << QList<QByteArray>{};
        QTest::newRow("device type") << mediaServer.toByteArray() << QList<QByteArray>{mediaServer.toByteArray()};
        QTest::newRow("service") << QByteArray("urn:schemas-upnp-org:service:ContentDirectory:1")
                                 << QList<QByteArray>{"urn:schemas-upnp-org:service:ContentDirectory:1"};
        QTest::newRow("microsoft service")
            << QByteArray("urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1")
            << QList<QByteArray>{"urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"};
        QTest::newRow("newer version than ours") << QByteArray("urn:schemas-upnp-org:device:MediaServer:2")
                                                 << QList<QByteArray>{};
        QTest::newRow("version 0") << QByteArray("urn:schemas-upnp-org:device:MediaServer:0") << QList<QByteArray>{};
        QTest::newRow("leading zero normalised") << QByteArray("urn:schemas-upnp-org:device:MediaServer:01")
                                                 << QList<QByteArray>{mediaServer.toByteArray()};
        QTest::newRow("renderer") << QByteArray("urn:schemas-upnp-org:device:MediaRenderer:1") << QList<QByteArray>{};
        QTest::newRow("no version") << QByteArray("urn:schemas-upnp-org:device:MediaServer") << QList<QByteArray>{};
        QTest::newRow("prefix only") << QByteArray("urn:schemas-upnp-org:device:") << QList<QByteArray>{};
        QTest::newRow("ssdp:all with a tail") << QByteArray("ssdp:allx") << QList<QByteArray>{};
    }

    void matchesSearchTargets()
    {
        QFETCH(QByteArray, st);
        QFETCH(QList<QByteArray>, answered);
        const QList<SsdpTarget> matches = targetsMatching(st, advertisedTargets(uuid));
        QCOMPARE(typesOf(matches), answered);
        for (const SsdpTarget &match : matches) {
            if (match.type != "upnp:rootdevice" && !match.type.startsWith("uuid:"))
                QCOMPARE(match.usn, "uuid:" + uuid.toLatin1() + "::" + match.type);
        }
    }

    void injectedSearchTargetIsNeverEchoed()
    {
        // A value with CR or LF cannot even be parsed; one that slips in by other means (a caller
        // bypassing the parser) is neither matched nor written as a header of ours.
        const QByteArray evil = mediaServer.toByteArray() + "\r\nLOCATION: http://attacker.example/";
        QVERIFY(!parseSearch(search("MAN: \"ssdp:discover\"\r\nMX: 1\r\nST: " + mediaServer.toByteArray()
                                    + "\rLOCATION: http://attacker.example/\r\n")));
        QVERIFY(targetsMatching(evil, advertisedTargets(uuid)).isEmpty());
        QVERIFY(targetsMatching(QByteArray(mediaServer.toByteArray() + '\n'), advertisedTargets(uuid)).isEmpty());
        SsdpMessage answer = SsdpMessage::response();
        QVERIFY(!answer.addHeader("ST", evil));
        QVERIFY(!answer.addHeader("X-Evil\r\nA", "b"));
        QVERIFY(!answer.toDatagram().contains("attacker"));
    }

    void buildsAliveNotice()
    {
        const SsdpOrigin origin{"http://192.168.1.5:8080/dlna/description.xml", "Debian/12 UPnP/1.0 Cairn/1.0", 1800};
        const SsdpTarget target = advertisedTargets(uuid).at(2);
        const QByteArray datagram = aliveNotice(target, origin).toDatagram();
        QVERIFY2(datagram.startsWith("NOTIFY * HTTP/1.1\r\n"), datagram.constData());
        QVERIFY(datagram.endsWith("\r\n\r\n"));
        const auto parsed = SsdpMessage::parse(datagram);
        QVERIFY(parsed);
        QCOMPARE(parsed->kind(), SsdpMessage::Kind::Notify);
        QCOMPARE(parsed->header("HOST"), "239.255.255.250:1900");
        QCOMPARE(parsed->header("CACHE-CONTROL"), "max-age=1800");
        QCOMPARE(parsed->header("LOCATION"), origin.location);
        QCOMPARE(parsed->header("NT"), mediaServer.toByteArray());
        QCOMPARE(parsed->header("NTS"), "ssdp:alive");
        QCOMPARE(parsed->header("SERVER"), origin.server);
        QCOMPARE(parsed->header("USN"), target.usn);
    }

    void buildsByebyeNotice()
    {
        const SsdpTarget target = advertisedTargets(uuid).at(0);
        const auto parsed = SsdpMessage::parse(byebyeNotice(target).toDatagram());
        QVERIFY(parsed);
        QCOMPARE(parsed->kind(), SsdpMessage::Kind::Notify);
        QCOMPARE(parsed->header("NT"), "upnp:rootdevice");
        QCOMPARE(parsed->header("NTS"), "ssdp:byebye");
        QCOMPARE(parsed->header("USN"), target.usn);
        QCOMPARE(parsed->header("HOST"), "239.255.255.250:1900");
        QVERIFY(!parsed->hasHeader("LOCATION"));
    }

    void buildsSearchAnswer()
    {
        const SsdpOrigin origin{"http://10.0.0.2:8200/dlna/description.xml", "Linux/6 UPnP/1.0 Cairn/1.0", 900};
        const SsdpTarget target = advertisedTargets(uuid).at(1);
        const QDateTime when(QDate(2026, 3, 7), QTime(9, 5, 3), Qt::UTC);
        const QByteArray datagram = searchAnswer(target, origin, when).toDatagram();
        QVERIFY2(datagram.startsWith("HTTP/1.1 200 OK\r\n"), datagram.constData());
        QVERIFY2(datagram.contains("\r\nEXT:\r\n"), datagram.constData());
        const auto parsed = SsdpMessage::parse(datagram);
        QVERIFY(parsed);
        QCOMPARE(parsed->kind(), SsdpMessage::Kind::Response);
        QCOMPARE(parsed->header("CACHE-CONTROL"), "max-age=900");
        QCOMPARE(parsed->header("DATE"), "Sat, 07 Mar 2026 09:05:03 GMT");
        QVERIFY(parsed->hasHeader("EXT"));
        QCOMPARE(parsed->header("LOCATION"), origin.location);
        QCOMPARE(parsed->header("SERVER"), origin.server);
        QCOMPARE(parsed->header("ST"), target.type);
        QCOMPARE(parsed->header("USN"), target.usn);
    }

    void answerQueueReleasesInOrderAndStaysBounded()
    {
        SsdpAnswerQueue queue(3);
        QCOMPARE(queue.nextDueMs(), -1);
        QVERIFY(queue.add(300, {"c", QHostAddress::LocalHost, 1}));
        QVERIFY(queue.add(100, {"a", QHostAddress::LocalHost, 1}));
        QVERIFY(queue.add(200, {"b", QHostAddress::LocalHost, 1}));
        QVERIFY(!queue.add(50, {"flood", QHostAddress::LocalHost, 1}));
        QCOMPARE(queue.size(), 3);
        QCOMPARE(queue.nextDueMs(), 100);
        QVERIFY(queue.takeDue(99).isEmpty());
        const QList<SsdpAnswer> due = queue.takeDue(200);
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.at(0).datagram, "a");
        QCOMPARE(due.at(1).datagram, "b");
        QCOMPARE(queue.size(), 1);
        QVERIFY(queue.add(150, {"d", QHostAddress::LocalHost, 1}));
        for (int i = 0; i < 10'000; ++i)
            queue.add(i, {"flood", QHostAddress::LocalHost, 1});
        QCOMPARE(queue.size(), 3);
    }

    void lanMembershipBySubnet_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<bool>("onLan");
        QTest::newRow("same /24") << u"192.168.1.77"_s << true;
        QTest::newRow("interface itself") << u"192.168.1.5"_s << true;
        QTest::newRow("next /24") << u"192.168.2.77"_s << false;
        QTest::newRow("second interface /16") << u"10.7.200.1"_s << true;
        QTest::newRow("outside /16") << u"10.8.0.1"_s << false;
        QTest::newRow("v4-mapped inside") << u"::ffff:192.168.1.9"_s << true;
        QTest::newRow("v4-mapped outside") << u"::ffff:8.8.8.8"_s << false;
        QTest::newRow("internet") << u"8.8.8.8"_s << false;
        QTest::newRow("loopback") << u"127.0.0.1"_s << true;
        QTest::newRow("loopback elsewhere in 127/8") << u"127.3.2.1"_s << true;
        QTest::newRow("v6 loopback") << u"::1"_s << true;
        QTest::newRow("v6 link-local") << u"fe80::1"_s << false;
        QTest::newRow("null") << QString() << false;
    }

    void lanMembershipBySubnet()
    {
        QFETCH(QString, peer);
        QFETCH(bool, onLan);
        const QList<LanInterface> interfaces{
            {u"eth0"_s, QHostAddress(u"192.168.1.5"_s), 24, 2},
            {u"wlan0"_s, QHostAddress(u"10.7.0.3"_s), 16, 3},
        };
        QCOMPARE(isOnLan(QHostAddress(peer), interfaces), onLan);
    }

    void lanInterfacesAreIpv4AndSkipLoopbackUnlessNamed()
    {
        for (const LanInterface &iface : lanInterfaces({})) {
            QCOMPARE(iface.address.protocol(), QAbstractSocket::IPv4Protocol);
            QVERIFY(!iface.address.isLoopback());
            QVERIFY(iface.prefixLength > 0 && iface.prefixLength <= 32);
        }
        QVERIFY(lanInterfaces({u"no-such-interface-here"_s}).isEmpty());
        for (const LanInterface &iface : lanInterfaces({u"127.0.0.1"_s}))
            QCOMPARE(iface.address, QHostAddress(QHostAddress::LocalHost));
    }
};

QTEST_GUILESS_MAIN(TestSsdpMessage)
#include "tst_ssdp_message.moc"
