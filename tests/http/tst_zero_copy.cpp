// File bodies through the zero-copy path (sendfile; TransmitFile on Windows): byte-exact for
// whole files, ranges, suffix ranges, multipart and If-Range; HEAD sends nothing; a file that
// shrinks while it is sent closes the connection; a client that vanishes mid-body leaves the
// server healthy; HTTPS keeps the pump. Each body's debug line ("cairn.http.body") tells which path carried it, so a
// silent fall back to copying fails here. Registered twice: as tst_zero_copy_pump
// (CAIRN_ZERO_COPY=0) the same bodies must come through the pump, with no byte by sendfile.

#include "HttpTestClient.h"
#include "LogCapture.h"
#include "MediaFixtures.h"
#include "MultipartBody.h"
#include "ServerFixture.h"
#include "TestTls.h"

#include "http/auth/TlsFiles.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

#ifdef Q_OS_WIN
#include <windows.h>
#include <versionhelpers.h>
#else
#include <csignal>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

constexpr qint64 kBigBytes = 6 * 1024 * 1024;
constexpr qint64 kShrinkingBytes = 32 * 1024 * 1024;

bool zeroCopyExpected()
{
#if CAIRN_ZERO_COPY && (defined(Q_OS_LINUX) || defined(Q_OS_MACOS))
    return qgetenv("CAIRN_ZERO_COPY") != "0";
#elif CAIRN_ZERO_COPY && defined(Q_OS_WIN)
    // TransmitFile: on by default on Windows Server only (client editions run two at a time).
    const QByteArray setting = qgetenv("CAIRN_ZERO_COPY");
    return setting == "1" || (setting != "0" && IsWindowsServer());
#else
    return false;
#endif
}

// A 16-bit stereo PCM WAV whose samples are seeded noise, so any misplaced byte shows. Written
// here rather than by ffmpeg: no QProcess may run before the vanishing-client test, since
// Qt ignores SIGPIPE for its own pipes, which would hide whether the server does.
bool writeWav(const QString &path, qint64 dataBytes, quint32 seed)
{
    QByteArray head;
    auto le32 = [&head](quint32 v) { for (int i = 0; i < 4; ++i) head.append(char((v >> (8 * i)) & 0xff)); };
    auto le16 = [&head](quint16 v) { head.append(char(v & 0xff)).append(char(v >> 8)); };
    head += "RIFF";
    le32(quint32(36 + dataBytes));
    head += "WAVEfmt ";
    le32(16);
    le16(1);           // PCM
    le16(2);           // channels
    le32(44100);
    le32(44100 * 4);   // bytes per second
    le16(4);           // block align
    le16(16);          // bits per sample
    head += "data";
    le32(quint32(dataBytes));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(head) != head.size())
        return false;
    QRandomGenerator random(seed);
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 left = dataBytes; left > 0; left -= block.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = qMin<qint64>(left, block.size());
        if (file.write(block.constData(), n) != n)
            return false;
    }
    return true;
}

struct BodyLine
{
    bool complete = false;
    qint64 bytes = 0;
    qint64 bySendfile = 0;
};

std::optional<BodyLine> lastBody(const LogCapture &bodyLog)
{
    static const QRegularExpression line(u"^body (sent|stopped): (\\d+) bytes, (\\d+) by sendfile$"_s);
    const QStringList lines = bodyLog.lines();
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const auto m = line.match(*it);
        if (m.hasMatch())
            return BodyLine{m.captured(1) == u"sent"_s, m.captured(2).toLongLong(), m.captured(3).toLongLong()};
    }
    return std::nullopt;
}

} // namespace

class TestZeroCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void wholeFile();
    void singleRanges_data();
    void singleRanges();
    void multipart();
    void headSendsNoBody();
    void ifRange();
    void fileShrinksWhileSent();
    void clientVanishesMidBody();
    void httpsKeepsThePump();
    void cleanupTestCase();

private:
    // The last body went the expected way: mostly by sendfile (at least half of its file
    // bytes: the rest are slices copied to learn when the socket is writable), or not at all.
    void verifyPath(qint64 bodyBytes, qint64 fileBytes);
    QByteArray path(const QString &name) const { return m_fixture.streamPath(name); }

    ServerFixture m_fixture;
    QByteArray m_big;
    std::unique_ptr<LogCapture> m_bodyLog;   // the server's "body sent/stopped" lines
};

