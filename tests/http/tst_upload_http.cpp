// Uploads over real HTTP (POST /api/folders/{id}/upload): a media file sent slowly in pieces
// arrives byte for byte and is scanned; interrupted, stalled, refused and over-limit uploads
// leave nothing behind; names that try to leave the folder, hide, or are not media are refused
// before a byte is stored; existing files are never replaced; only administrators and users
// with the upload right may upload, and only into folders they see.

#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "TestServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <csignal>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr qint64 kMaxBytes = 8LL << 20;   // the fixture's upload/maxBytes
constexpr int kRequestTimeoutMs = 2000;   // the fixture's server/requestTimeoutSeconds

QJsonObject jsonOf(const TestHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// Every entry of a folder, hidden ones included (temporary upload files are hidden).
QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QStringList tempFilesIn(const QString &dir)
{
    return QDir(dir).entryList({u".cairn-upload-*"_s}, QDir::Files | QDir::Hidden | QDir::System);
}

QByteArray uploadTarget(qint64 folderId, const QByteArray &encodedName)
{
    return "/api/folders/" + QByteArray::number(folderId) + "/upload?name=" + encodedName;
}

QByteArray uploadHead(const QByteArray &target, const QByteArray &token, qint64 length, const QList<QByteArray> &more = {})
{
    QList<QByteArray> headers{"Content-Type: application/octet-stream"};
    if (!token.isEmpty())
        headers << bearer(token);
    if (length >= 0)
        headers << "Content-Length: " + QByteArray::number(length);
    headers << more;
    return requestBytes("POST", target, headers);
}

} // namespace

class TestUploadHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void slowUploadArrivesWholeAndIsScanned();
    void administratorUploadsAnywhere();
    void interruptedUploadLeavesNothing();
    void stalledUploadIsDroppedAfterTheTimeout();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
    void otherMediaTypesAreRefused_data();
    void otherMediaTypesAreRefused();
    void overLimitLengthIsRefusedBeforeTheBody();
    void overLimitChunkedBodyIsRefused();
    void chunkedUploadWithinTheLimit();
    void existingFileIsNeverReplaced();
    void callerWithoutTheRightIsRefused();
    void folderNotGrantedIsNotFound();
    void lengthIsRequiredAndEmptyIsRefused();
    void expectContinueOnlyForAcceptedUploads();
    void connectionGoesOnAfterAnUpload();
    void leftoversAreCleanedBeforeAnUpload();
    void writeErrorLeavesNothing();

private:
    // Sends the head, then the body in `pieces` pieces with `pauseMs` between them; the answer.
    TestHttpResponse upload(const QByteArray &target, const QByteArray &token, const QByteArray &body, int pieces = 1,
                            int pauseMs = 0);
    QString sharedDir() const { return m_server.filePath(u"shared"_s); }
    QString privateDir() const { return m_server.filePath(u"private"_s); }

    TestServer m_server{{u"shared"_s, u"private"_s}};
    QByteArray m_root, m_ulla, m_nora;   // tokens: administrator, may upload (shared), may not (shared)
    qint64 m_shared = 0, m_private = 0;
    QByteArray m_media;                  // a multi-megabyte WAV made by FFmpeg
    QStringList m_sharedBefore, m_privateBefore;
};

void TestUploadHttp::initTestCase()
{
    const QString source = m_server.workPath(u"source.wav"_s);
    QCOMPARE(makeAudio(source, 30, {{u"title"_s, u"Uploaded Tone"_s}}), QString());
    m_media = readFile(source);
    QVERIFY(m_media.size() > 4 * 1024 * 1024 && m_media.size() < kMaxBytes);
    QCOMPARE(makeAudio(m_server.filePath(u"shared/existing.mp3"_s), 1), QString());

    TestServerOptions options;
    options.auth = true;
    options.scanFirst = true;
    options.uploadMaxBytes = kMaxBytes;
    options.config.requestTimeoutMs = kRequestTimeoutMs;
    QCOMPARE(m_server.open(), QString());   // the scanner exists from here on
    LibraryScanner *scanner = &m_server.scanner();
    options.requestScan = [scanner] { scanner->requestScan(); };
    QCOMPARE(m_server.start(options), QString());
    m_shared = m_server.catalog().folderId(u"shared"_s);
    m_private = m_server.catalog().folderId(u"private"_s);
    const auto make = [this](const QString &name, bool admin, bool upload, QList<qint64> folders) {
        UserChanges c;
        c.name = name;
        c.password = name + u"-password-1"_s;
        c.admin = admin;
        c.upload = upload;
        c.folderIds = folders;
        const qint64 id = m_server.addUser(c);
        return id ? m_server.tokenFor(id) : QByteArray();
    };
    m_root = make(u"root"_s, true, false, {});
    m_ulla = make(u"ulla"_s, false, true, {m_shared});
    m_nora = make(u"nora"_s, false, false, {m_shared});
    QVERIFY(!m_root.isEmpty() && !m_ulla.isEmpty() && !m_nora.isEmpty());
}

