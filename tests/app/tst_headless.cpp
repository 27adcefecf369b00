// The real `cairn` executable in --headless mode: options, start-up on an empty data dir,
// serving over HTTP, and a clean exit on SIGTERM.

#include "HttpTestClient.h"
#include "MediaFixtures.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestHeadless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void badOptions_data();
    void badOptions();
    void servesAndStopsCleanly();
};

namespace {

struct Finished
{
    int code = -1;
    QString out;
    QString err;
};

Finished runToEnd(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CAIRN_BINARY), args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

void TestHeadless::helpAndVersion()
{
    Finished r = runToEnd({u"--help"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"Usage: cairn [options]"_s), qPrintable(r.out));
    for (const QString &option : {u"--headless"_s, u"--data-dir"_s, u"--library"_s, u"--port"_s, u"--bind"_s})
        QVERIFY2(r.out.contains(option), qPrintable(r.out));
    r = runToEnd({u"--version"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(u"cairn "_s));
    // The libraries in use, e.g. "Qt 6.4.2, FFmpeg 5.1.6 (libavformat 59.27.100), TagLib 1.13.0".
    const QStringList lines = r.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(QRegularExpression(u"^Qt 6\\.\\d+\\.\\d+, FFmpeg \\S+ \\(libavformat \\d+\\.\\d+\\.\\d+\\), TagLib 1\\.\\d+\\.\\d+$"_s)
                 .match(lines.at(1)).hasMatch(),
             qPrintable(lines.at(1)));
}

void TestHeadless::badOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("port text") << QStringList{u"--headless"_s, u"--port"_s, u"abc"_s} << u"--port"_s;
    QTest::newRow("port too big") << QStringList{u"--headless"_s, u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("bind not an address") << QStringList{u"--headless"_s, u"--bind"_s, u"example.org"_s} << u"--bind"_s;
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("stray argument") << QStringList{u"--headless"_s, u"music"_s} << u"music"_s;
}

void TestHeadless::badOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Finished r = runToEnd(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestHeadless::servesAndStopsCleanly()
{
    QTemporaryDir dir;
    const QString library = dir.filePath(u"Music/Émile"_s);
    QVERIFY(QDir().mkpath(library));
    QCOMPARE(makeAudio(QDir(library).filePath(u"song.ogg"_s), 1, {{u"title"_s, u"Song"_s}}), QString());

    QProcess cairn;
    cairn.start(QStringLiteral(CAIRN_BINARY), {u"--headless"_s, u"--data-dir"_s, dir.filePath(u"data"_s),
                                               u"--library"_s, dir.filePath(u"Music"_s), u"--port"_s, u"0"_s});
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
    QCOMPARE(client.get("/health").status, 200);
    // First run: the administrator's generated password is printed once; the API needs a login.
    static const QRegularExpression generated(u"administrator 'admin' with the password: (\\S+)"_s);
    const QByteArray password = generated.match(out).captured(1).toUtf8();
    QVERIFY2(!password.isEmpty(), qPrintable(out));
    QCOMPARE(client.get("/api/tracks").status, 401);
    const QByteArray login = R"({"name":"admin","password":")" + password + R"("})";
    client.send("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(login.size()) + "\r\n\r\n" + login);
    const QByteArray token = QJsonDocument::fromJson(client.read().body).object().value(u"token"_s).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(client.get("/api/tracks", {"Authorization: Bearer " + token}).body)
                                  .object().value(u"total"_s).toInt(), 1, 20000);
    QVERIFY(QFile::exists(dir.filePath(u"data/catalog.sqlite"_s)));
#ifdef Q_OS_UNIX
    // The data dir Cairn created is the owner's alone; what lies inside is shielded by it too.
    QCOMPARE(QFile::permissions(dir.filePath(u"data"_s))
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther
                    | QFileDevice::ExeGroup | QFileDevice::ExeOther),
             QFileDevice::Permissions());
    // Password hashes and tokens live there: nobody but the owner may read it, WAL included.
    for (const QString &name : {u"data/catalog.sqlite"_s, u"data/catalog.sqlite-wal"_s}) {
        QVERIFY(QFile::exists(dir.filePath(name)));
        QCOMPARE(QFile::permissions(dir.filePath(name))
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }
#endif

    cairn.terminate();   // SIGTERM: a service stop
    QVERIFY(cairn.waitForFinished(15000));
    QCOMPARE(cairn.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cairn.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