void TestZeroCopy::initTestCase()
{
#ifndef Q_OS_WIN
    // QTest ignores SIGPIPE itself: give it back its default action, so the server has to
    // ignore it, or the vanishing-client test kills this process.
    struct sigaction byDefault = {};
    byDefault.sa_handler = SIG_DFL;
    sigaction(SIGPIPE, &byDefault, nullptr);
#endif
    m_bodyLog = std::make_unique<LogCapture>("cairn.http.body", false);
    QLoggingCategory::setFilterRules(u"cairn.http.body.debug=true"_s);
    QVERIFY(writeWav(m_fixture.libraryPath(u"big.wav"_s), kBigBytes, 1));
    QVERIFY(writeWav(m_fixture.libraryPath(u"shrinking.wav"_s), kShrinkingBytes, 2));
    m_big = readFile(m_fixture.libraryPath(u"big.wav"_s));
    QCOMPARE(m_big.size(), kBigBytes + 44);
    QCOMPARE(m_fixture.start(), QString());
    QVERIFY(m_fixture.scan());
    QVERIFY(m_fixture.trackIdFor(u"big.wav"_s) > 0);
    QVERIFY(m_fixture.trackIdFor(u"shrinking.wav"_s) > 0);
#ifndef Q_OS_WIN
    struct sigaction now = {};
    sigaction(SIGPIPE, nullptr, &now);
    QVERIFY(now.sa_handler == SIG_IGN);   // sendfile has no MSG_NOSIGNAL
#endif
}

void TestZeroCopy::init()
{
    m_bodyLog->clear();
}

void TestZeroCopy::cleanupTestCase()
{
    m_bodyLog.reset();
}

void TestZeroCopy::verifyPath(qint64 bodyBytes, qint64 fileBytes)
{
    QTRY_VERIFY(lastBody(*m_bodyLog).has_value());
    const BodyLine body = *lastBody(*m_bodyLog);
    const QString figures = u"%1 body bytes, %2 by sendfile"_s.arg(body.bytes).arg(body.bySendfile);
    QVERIFY2(body.complete, qPrintable(figures));
    QCOMPARE(body.bytes, bodyBytes);
    if (zeroCopyExpected())
        QVERIFY2(body.bySendfile >= fileBytes / 2 && body.bySendfile <= fileBytes, qPrintable(figures));
    else
        QVERIFY2(body.bySendfile == 0, qPrintable(figures));
}

void TestZeroCopy::wholeFile()
{
    HttpTestClient c(m_fixture.port());
    // Twice on one connection: the second head must follow the first body exactly.
    for (int i = 0; i < 2; ++i) {
        init();
        const RawResponse r = c.get(path(u"big.wav"_s));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Length").toLongLong(), m_big.size());
        QVERIFY(r.body == m_big);
        verifyPath(m_big.size(), m_big.size());
    }
}

void TestZeroCopy::singleRanges_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    const qint64 end = kBigBytes + 44 - 1;
    QTest::newRow("start") << "bytes=0-99"_ba << qint64(0) << qint64(99);
    QTest::newRow("middle, 1 MiB") << "bytes=1000000-2048575"_ba << qint64(1000000) << qint64(2048575);
    QTest::newRow("open end") << "bytes=5000000-"_ba << qint64(5000000) << end;
    QTest::newRow("suffix") << "bytes=-300000"_ba << end - 299999 << end;
    QTest::newRow("last byte") << "bytes=-1"_ba << end << end;
}

void TestZeroCopy::singleRanges()
{
    QFETCH(QByteArray, range);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get(path(u"big.wav"_s), {"Range: " + range});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.header("Content-Range"), "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                                             + QByteArray::number(m_big.size()));
    QVERIFY(r.body == m_big.mid(first, last - first + 1));
    verifyPath(last - first + 1, last - first + 1);
}

void TestZeroCopy::multipart()
{
    HttpTestClient c(m_fixture.port());
    const QList<QPair<qint64, qint64>> ranges{{0, 9}, {100000, 1299999}, {m_big.size() - 70000, m_big.size() - 1}};
    const RawResponse r = c.get(path(u"big.wav"_s), {"Range: bytes=0-9, 100000-1299999, -70000"_ba});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.header("Content-Length").toLongLong(), r.body.size());
    const auto parts = multipartParts(r, ranges);
    QVERIFY2(parts, r.header("Content-Type").constData());
    qint64 fileBytes = 0;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        const auto [first, last] = ranges.at(i);
        QVERIFY(parts->at(i).head.contains(QByteArray("Content-Range: bytes " + QByteArray::number(first) + '-')));
        QVERIFY(parts->at(i).bytes == m_big.mid(first, last - first + 1));
        fileBytes += last - first + 1;
    }
    verifyPath(r.body.size(), fileBytes);
}

void TestZeroCopy::headSendsNoBody()
{
    HttpTestClient c(m_fixture.port());
    const RawResponse head = c.head(path(u"big.wav"_s));
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Length").toLongLong(), m_big.size());
    QVERIFY(head.body.isEmpty());
    // Had a byte of the file leaked after the head, this answer would be parsed out of it.
    const RawResponse after = c.get(path(u"big.wav"_s), {"Range: bytes=44-143"_ba});
    QCOMPARE(after.status, 206);
    QVERIFY(after.body == m_big.mid(44, 100));
    verifyPath(100, 100);
}

