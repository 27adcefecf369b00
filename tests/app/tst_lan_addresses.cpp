// What `cairn --headless` tells people to open on a phone: listening on every address it names
// each LAN address it can be reached at (and they answer); bound to loopback, none. Runs in its
// own network namespace with a veth pair standing in for the LAN card.

#include "HttpTestClient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

const QString kLanAddress = u"192.0.2.10"_s;          // TEST-NET-1: the "LAN card"
const QString kSecondAddress = u"198.51.100.20"_s;    // a second network on the same card
const QString kLinkLocal = u"169.254.7.7"_s;          // reaches nobody: never announced

bool ip(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool linkRunning(const QString &name)
{
    QProcess p;
    p.start(u"ip"_s, {u"-o"_s, u"link"_s, u"show"_s, u"dev"_s, name});
    return p.waitForFinished(10000) && p.readAllStandardOutput().contains("LOWER_UP");
}

// Starts cairn with `args` and returns its output up to the start-up lines (empty on failure).
QString startUp(QProcess &cairn, const QStringList &args)
{
    cairn.setProcessChannelMode(QProcess::MergedChannels);
    cairn.start(QStringLiteral(CAIRN_BINARY), args);
    if (!cairn.waitForStarted())
        return {};
    QString out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains(u"serving on"_s) && timer.elapsed() < 20000) {
        cairn.waitForReadyRead(200);
        out += QString::fromUtf8(cairn.readAll());
    }
    // The LAN line follows at once, when there is one (the pipe may cut lines anywhere).
    timer.restart();
    while (!out.contains(u"On the LAN"_s) && timer.elapsed() < 1500) {
        cairn.waitForReadyRead(100);
        out += QString::fromUtf8(cairn.readAll());
    }
    cairn.waitForReadyRead(100);
    return out + QString::fromUtf8(cairn.readAll());
}

void stop(QProcess &cairn)
{
    cairn.terminate();
    if (!cairn.waitForFinished(15000))
        cairn.kill();
}

} // namespace

class TestLanAddresses : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("CAIRN_IN_NETNS") != u"1"_s)
            QSKIP(qPrintable(u"needs its own network namespace: "_s
                             + qEnvironmentVariable("CAIRN_NETNS_UNAVAILABLE", u"run it through tests/dlna/in-netns.sh"_s)));
        QVERIFY(ip({u"link"_s, u"add"_s, u"lan0"_s, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, u"lan1"_s}));
        const QStringList addresses{QString(kLanAddress + u"/24"_s), QString(kSecondAddress + u"/24"_s),
                                    QString(kLinkLocal + u"/16"_s)};
        for (const QString &address : addresses)
            QVERIFY2(ip({u"addr"_s, u"add"_s, address, u"dev"_s, u"lan0"_s}), qPrintable(address));
        QVERIFY(ip({u"link"_s, u"set"_s, u"lan0"_s, u"up"_s}));
        QVERIFY(ip({u"link"_s, u"set"_s, u"lan1"_s, u"up"_s}));
        // Cairn names only running interfaces: the pair has carrier a moment after both ends are up.
        QTRY_VERIFY_WITH_TIMEOUT(linkRunning(u"lan0"_s), 10000);
        QVERIFY(m_dir.isValid());
    }

    void everyAddressNamesTheLan()
    {
        QProcess cairn;
        const QString out = startUp(cairn, {u"--headless"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--port"_s, u"0"_s});
        const auto port = QRegularExpression(u"serving on http://127\\.0\\.0\\.1:(\\d+)/"_s).match(out).captured(1).toUShort();
        QVERIFY2(port > 0, qPrintable(out));
        const QString lanLine = u"On the LAN (phones, TVs, other computers): http://%1:%3/, http://%2:%3/"_s
                                    .arg(kLanAddress, kSecondAddress)
                                    .arg(port);
        QVERIFY2(out.contains(lanLine), qPrintable(out));
        QVERIFY2(!out.contains(kLinkLocal), qPrintable(out));
        // What it names answers there.
        for (const QString &address : {kLanAddress, kSecondAddress}) {
            HttpTestClient client(port, 0, QHostAddress(address));
            QCOMPARE(client.get("/health").status, 200);
        }
        stop(cairn);
    }

    void loopbackNamesNone()
    {
        QProcess cairn;
        const QString out = startUp(cairn, {u"--headless"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--port"_s,
                                            u"0"_s, u"--bind"_s, u"127.0.0.1"_s});
        QVERIFY2(out.contains(u"serving on http://127.0.0.1:"_s), qPrintable(out));
        QVERIFY2(!out.contains(u"On the LAN"_s), qPrintable(out));
        stop(cairn);
    }

    void oneLanAddressNamesItself()
    {
        QProcess cairn;
        const QString out = startUp(cairn, {u"--headless"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--port"_s,
                                            u"0"_s, u"--bind"_s, kSecondAddress});
        const auto port = QRegularExpression(u"serving on http://198\\.51\\.100\\.20:(\\d+)/"_s).match(out).captured(1).toUShort();
        QVERIFY2(port > 0, qPrintable(out));
        QVERIFY2(out.contains(u"On the LAN (phones, TVs, other computers): http://%1:%2/\n"_s.arg(kSecondAddress).arg(port)),
                 qPrintable(out));
        stop(cairn);
    }
};

QTEST_GUILESS_MAIN(TestLanAddresses)
#include "tst_lan_addresses.moc"
