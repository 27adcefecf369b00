// The audit's framing findings against the running server: each smuggling attempt is refused
// with its status and the connection closes, so the bytes behind it are never answered as a
// second request; limits are refused at once, not after the slow-request timeout; and what a
// client puts in a path cannot forge an access log line.

// Rows are built with +: plain QByteArray concatenation, so QTest sees the column's type.
#undef QT_USE_QSTRINGBUILDER

#include "HttpTestClient.h"
#include "LogCapture.h"
#include "ServerFixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

// What came back on a connection: the first answer, whether anything followed it, and
// whether the server closed the connection.
struct Exchange
{
    RawResponse first;
    QByteArray after;
    bool closed = false;
};

Exchange sendRaw(quint16 port, const QByteArray &bytes)
{
    HttpTestClient c(port);
    c.send(bytes);
    Exchange out;
    out.first = c.read(false, 5000);
    out.closed = c.waitForClose(4000);
    out.after = c.socket().readAll();
    return out;
}

// A request behind the attack that must never be answered: it would list the folders.
const QByteArray kSmuggled = "GET /api/folders HTTP/1.1\r\nHost: x\r\n\r\n"_ba;

} // namespace

class TestRequestFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void smuggling_contentLengthWithTransferEncoding();
    void smuggling_tooManyHeaderFieldsAnswered431();
    void smuggling_invalidContentLengths_data();
    void smuggling_invalidContentLengths();
    void smuggling_transferEncodingNotFinalChunked();
    void lenient_requestsRefused_data();
    void lenient_requestsRefused();
    void limits_refusedAtOnce_data();
    void limits_refusedAtOnce();
    void chunkedAndContinueBodiesArrive();
    void logInjection_controlsEscaped();
    void serverStillAnswersAfterwards();

private:
    ServerFixture m_fixture;
    QTemporaryDir m_folders;
};

void TestRequestFraming::initTestCase()
{
    QVERIFY(m_folders.isValid());
    cairn::HttpServerConfig config;
    config.requestTimeoutMs = 15000;   // far beyond what "at once" allows below
    QCOMPARE(m_fixture.start(config), QString());
}

void TestRequestFraming::smuggling_contentLengthWithTransferEncoding()
{
    for (const QByteArray &order : {"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n"_ba,
                                    "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n"_ba}) {
        const Exchange e = sendRaw(m_fixture.port(), "POST /api/scan HTTP/1.1\r\nHost: x\r\n" + order
                                                         + "\r\n0\r\n\r\n" + kSmuggled);
        QCOMPARE(e.first.status, 400);
        QCOMPARE(e.first.header("Connection").toLower(), "close"_ba);
        QVERIFY(e.closed);
        QVERIFY2(!e.after.contains("HTTP/1.1"), e.after.constData());
    }
}

void TestRequestFraming::smuggling_tooManyHeaderFieldsAnswered431()
{
    // Before: past 100 fields every header was dropped, Content-Length too, so the body below
    // was read as the next request.
    const QByteArray body = kSmuggled;
    const QByteArray bytes = "POST /api/scan HTTP/1.1\r\nHost: x\r\n"_ba + QByteArray("X-Pad: 1\r\n").repeated(120)
                             + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const Exchange e = sendRaw(m_fixture.port(), bytes);
    QCOMPARE(e.first.status, 431);
    QVERIFY(e.closed);
    QVERIFY(!e.after.contains("HTTP/1.1"));
}

void TestRequestFraming::smuggling_invalidContentLengths_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::newRow("differing duplicates") << "Content-Length: 0\r\nContent-Length: 38\r\n"_ba;
    QTest::newRow("differing list") << "Content-Length: 0, 38\r\n"_ba;
    QTest::newRow("+41") << "Content-Length: +41\r\n"_ba;
    QTest::newRow("-1") << "Content-Length: -1\r\n"_ba;
    QTest::newRow("space inside") << "Content-Length: 3 8\r\n"_ba;
}

void TestRequestFraming::smuggling_invalidContentLengths()
{
    QFETCH(QByteArray, fields);
    const Exchange e = sendRaw(m_fixture.port(), "POST /api/scan HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n" + kSmuggled);
    QCOMPARE(e.first.status, 400);
    QVERIFY(e.closed);
    QVERIFY(!e.after.contains("HTTP/1.1"));
}

void TestRequestFraming::smuggling_transferEncodingNotFinalChunked()
{
    const Exchange last = sendRaw(m_fixture.port(), "POST /api/scan HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n" + kSmuggled);
    QCOMPARE(last.first.status, 400);
    QVERIFY(last.closed);
    const Exchange unknown = sendRaw(m_fixture.port(), "POST /api/scan HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + kSmuggled);
    QCOMPARE(unknown.first.status, 501);
    QVERIFY(unknown.closed);
    QVERIFY(!unknown.after.contains("HTTP/1.1"));
}

void TestRequestFraming::lenient_requestsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("HTTP/1.1 without Host") << "GET /health HTTP/1.1\r\n\r\n"_ba << 400;
    QTest::newRow("HTTP/9.9") << "GET /health HTTP/9.9\r\nHost: x\r\n\r\n"_ba << 505;
    QTest::newRow("header line without colon") << "GET /health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"_ba << 400;
    QTest::newRow("NUL in a header") << "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a"_ba + '\0' + "b\r\n\r\n" << 400;
    QTest::newRow("folded header") << "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n"_ba << 400;
    QTest::newRow("space before colon") << "GET /health HTTP/1.1\r\nHost : x\r\n\r\n"_ba << 400;
}