void TestZeroCopy::ifRange()
{
    HttpTestClient c(m_fixture.port());
    const QByteArray etag = c.head(path(u"big.wav"_s)).header("ETag");
    QVERIFY(!etag.isEmpty());
    RawResponse r = c.get(path(u"big.wav"_s), {"Range: bytes=2000000-2999999"_ba, "If-Range: " + etag});
    QCOMPARE(r.status, 206);
    QVERIFY(r.body == m_big.mid(2000000, 1000000));
    verifyPath(1000000, 1000000);
    init();
    r = c.get(path(u"big.wav"_s), {"Range: bytes=2000000-2999999"_ba, "If-Range: \"changed\""_ba});
    QCOMPARE(r.status, 200);
    QVERIFY(r.body == m_big);
    verifyPath(m_big.size(), m_big.size());
}

void TestZeroCopy::fileShrinksWhileSent()
{
    const QString file = m_fixture.libraryPath(u"shrinking.wav"_s);
    const qint64 size = QFileInfo(file).size();
    const qint64 shrunk = 8 * 1024 * 1024;
    // A slow reader with a small buffer: the body is still going out when the file shrinks.
    HttpTestClient c(m_fixture.port(), 64 * 1024);
    bool truncated = false;
    qint64 received = 0;
    TestHttpClient::ReadOptions options;
    options.framing = TestHttpClient::Framing::Any;
    options.timeoutMs = 30000;
    options.onBody = [&](const QByteArray &piece) {
        received += piece.size();
        if (!truncated && received >= 256 * 1024) {
            truncated = QFile::resize(file, shrunk);
        } else if (!truncated) {
            QThread::msleep(5);
        }
        return true;
    };
    const RawResponse r = c.request("GET", path(u"shrinking.wav"_s), {}, options);
    QVERIFY(truncated);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Length").toLongLong(), size);
    // The announced length cannot hold: the connection ends early, and nothing waits forever.
    QVERIFY2(!r.complete, qPrintable(QString::number(r.bodyBytes)));
    QVERIFY(r.bodyBytes < size);
    QVERIFY(r.bodyBytes >= 256 * 1024);
    QVERIFY(c.waitForClose(5000));
    QTRY_VERIFY(lastBody(*m_bodyLog).has_value());
    QVERIFY(!lastBody(*m_bodyLog)->complete);
    // The server goes on serving.
    HttpTestClient next(m_fixture.port());
    QCOMPARE(next.get("/health").status, 200);
}

void TestZeroCopy::clientVanishesMidBody()
{
    for (int i = 0; i < 4; ++i) {
        init();
        HttpTestClient c(m_fixture.port(), 64 * 1024);
        TestHttpClient::ReadOptions options;
        options.framing = TestHttpClient::Framing::Any;
        options.maxBody = 128 * 1024;
        const RawResponse r = c.request("GET", path(u"big.wav"_s), {}, options);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.complete);
        // Unread data in its buffer: the close is a reset. (Whichever of Qt's read and the
        // next sendfile sees it first gets ECONNRESET; a later write would get EPIPE and
        // SIGPIPE, which initTestCase shows the server ignores.)
        c.abort();
        QTRY_VERIFY_WITH_TIMEOUT(lastBody(*m_bodyLog).has_value(), 10000);
        QVERIFY(!lastBody(*m_bodyLog)->complete);
    }
    HttpTestClient next(m_fixture.port());
    QCOMPARE(next.get("/health").status, 200);
    init();
    const RawResponse r = next.get(path(u"big.wav"_s), {"Range: bytes=4000000-4999999"_ba});
    QCOMPARE(r.status, 206);
    QVERIFY(r.body == m_big.mid(4000000, 1000000));
    verifyPath(1000000, 1000000);
}

void TestZeroCopy::httpsKeepsThePump()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    ServerFixture tlsServer;
    const QString cert = tlsServer.dataDir() + u"/cert.pem"_s;
    const QString key = tlsServer.dataDir() + u"/key.pem"_s;
    QCOMPARE(makeSelfSignedCertificate(cert, key), QString());
    const auto tls = cairn::loadTlsFiles(cert, key);
    QVERIFY(tls.ok());
    QVERIFY(writeWav(tlsServer.libraryPath(u"tls.wav"_s), 3 * 1024 * 1024, 3));
    const QByteArray expected = readFile(tlsServer.libraryPath(u"tls.wav"_s));
    cairn::HttpServerConfig config;
    config.tls = *tls;
    QCOMPARE(tlsServer.start(config), QString());
    QVERIFY(tlsServer.scan());
    const TlsReply r = tlsRequest(tlsServer.port(), QSslCertificate::fromPath(cert).first(),
                                  requestBytes("GET", tlsServer.streamPath(u"tls.wav"_s), {"Connection: close"_ba}));
    QVERIFY(r.encrypted);
    QVERIFY2(r.raw.startsWith("HTTP/1.1 200"), r.raw.left(200).constData());
    QVERIFY(r.raw.mid(r.raw.indexOf("\r\n\r\n") + 4) == expected);
    QTRY_VERIFY(lastBody(*m_bodyLog).has_value());
    QCOMPARE(lastBody(*m_bodyLog)->bytes, expected.size());
    QCOMPARE(lastBody(*m_bodyLog)->bySendfile, 0);   // TLS encrypts every byte itself
}

QTEST_GUILESS_MAIN(TestZeroCopy)
#include "tst_zero_copy.moc"
