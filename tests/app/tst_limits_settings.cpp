// Issue 15 finding 5: the limits come from cairn.ini. The real `cairn --headless` with a data
// dir whose settings lower the caps: the request rate per address answers 429 at the set burst
// (127.0.0.1 is a trusted proxy there, so X-Forwarded-For names the client), and the limits
// in force, read back by an administrator, are the ones written. Without the settings, the
// defaults are on.

#include "HttpTestClient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestLimitsSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsChangeTheCaps_data();
    void settingsChangeTheCaps();
};

void TestLimitsSettings::settingsChangeTheCaps_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<int>("burst");
    QTest::addColumn<int>("hlsSessions");
    QTest::addColumn<int>("streamsPerUser");
    QTest::newRow("defaults") << "[server]\ntrustedProxies=127.0.0.1\n"_ba << 200 << 4 << 8;
    QTest::newRow("lowered") << "[server]\ntrustedProxies=127.0.0.1\nrequestsPerSecond=1\nrequestBurst=3\n"
                                "[hls]\nmaxSessionsPerUser=2\n[streams]\nmaxPerUser=5\n"_ba
                             << 3 << 2 << 5;
}

void TestLimitsSettings::settingsChangeTheCaps()
{
    QFETCH(QByteArray, ini);
    QFETCH(int, burst);
    QFETCH(int, hlsSessions);
    QFETCH(int, streamsPerUser);
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"data"_s)) && QDir().mkpath(dir.filePath(u"Music"_s)));
    QFile settings(dir.filePath(u"data/cairn.ini"_s));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write(ini);
    settings.close();
    QFile password(dir.filePath(u"pw"_s));
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write("root-Secret-1\n");
    password.close();

    QProcess cairn;
    cairn.start(QStringLiteral(CAIRN_BINARY),
                {u"--headless"_s, u"--data-dir"_s, dir.filePath(u"data"_s), u"--library"_s, dir.filePath(u"Music"_s),
                 u"--port"_s, u"0"_s, u"--admin-user"_s, u"root"_s, u"--admin-password-file"_s, password.fileName()});
    QVERIFY(cairn.waitForStarted());
    static const QRegularExpression serving(u"serving on http://127\\.0\\.0\\.1:(\\d+)/"_s);
    QString out;
    const auto announcedPort = [&] {
        out += QString::fromUtf8(cairn.readAllStandardOutput());
        return serving.match(out).captured(1).toUInt();
    };
    QTRY_VERIFY_WITH_TIMEOUT(announcedPort() > 0, 20000);
    const quint16 port = quint16(announcedPort());
    HttpTestClient client(port);

    // A client on the LAN (through the trusted proxy): the burst it may send, then (at a rate
    // slow enough that the loop's own time refills nothing) 429.
    QList<int> statuses;
    for (int i = 0; i <= burst; ++i)
        statuses << client.get("/api/auth/me", {"X-Forwarded-For: 192.0.2.5"}).status;
    QCOMPARE(statuses.mid(0, burst).count(401), burst);   // no credentials: refused, but counted
    if (burst < 10)
        QCOMPARE(statuses.last(), 429);
    // This computer is not counted.
    QCOMPARE(client.get("/api/auth/me").status, 401);

    const QByteArray login = R"({"name":"root","password":"root-Secret-1"})";
    client.send("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(login.size()) + "\r\n\r\n" + login);
    const QByteArray token = QJsonDocument::fromJson(client.read().body).object().value(u"token"_s).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    const QJsonObject limits =
        QJsonDocument::fromJson(client.get("/api/activity/limits", {"Authorization: Bearer " + token}).body).object();
    QCOMPARE(limits.value(u"requestBurst"_s).toInt(), burst);
    QCOMPARE(limits.value(u"maxHlsSessionsPerUser"_s).toInt(), hlsSessions);
    QCOMPARE(limits.value(u"maxStreamsPerUser"_s).toInt(), streamsPerUser);

    cairn.terminate();
    QVERIFY(cairn.waitForFinished(15000));
    QCOMPARE(cairn.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestLimitsSettings)
#include "tst_limits_settings.moc"