void TestUploadHttp::init()
{
    m_sharedBefore = entriesOf(sharedDir());
    m_privateBefore = entriesOf(privateDir());
}

TestHttpResponse TestUploadHttp::upload(const QByteArray &target, const QByteArray &token, const QByteArray &body,
                                        int pieces, int pauseMs)
{
    TestHttpClient client(m_server.port());
    client.send(uploadHead(target, token, body.size()));
    const qsizetype step = (body.size() + pieces - 1) / qMax(1, pieces);
    for (qsizetype at = 0; at < body.size(); at += step) {
        if (at > 0 && pauseMs > 0)
            QThread::msleep(pauseMs);
        client.send(body.mid(at, step));
    }
    return client.read();
}

void TestUploadHttp::slowUploadArrivesWholeAndIsScanned()
{
    // 16 pieces with 150 ms pauses: far longer than the request timeout allows a whole request
    // to take, yet never silent that long.
    const TestHttpResponse r = upload(uploadTarget(m_shared, "Uploaded%20Tone.wav"), m_ulla, m_media, 16, 150);
    QCOMPARE(r.status, 201);
    const QJsonObject answer = jsonOf(r);
    QCOMPARE(answer.value(u"folderId"_s).toInteger(), m_shared);
    QCOMPARE(answer.value(u"path"_s).toString(), u"Uploaded Tone.wav"_s);
    QCOMPARE(answer.value(u"bytes"_s).toInteger(), m_media.size());
    QVERIFY(readFile(sharedDir() + u"/Uploaded Tone.wav"_s) == m_media);
    QCOMPARE(tempFilesIn(sharedDir()), QStringList());

    // Scanned at once: the track is in the library, for the uploader too.
    QTRY_VERIFY_WITH_TIMEOUT(m_server.trackIdFor(u"Uploaded Tone.wav"_s) > 0, 20000);
    const qint64 id = m_server.trackIdFor(u"Uploaded Tone.wav"_s);
    const TestHttpResponse track = request(m_server.port(), "GET", "/api/tracks/" + QByteArray::number(id), {bearer(m_ulla)});
    QCOMPARE(track.status, 200);
    QCOMPARE(jsonOf(track).value(u"format"_s).toString(), u"wav"_s);
    const TestHttpResponse list = request(m_server.port(), "GET", "/api/tracks?q=Uploaded", {bearer(m_ulla)});
    QCOMPARE(jsonOf(list).value(u"total"_s).toInt(), 1);
}

void TestUploadHttp::administratorUploadsAnywhere()
{
    // No grants and no upload right needed: administrators see and may do everything.
    const TestHttpResponse r = upload(uploadTarget(m_private, "by-root.wav"), m_root, m_media.left(1 << 20));
    QCOMPARE(r.status, 201);
    QCOMPARE(QFileInfo(privateDir() + u"/by-root.wav"_s).size(), qint64(1 << 20));
    QVERIFY(QFile::remove(privateDir() + u"/by-root.wav"_s));
}

void TestUploadHttp::interruptedUploadLeavesNothing()
{
    TestHttpClient client(m_server.port());
    client.send(uploadHead(uploadTarget(m_shared, "cut.wav"), m_ulla, m_media.size()));
    client.send(m_media.left(512 * 1024));
    // The temporary file exists while the body comes…
    QTRY_COMPARE_WITH_TIMEOUT(tempFilesIn(sharedDir()).size(), 1, 5000);
    QVERIFY(!QFile::exists(sharedDir() + u"/cut.wav"_s));
    // …and goes with the client.
    client.abort();
    QTRY_COMPARE_WITH_TIMEOUT(entriesOf(sharedDir()), m_sharedBefore, 5000);
}

