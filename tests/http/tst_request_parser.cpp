// The request parser on its own: every framing rule of RFC 9112 the audit found broken, the
// limits, and that bytes arriving one at a time frame exactly as bytes arriving at once.

// Rows are built with +: plain QByteArray concatenation, so QTest sees the column's type.
#undef QT_USE_QSTRINGBUILDER

#include "http/RequestParser.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using cairn::HttpMethod;
using cairn::HttpRequest;
using cairn::RequestLimits;
using cairn::RequestParser;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int status = 0;          // of the error that ended parsing; 0 = none
    bool waiting = false;    // the parser wants more bytes
};

Outcome parseAll(const QByteArray &bytes, qsizetype piece, const RequestLimits &limits = {})
{
    RequestParser parser(limits);
    Outcome out;
    for (qsizetype at = 0; at < bytes.size() || at == 0; at += piece) {
        parser.feed(QByteArrayView(bytes).sliced(at, qMin(piece, bytes.size() - at)));
        for (;;) {
            const RequestParser::Step step = parser.next();
            if (step == RequestParser::Step::Request) {
                out.requests << parser.takeRequest();
                continue;
            }
            if (step == RequestParser::Step::Failed) {
                out.status = parser.error().status;
                return out;
            }
            break;
        }
        if (bytes.isEmpty())
            break;
    }
    out.waiting = true;
    return out;
}

const QByteArray kGet = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"_ba;

} // namespace

class TestRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data();
    void framing();
    void sameResultByteByByte_data() { framing_data(); }
    void sameResultByteByByte();
    void requestFields();
    void absoluteFormTarget();
    void chunkedBodyDecoded();
    void pipelinedRequestsSplit();
    void continueWantedOnlyWithBody();
    void limitsAreRefusedBeforeTheEnd();
    void headsReportedBeforeTheirBodies();
    void streamedBodyIsNeverHeld_data();
    void streamedBodyIsNeverHeld();
    void streamedBodyHasItsOwnLimit();
};

void TestRequestParser::framing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("status");   // 0: no error

    QTest::newRow("simple get") << kGet << 1 << 0;
    QTest::newRow("bare LF lines") << "GET /health HTTP/1.1\nHost: x\n\n"_ba << 1 << 0;
    QTest::newRow("leading empty line") << "\r\n"_ba + kGet << 1 << 0;
    QTest::newRow("http/1.0 without host") << "GET / HTTP/1.0\r\n\r\n"_ba << 1 << 0;
    QTest::newRow("http/1.2 answered as 1.1") << "GET / HTTP/1.2\r\nHost: x\r\n\r\n"_ba << 1 << 0;
    QTest::newRow("content-length body") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"_ba << 1 << 0;
    QTest::newRow("equal content-lengths") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc"_ba << 1 << 0;
    QTest::newRow("chunked") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: v\r\n\r\n"_ba << 1 << 0;
    QTest::newRow("pipelined") << kGet + kGet + kGet << 3 << 0;

    // Finding 1: request smuggling.
    QTest::newRow("CL and TE") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba + kGet << 0 << 400;
    QTest::newRow("TE and CL") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("TE not final chunked") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("TE chunked twice") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("TE gzip then chunked") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"_ba << 0 << 501;
    QTest::newRow("TE identity") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("TE chunked with space before colon") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("TE in HTTP/1.0") << "POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("differing content-lengths") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"_ba << 0 << 400;
    QTest::newRow("content-length list differs") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\nabcd"_ba << 0 << 400;
    QTest::newRow("content-length +41") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +41\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("content-length -1") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("content-length hex") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("content-length empty") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n"_ba << 0 << 400;
    QTest::newRow("101 header fields") << "GET / HTTP/1.1\r\nHost: x\r\n"_ba + QByteArray("X-A: b\r\n").repeated(100) + "\r\n" << 0 << 431;
    QTest::newRow("100 header fields") << "GET / HTTP/1.1\r\n"_ba + QByteArray("X-A: b\r\n").repeated(99) + "Host: x\r\n\r\n" << 1 << 0;

    // MiniDLNA CVE-2020-28926 / CVE-2023-33476: chunk lengths that overflow or go negative.
    QTest::newRow("chunk size overflows") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n"_ba << 0 << 413;
    QTest::newRow("chunk size 2^63") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8000000000000000\r\n"_ba << 0 << 413;
    QTest::newRow("negative chunk size") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n"_ba << 0 << 400;
    QTest::newRow("chunk size with sign") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\n"_ba << 0 << 400;
    QTest::newRow("chunk longer than its size") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("chunk without CRLF after data") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX"_ba << 0 << 400;

    // Finding 3: lenient parsing.
    QTest::newRow("HTTP/1.1 without Host") << "GET / HTTP/1.1\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("two Host fields") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("Host with a space") << "GET / HTTP/1.1\r\nHost: a b\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("HTTP/9.9") << "GET / HTTP/9.9\r\nHost: x\r\n\r\n"_ba << 0 << 505;
    QTest::newRow("HTTP/2.0") << "GET / HTTP/2.0\r\nHost: x\r\n\r\n"_ba << 0 << 505;
    QTest::newRow("lowercase version") << "GET / http/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("no version") << "GET /\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("two spaces") << "GET  / HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("header without colon") << "GET / HTTP/1.1\r\nHost: x\r\nX-Broken\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("NUL in header value") << "GET / HTTP/1.1\r\nHost: x\r\nX-A: a"_ba + '\0' + "b\r\n\r\n" << 0 << 400;
    QTest::newRow("bare CR in header") << "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("folded header") << "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("empty header name") << "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("space in target") << "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("fragment in target") << "GET /a#b HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("non-ASCII target") << "GET /\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("relative target") << "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("asterisk for GET") << "GET * HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("asterisk for OPTIONS") << "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 1 << 0;
    QTest::newRow("method with slash") << "GE/T / HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400;
    QTest::newRow("unknown expectation") << "POST /a HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\na"_ba << 0 << 417;
    QTest::newRow("only empty lines") << "\r\n"_ba.repeated(20) << 0 << 400;
    QTest::newRow("request line too long") << "GET /"_ba + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n" << 0 << 414;
    QTest::newRow("header line too long") << "GET / HTTP/1.1\r\nHost: x\r\nX-A: "_ba + QByteArray(40000, 'a') + "\r\n\r\n" << 0 << 431;
    QTest::newRow("body too large") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n"_ba << 0 << 413;
    QTest::newRow("body length beyond 18 digits") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"_ba << 0 << 413;
}