void TestRequestFraming::lenient_requestsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const Exchange e = sendRaw(m_fixture.port(), bytes + kSmuggled);
    QCOMPARE(e.first.status, status);
    // The answer says why, as every error answer does.
    QVERIFY(!QJsonDocument::fromJson(e.first.body).object().value(u"error"_s).toString().isEmpty());
    QVERIFY(e.closed);
    QVERIFY(!e.after.contains("HTTP/1.1"));
}

void TestRequestFraming::limits_refusedAtOnce_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    // Each request is left unfinished: only a refusal at the limit can answer it in time.
    QTest::newRow("request line") << "GET /" + QByteArray(20000, 'a') << 414;
    QTest::newRow("header line") << "GET /health HTTP/1.1\r\nHost: x\r\nX-A: " + QByteArray(40000, 'a') << 431;
    QTest::newRow("header fields") << "GET /health HTTP/1.1\r\nHost: x\r\n" + QByteArray("X-A: b\r\n").repeated(150) << 431;
    QTest::newRow("body") << "POST /api/folders HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n{"_ba << 413;
}

void TestRequestFraming::limits_refusedAtOnce()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QElapsedTimer timer;
    timer.start();
    HttpTestClient c(m_fixture.port());
    c.send(bytes);
    const RawResponse r = c.read(false, 5000);
    QCOMPARE(r.status, status);
    QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(c.waitForClose(4000));
}

void TestRequestFraming::chunkedAndContinueBodiesArrive()
{
    const QByteArray json = QJsonDocument(QJsonObject{{u"path"_s, m_folders.path()}}).toJson(QJsonDocument::Compact);
    HttpTestClient c(m_fixture.port());
    // Chunked, cut in two chunks at an odd place.
    c.send("POST /api/folders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
           + QByteArray::number(5, 16) + "\r\n" + json.first(5) + "\r\n" + QByteArray::number(json.size() - 5, 16) + "\r\n"
           + json.sliced(5) + "\r\n0\r\n\r\n");
    const RawResponse created = c.read();
    QCOMPARE(created.status, 201);
    QCOMPARE(QJsonDocument::fromJson(created.body).object().value(u"path"_s).toString(), m_folders.path());

    // Expect: 100-continue gets its interim answer before the client sends the body.
    const QByteArray bad = "{\"path\": 1}"_ba;
    c.send("POST /api/folders HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
           + QByteArray::number(bad.size()) + "\r\n\r\n");
    QVERIFY(c.socket().waitForReadyRead(2000));
    QTRY_VERIFY_WITH_TIMEOUT(c.socket().bytesAvailable() >= 25, 2000);
    QCOMPARE(c.socket().read(25), "HTTP/1.1 100 Continue\r\n\r\n"_ba);
    c.send(bad);
    QCOMPARE(c.read().status, 400);
    // The connection goes on: a body error is not a framing error.
    const RawResponse list = c.get("/api/folders");
    QCOMPARE(list.status, 200);
    const QJsonArray folders = QJsonDocument::fromJson(list.body).object().value(u"items"_s).toArray();
    QVERIFY(std::any_of(folders.begin(), folders.end(), [&](const QJsonValue &f) {
        return f.toObject().value(u"path"_s).toString() == m_folders.path();
    }));
}

void TestRequestFraming::logInjection_controlsEscaped()
{
    LogCapture access("cairn.http.access");
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get("/x%0d%0acairn.http.access:%20FORGED%20admin%20GET%20/api/users%20200");
    QCOMPARE(r.status, 404);
    QTRY_VERIFY(!access.lines().isEmpty());
    const QString line = access.lines().constLast();
    QVERIFY2(!line.contains(u'\n') && !line.contains(u'\r'), qPrintable(line));
    QVERIFY2(line.contains(u"/x\\x0d\\x0acairn.http.access:\\x20FORGED"_s), qPrintable(line));
    // Every field is still one field: the peer, the user, the method, the path, the status…
    QCOMPARE(line.split(u' ').size(), 7);
    QCOMPARE(line.split(u' ').at(4), u"404"_s);
}

void TestRequestFraming::serverStillAnswersAfterwards()
{
    HttpTestClient c(m_fixture.port());
    QCOMPARE(c.get("/health").status, 200);
}

QTEST_GUILESS_MAIN(TestRequestFraming)
#include "tst_request_framing.moc"