void TestUploadHttp::stalledUploadIsDroppedAfterTheTimeout()
{
    TestHttpClient client(m_server.port());
    client.send(uploadHead(uploadTarget(m_shared, "stalled.wav"), m_ulla, m_media.size()));
    client.send(m_media.left(64 * 1024));
    QTRY_COMPARE_WITH_TIMEOUT(tempFilesIn(sharedDir()).size(), 1, 5000);
    const TestHttpResponse r = client.read(false, kRequestTimeoutMs * 4);
    QCOMPARE(r.status, 408);
    QVERIFY(client.waitForClose());
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::badNamesAreRefused_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("parent, encoded") << "..%2Fx.wav"_ba;
    QTest::newRow("parent, raw") << "../x.wav"_ba;
    QTest::newRow("parent, all encoded") << "%2e%2e%2fx.wav"_ba;
    QTest::newRow("parent, backslash") << "..%5Cx.wav"_ba;
    QTest::newRow("subfolder") << "a%2Fb.wav"_ba;
    QTest::newRow("absolute") << "%2Fetc%2Fx.wav"_ba;
    QTest::newRow("dot dot") << ".."_ba;
    QTest::newRow("hidden") << ".hidden.wav"_ba;
    QTest::newRow("temporary name") << ".cairn-upload-abc"_ba;
    QTest::newRow("NUL") << "x%00.wav"_ba;
    QTest::newRow("CR LF") << "x%0D%0A.wav"_ba;
    QTest::newRow("right-to-left override") << "x%E2%80%AEvaw.exe"_ba;
    QTest::newRow("zero width space") << "%E2%80%8Bx.wav"_ba;
    QTest::newRow("not UTF-8") << "x%FF.wav"_ba;
    QTest::newRow("empty") << ""_ba;
    QTest::newRow("spaces around") << "%20x.wav"_ba;
    QTest::newRow("trailing dot") << "x.wav."_ba;
    QTest::newRow("Windows device") << "CON.wav"_ba;
    QTest::newRow("Windows device, lower case") << "lpt1.mp3"_ba;
    QTest::newRow("Windows reserved character") << "a%3Ab.wav"_ba;
    QTest::newRow("too long") << QByteArray(300, 'a') + ".wav";
}

void TestUploadHttp::badNamesAreRefused()
{
    QFETCH(QByteArray, name);
    const QStringList parentBefore = entriesOf(m_server.dataDir());
    const TestHttpResponse r = upload(uploadTarget(m_shared, name), m_ulla, m_media.left(4096));
    QVERIFY2(r.status == 400, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
    QVERIFY(jsonOf(r).contains(u"error"_s));
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
    QCOMPARE(entriesOf(m_server.dataDir()), parentBefore);
}

void TestUploadHttp::otherMediaTypesAreRefused_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("exe") << "setup.exe"_ba;
    QTest::newRow("txt") << "notes.txt"_ba;
    QTest::newRow("no extension") << "song"_ba;
    QTest::newRow("media name, other extension") << "song.mp3.sh"_ba;
}