void TestRequestParser::framing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, requests);
    QFETCH(int, status);
    const Outcome out = parseAll(bytes, bytes.size());
    QCOMPARE(out.requests.size(), requests);
    QCOMPARE(out.status, status);
}

void TestRequestParser::sameResultByteByByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, requests);
    QFETCH(int, status);
    const Outcome out = parseAll(bytes, 1);
    QCOMPARE(out.requests.size(), requests);
    QCOMPARE(out.status, status);
}

void TestRequestParser::requestFields()
{
    const Outcome out = parseAll("PROPFIND /api/tracks/12%2F3/x%20y?q=a+b&r=%C3%A9 HTTP/1.0\r\n"
                                 "X-Spaced:   v  \r\nConnection: keep-alive\r\n\r\n"_ba, 5);
    QCOMPARE(out.requests.size(), 1);
    const HttpRequest &r = out.requests.first();
    QCOMPARE(r.method, HttpMethod::Other);
    QCOMPARE(r.methodName, "PROPFIND"_ba);
    QCOMPARE(r.segments, (QStringList{u"api"_s, u"tracks"_s, u"12/3"_s, u"x y"_s}));
    QCOMPARE(r.path, u"/api/tracks/12/3/x y"_s);
    QCOMPARE(r.query.queryItemValue(u"q"_s), u"a b"_s);
    QCOMPARE(r.query.queryItemValue(u"r"_s, QUrl::FullyDecoded), u"é"_s);
    QCOMPARE(r.header("x-spaced"), "v"_ba);
    QVERIFY(r.http10);
    QVERIFY(!r.wantsClose());
}

void TestRequestParser::absoluteFormTarget()
{
    const Outcome out = parseAll("GET http://example.org:8080/health?x=1 HTTP/1.1\r\nHost: example.org:8080\r\n\r\n"
                                 "GET HTTPS://h HTTP/1.1\r\nHost: h\r\n\r\n"_ba, 7);
    QCOMPARE(out.requests.size(), 2);
    QCOMPARE(out.requests.at(0).path, u"/health"_s);
    QCOMPARE(out.requests.at(0).query.queryItemValue(u"x"_s), u"1"_s);
    QCOMPARE(out.requests.at(1).path, u"/"_s);
    QCOMPARE(parseAll("GET ftp://h/a HTTP/1.1\r\nHost: h\r\n\r\n"_ba, 100).status, 400);
    QCOMPARE(parseAll("GET http:///a HTTP/1.1\r\nHost: h\r\n\r\n"_ba, 100).status, 400);
}