void TestUploadHttp::otherMediaTypesAreRefused()
{
    QFETCH(QByteArray, name);
    const TestHttpResponse r = upload(uploadTarget(m_shared, name), m_ulla, m_media.left(4096));
    QCOMPARE(r.status, 415);
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::overLimitLengthIsRefusedBeforeTheBody()
{
    TestHttpClient client(m_server.port());
    QElapsedTimer clock;
    clock.start();
    client.send(uploadHead(uploadTarget(m_shared, "huge.wav"), m_ulla, kMaxBytes + 1));
    // Not a body byte sent: the answer comes from the head alone.
    const TestHttpResponse r = client.read(false, 5000);
    QCOMPARE(r.status, 413);
    QVERIFY(clock.elapsed() < 2000);
    QVERIFY(jsonOf(r).value(u"error"_s).toString().contains(u"upload/maxBytes"_s));
    QVERIFY(client.waitForClose());
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::overLimitChunkedBodyIsRefused()
{
    TestHttpClient client(m_server.port());
    client.send(uploadHead(uploadTarget(m_shared, "chunks.wav"), m_ulla, -1, {"Transfer-Encoding: chunked"}));
    const QByteArray chunk(256 * 1024, 'x');
    QByteArray framed = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    TestHttpResponse r;
    // Chunks until the server has had enough: it refuses once they pass the limit.
    for (qint64 sent = 0; sent < kMaxBytes + 4 * chunk.size() && client.isConnected(); sent += chunk.size()) {
        client.send(framed);
        if (client.socket().bytesAvailable() > 0 || client.socket().waitForReadyRead(5))
            break;
    }
    r = client.read(false, 5000);
    QCOMPARE(r.status, 413);
    QTRY_COMPARE_WITH_TIMEOUT(entriesOf(sharedDir()), m_sharedBefore, 5000);
}

void TestUploadHttp::chunkedUploadWithinTheLimit()
{
    TestHttpClient client(m_server.port());
    client.send(uploadHead(uploadTarget(m_shared, "chunked.wav"), m_ulla, -1, {"Transfer-Encoding: chunked"}));
    const QByteArray body = m_media.left(3 * 1024 * 1024 + 17);
    for (qsizetype at = 0; at < body.size(); at += 100000) {
        const QByteArray piece = body.mid(at, 100000);
        client.send(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
    }
    client.send("0\r\n\r\n");
    const TestHttpResponse r = client.read();
    QCOMPARE(r.status, 201);
    QCOMPARE(jsonOf(r).value(u"bytes"_s).toInteger(), body.size());
    QVERIFY(readFile(sharedDir() + u"/chunked.wav"_s) == body);
    QVERIFY(QFile::remove(sharedDir() + u"/chunked.wav"_s));
}

void TestUploadHttp::existingFileIsNeverReplaced()
{
    const QByteArray before = readFile(sharedDir() + u"/existing.mp3"_s);
    QVERIFY(!before.isEmpty());
    const TestHttpResponse r = upload(uploadTarget(m_shared, "existing.mp3"), m_ulla, m_media.left(100000));
    QCOMPARE(r.status, 409);
    QVERIFY(readFile(sharedDir() + u"/existing.mp3"_s) == before);
    // The same name in another Unicode form (NFD) is the same name.
    QVERIFY(QFile(sharedDir() + u"/Caf\u00e9.wav"_s).open(QIODevice::WriteOnly));
    const TestHttpResponse nfd = upload(uploadTarget(m_shared, "Cafe%CC%81.wav"), m_ulla, m_media.left(100000));
    QCOMPARE(nfd.status, 409);
    QCOMPARE(QFileInfo(sharedDir() + u"/Caf\u00e9.wav"_s).size(), 0);
    QVERIFY(QFile::remove(sharedDir() + u"/Caf\u00e9.wav"_s));
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::callerWithoutTheRightIsRefused()
{
    const TestHttpResponse nora = upload(uploadTarget(m_shared, "nora.wav"), m_nora, m_media.left(4096));
    QCOMPARE(nora.status, 403);
    const TestHttpResponse nobody = upload(uploadTarget(m_shared, "nobody.wav"), {}, m_media.left(4096));
    QCOMPARE(nobody.status, 401);
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::folderNotGrantedIsNotFound()
{
    const TestHttpResponse hidden = upload(uploadTarget(m_private, "x.wav"), m_ulla, m_media.left(4096));
    QCOMPARE(hidden.status, 404);
    const TestHttpResponse unknown = upload(uploadTarget(987654, "x.wav"), m_ulla, m_media.left(4096));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(jsonOf(hidden), jsonOf(unknown));   // nothing tells a hidden folder from none
    const TestHttpResponse malformed = upload("/api/folders/0x1/upload?name=x.wav", m_ulla, m_media.left(4096));
    QCOMPARE(malformed.status, 400);
    QCOMPARE(entriesOf(privateDir()), m_privateBefore);
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::lengthIsRequiredAndEmptyIsRefused()
{
    TestHttpClient client(m_server.port());
    client.send(uploadHead(uploadTarget(m_shared, "nolength.wav"), m_ulla, -1));
    QCOMPARE(client.read().status, 411);
    QCOMPARE(upload(uploadTarget(m_shared, "empty.wav"), m_ulla, {}).status, 400);
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::expectContinueOnlyForAcceptedUploads()
{
    const QByteArray body = m_media.left(200000);
    {
        TestHttpClient client(m_server.port());
        client.send(uploadHead(uploadTarget(m_shared, "continued.wav"), m_ulla, body.size(), {"Expect: 100-continue"}));
        QVERIFY(client.socket().waitForReadyRead(3000));
        QTRY_VERIFY_WITH_TIMEOUT(client.socket().bytesAvailable() >= 25, 3000);
        QCOMPARE(client.socket().read(25), "HTTP/1.1 100 Continue\r\n\r\n"_ba);
        client.send(body);
        QCOMPARE(client.read().status, 201);
        QVERIFY(QFile::remove(sharedDir() + u"/continued.wav"_s));
    }
    // A refused upload gets its answer instead of a 100, and the body is never asked for.
    TestHttpClient client(m_server.port());
    client.send(uploadHead(uploadTarget(m_shared, "existing.mp3"), m_ulla, body.size(), {"Expect: 100-continue"}));
    QCOMPARE(client.read().status, 409);
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::connectionGoesOnAfterAnUpload()
{
    // A request before the upload on the same connection, one after it: all answered in order.
    TestHttpClient client(m_server.port());
    const QByteArray body = m_media.left(300000);
    client.send(requestBytes("GET", "/health") + uploadHead(uploadTarget(m_shared, "kept-alive.wav"), m_ulla, body.size())
                + body + requestBytes("GET", "/api/auth/me", {bearer(m_ulla)}));
    QCOMPARE(client.read().status, 200);
    QCOMPARE(client.read().status, 201);
    const TestHttpResponse me = client.read();
    QCOMPARE(me.status, 200);
    QCOMPARE(jsonOf(me).value(u"upload"_s).toBool(), true);
    QVERIFY(readFile(sharedDir() + u"/kept-alive.wav"_s) == body);
    QVERIFY(QFile::remove(sharedDir() + u"/kept-alive.wav"_s));
}

void TestUploadHttp::leftoversAreCleanedBeforeAnUpload()
{
    // An upload cut off by a crash an hour ago, and one that may still be running.
    QFile old(sharedDir() + u"/.cairn-upload-crashed01"_s);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("half a file");
    QVERIFY(old.flush());   // before the time is set: a later write would set it again
    QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    old.close();
    QFile recent(sharedDir() + u"/.cairn-upload-running01"_s);
    QVERIFY(recent.open(QIODevice::WriteOnly));
    recent.close();

    const TestHttpResponse r = upload(uploadTarget(m_shared, "after-crash.wav"), m_ulla, m_media.left(4096));
    QCOMPARE(r.status, 201);
    QVERIFY(!QFile::exists(old.fileName()));
    QVERIFY(QFile::exists(recent.fileName()));
    QVERIFY(QFile::remove(recent.fileName()));
    QVERIFY(QFile::remove(sharedDir() + u"/after-crash.wav"_s));
    QCOMPARE(entriesOf(sharedDir()), m_sharedBefore);
}

void TestUploadHttp::writeErrorLeavesNothing()
{
    // A file size limit on this process (the server runs in it) makes the write past 1 MiB fail
    // (EFBIG, with SIGXFSZ ignored): the answer is 500 and the temporary file goes.
    rlimit before{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = before;
    small.rlim_cur = 1 << 20;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const TestHttpResponse r = upload(uploadTarget(m_shared, "too-big-for-disk.wav"), m_ulla, m_media.left(3 << 20), 6, 20);
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, oldHandler);
    QCOMPARE(r.status, 500);
    QVERIFY(jsonOf(r).contains(u"error"_s));
    QTRY_COMPARE_WITH_TIMEOUT(entriesOf(sharedDir()), m_sharedBefore, 5000);
}

QTEST_GUILESS_MAIN(TestUploadHttp)
#include "tst_upload_http.moc"