void TestRequestParser::chunkedBodyDecoded()
{
    const QByteArray bytes = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                             "5\r\nhello\r\n1;ext=\"q\"\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"_ba + kGet;
    for (qsizetype piece : {qsizetype(1), qsizetype(3), bytes.size()}) {
        const Outcome out = parseAll(bytes, piece);
        QCOMPARE(out.status, 0);
        QCOMPARE(out.requests.size(), 2);
        QCOMPARE(out.requests.at(0).body, "hello 0123456789"_ba);
        // A trailer field never becomes a header: it came after the framing was decided.
        QVERIFY(!out.requests.at(0).hasHeader("x-trailer"));
        QCOMPARE(out.requests.at(1).path, u"/health"_s);
    }
}

void TestRequestParser::pipelinedRequestsSplit()
{
    const QByteArray post = "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nGET /"_ba;
    const Outcome out = parseAll(post + kGet, 4);
    QCOMPARE(out.requests.size(), 2);
    // The body's bytes stay the body even when they look like a request.
    QCOMPARE(out.requests.at(0).body, "GET /"_ba);
    QCOMPARE(out.requests.at(1).path, u"/health"_s);
    QVERIFY(out.waiting);
}

void TestRequestParser::continueWantedOnlyWithBody()
{
    RequestParser parser;
    parser.feed("POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    QCOMPARE(parser.next(), RequestParser::Step::NeedMore);
    QVERIFY(parser.inRequest());
    QVERIFY(parser.takeContinueWanted());
    QVERIFY(!parser.takeContinueWanted());
    parser.feed("abc");
    QCOMPARE(parser.next(), RequestParser::Step::Request);
    QCOMPARE(parser.takeRequest().body, "abc"_ba);
    QVERIFY(!parser.inRequest());

    RequestParser bodyless;
    bodyless.feed("GET /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n");
    QCOMPARE(bodyless.next(), RequestParser::Step::Request);
    QVERIFY(!bodyless.takeContinueWanted());
}

void TestRequestParser::limitsAreRefusedBeforeTheEnd()
{
    // The refusal comes as soon as a limit is passed, not when the client stops sending.
    RequestParser line;
    line.feed("GET /" + QByteArray(8200, 'a'));
    QCOMPARE(line.next(), RequestParser::Step::Failed);
    QCOMPARE(line.error().status, 414);

    RequestParser fields;
    fields.feed("GET / HTTP/1.1\r\n"_ba + QByteArray("X-A: b\r\n").repeated(101));
    QCOMPARE(fields.next(), RequestParser::Step::Failed);
    QCOMPARE(fields.error().status, 431);

    RequestParser body;
    body.feed("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
    QCOMPARE(body.next(), RequestParser::Step::Failed);
    QCOMPARE(body.error().status, 413);

    RequestLimits small;
    small.maxBodyBytes = 10;
    RequestParser chunks(small);
    chunks.feed("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n");
    QCOMPARE(chunks.next(), RequestParser::Step::Failed);
    QCOMPARE(chunks.error().status, 413);
}

void TestRequestParser::headsReportedBeforeTheirBodies()
{
    // A head without a body is a request at once; one with a body waits for the caller's choice,
    // and held whole it frames (and is limited) exactly as without reported heads.
    RequestParser parser;
    parser.setReportHeads(true);
    parser.feed(kGet + "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"_ba + kGet);
    QCOMPARE(parser.next(), RequestParser::Step::Request);
    QCOMPARE(parser.takeRequest().path, u"/health"_s);
    QCOMPARE(parser.next(), RequestParser::Step::Head);
    QCOMPARE(parser.next(), RequestParser::Step::Head);   // until the caller chooses
    QCOMPARE(parser.head().path, u"/a"_s);
    QCOMPARE(parser.head().contentLength, 3);
    QVERIFY(parser.head().body.isEmpty());
    parser.bufferBody();
    QCOMPARE(parser.next(), RequestParser::Step::Request);
    QCOMPARE(parser.takeRequest().body, "abc"_ba);
    QCOMPARE(parser.next(), RequestParser::Step::Request);
    QCOMPARE(parser.takeRequest().path, u"/health"_s);

    RequestParser big;
    big.setReportHeads(true);
    big.feed("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
    QCOMPARE(big.next(), RequestParser::Step::Head);
    big.bufferBody();
    QCOMPARE(big.next(), RequestParser::Step::Failed);
    QCOMPARE(big.error().status, 413);
}

void TestRequestParser::streamedBodyIsNeverHeld_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length") << false;
    QTest::newRow("chunked") << true;
}

void TestRequestParser::streamedBodyIsNeverHeld()
{
    QFETCH(bool, chunked);
    // 64 MiB fed 64 KiB at a time, as a connection reads it: every byte comes out as a piece, the
    // parser never holds more than one feed, and the request that ends it carries no body.
    constexpr qint64 kTotal = 64LL << 20;
    constexpr qsizetype kFeed = 64 * 1024;
    RequestParser parser;
    parser.setReportHeads(true);
    parser.feed("POST /up HTTP/1.1\r\nHost: x\r\n"_ba
                + (chunked ? "Transfer-Encoding: chunked\r\n"_ba : "Content-Length: " + QByteArray::number(kTotal) + "\r\n")
                + "\r\n");
    QCOMPARE(parser.next(), RequestParser::Step::Head);
    QCOMPARE(parser.head().chunked, chunked);
    parser.streamBody(kTotal);
    QByteArray feed(kFeed, 'x');
    if (chunked)
        feed = QByteArray::number(feed.size() - 16, 16) + "\r\n" + feed.left(feed.size() - 16) + "\r\n";
    const qint64 perFeed = chunked ? kFeed - 16 : kFeed;
    qint64 received = 0;
    quint64 checksum = 0;
    for (int i = 0; i < 1024; ++i) {
        parser.feed(feed);
        QVERIFY(parser.buffered() <= feed.size());
        for (RequestParser::Step step; (step = parser.next()) == RequestParser::Step::BodyPiece;) {
            const QByteArray piece = parser.takeBodyPiece();
            QVERIFY(piece.size() <= feed.size());
            received += piece.size();
            checksum += quint64(piece.count('x'));
        }
        QVERIFY(parser.buffered() < 64);
    }
    if (chunked)
        parser.feed("0\r\n\r\n");
    QCOMPARE(parser.next(), RequestParser::Step::Request);
    QCOMPARE(received, 1024 * perFeed);
    QCOMPARE(checksum, quint64(received));
    const HttpRequest request = parser.takeRequest();
    QVERIFY(request.body.isEmpty());
    QCOMPARE(request.path, u"/up"_s);
}

void TestRequestParser::streamedBodyHasItsOwnLimit()
{
    // Content-Length over the route's limit: refused from the head, before any piece.
    RequestParser declared;
    declared.setReportHeads(true);
    declared.feed("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\nabc");
    QCOMPARE(declared.next(), RequestParser::Step::Head);
    declared.streamBody(100);
    QCOMPARE(declared.next(), RequestParser::Step::Failed);
    QCOMPARE(declared.error().status, 413);

    // Far over the 1 MiB of held bodies is fine when the route says so.
    RequestParser large;
    large.setReportHeads(true);
    large.feed("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 4294967296\r\n\r\n");
    QCOMPARE(large.next(), RequestParser::Step::Head);
    large.streamBody(4LL << 30);
    QCOMPARE(large.next(), RequestParser::Step::NeedMore);

    // Chunks growing past it: refused at the chunk that passes it, after the pieces before.
    RequestParser chunks;
    chunks.setReportHeads(true);
    chunks.feed("POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    QCOMPARE(chunks.next(), RequestParser::Step::Head);
    chunks.streamBody(10);
    chunks.feed("8\r\n12345678\r\n3\r\n");
    QCOMPARE(chunks.next(), RequestParser::Step::BodyPiece);
    QCOMPARE(chunks.takeBodyPiece(), "12345678"_ba);
    QCOMPARE(chunks.next(), RequestParser::Step::Failed);
    QCOMPARE(chunks.error().status, 413);
}

QTEST_GUILESS_MAIN(TestRequestParser)
#include "tst_request_parser.moc"
