// The DLNA request headers of a media request read into their value: npt times in both of
// DLNA's forms, TimeSeekRange ranges and their checks against a duration, the answer's
// TimeSeekRange text, transfer modes, and the renderer's name for the activity list.

#include "dlna/DlnaMediaHeaders.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

HttpRequest requestWith(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    HttpRequest r;
    r.method = HttpMethod::Get;
    r.headers = headers;
    return r;
}

} // namespace

class TestDlnaMediaHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nptTimes_data();
    void nptTimes();
    void nptRanges_data();
    void nptRanges();
    void rangeChecks_data();
    void rangeChecks();
    void answerText();
    void readsHeaders();
    void refusals_data();
    void refusals();
    void playerName();
};

void TestDlnaMediaHeaders::nptTimes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("seconds");   // < 0 = refused
    QTest::newRow("seconds") << "123"_ba << 123.0;
    QTest::newRow("fraction") << "123.4"_ba << 123.4;
    QTest::newRow("zero") << "0"_ba << 0.0;
    QTest::newRow("clock") << "1:02:03"_ba << 3723.0;
    QTest::newRow("clock fraction") << "0:00:05.250"_ba << 5.25;
    QTest::newRow("clock two-digit hours") << "10:00:00"_ba << 36000.0;
    QTest::newRow("empty") << ""_ba << -1.0;
    QTest::newRow("letters") << "abc"_ba << -1.0;
    QTest::newRow("sign") << "+5"_ba << -1.0;
    QTest::newRow("trailing dot") << "5."_ba << -1.0;
    QTest::newRow("leading dot") << ".5"_ba << -1.0;
    QTest::newRow("exponent") << "1e3"_ba << -1.0;
    QTest::newRow("minutes 60") << "0:60:00"_ba << -1.0;
    QTest::newRow("seconds 60") << "0:00:60"_ba << -1.0;
    QTest::newRow("two fields") << "1:30"_ba << -1.0;
    QTest::newRow("four fields") << "1:00:00:00"_ba << -1.0;
    QTest::newRow("too long") << "12345678901"_ba << -1.0;
}

void TestDlnaMediaHeaders::nptTimes()
{
    QFETCH(QByteArray, text);
    QFETCH(double, seconds);
    const auto parsed = parseNptTime(text);
    if (seconds < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, seconds);
    }
}

void TestDlnaMediaHeaders::nptRanges_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");   // < 0 = open
    QTest::newRow("open") << "npt=5-"_ba << true << 5.0 << -1.0;
    QTest::newRow("closed") << "npt=5-10.5"_ba << true << 5.0 << 10.5;
    QTest::newRow("clock") << "npt=0:01:00.000-0:02:00"_ba << true << 60.0 << 120.0;
    QTest::newRow("spaces around") << "  npt=5-  "_ba << true << 5.0 << -1.0;
    QTest::newRow("no npt") << "5-"_ba << false << 0.0 << 0.0;
    QTest::newRow("no dash") << "npt=5"_ba << false << 0.0 << 0.0;
    QTest::newRow("no start") << "npt=-5"_ba << false << 0.0 << 0.0;
    QTest::newRow("bad end") << "npt=5-x"_ba << false << 0.0 << 0.0;
    QTest::newRow("star") << "npt=*"_ba << false << 0.0 << 0.0;
}

void TestDlnaMediaHeaders::nptRanges()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, ok);
    QFETCH(double, start);
    QFETCH(double, end);
    const auto range = parseNptRange(value);
    QCOMPARE(range.has_value(), ok);
    if (!ok)
        return;
    QCOMPARE(range->startSeconds, start);
    QCOMPARE(range->endSeconds.value_or(-1.0), end);
}

void TestDlnaMediaHeaders::rangeChecks_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<double>("duration");
    QTest::addColumn<int>("status");   // 0 = accepted
    QTest::newRow("inside") << "npt=5-"_ba << 20.0 << 0;
    QTest::newRow("closed inside") << "npt=5-20"_ba << 20.0 << 0;
    QTest::newRow("at the end") << "npt=20-"_ba << 20.0 << 416;
    QTest::newRow("beyond") << "npt=30-"_ba << 20.0 << 416;
    QTest::newRow("end beyond") << "npt=5-21"_ba << 20.0 << 416;
    QTest::newRow("backwards") << "npt=10-5"_ba << 20.0 << 400;
    QTest::newRow("empty") << "npt=5-5"_ba << 20.0 << 400;
    QTest::newRow("duration unknown") << "npt=3600-"_ba << 0.0 << 0;
}

void TestDlnaMediaHeaders::rangeChecks()
{
    QFETCH(QByteArray, value);
    QFETCH(double, duration);
    QFETCH(int, status);
    const auto range = parseNptRange(value);
    QVERIFY(range);
    const auto refusal = timeSeekRefusal(*range, duration);
    QCOMPARE(refusal ? refusal->status : 0, status);
}

void TestDlnaMediaHeaders::answerText()
{
    TimeSeekAnswer a;
    a.startSeconds = 5;
    a.endSeconds = 20;
    a.durationSeconds = 20;
    QCOMPARE(timeSeekRangeValue(a), "npt=5.000-20.000/20.000"_ba);
    a.firstByte = 80000;
    a.lastByte = 320835;
    a.totalBytes = 320836;
    QCOMPARE(timeSeekRangeValue(a), "npt=5.000-20.000/20.000 bytes=80000-320835/320836"_ba);
    TimeSeekAnswer unknown;
    unknown.startSeconds = 12.5;
    QCOMPARE(timeSeekRangeValue(unknown), "npt=12.500-/*"_ba);
    QCOMPARE(nptText(1.0 / 3.0), "0.333"_ba);
}

void TestDlnaMediaHeaders::readsHeaders()
{
    const auto none = readDlnaMediaHeaders(requestWith({{"User-Agent", "VLC/3.0"}}));
    QVERIFY(std::holds_alternative<DlnaMediaHeaders>(none));
    QVERIFY(!std::get<DlnaMediaHeaders>(none).isDlna());
    QVERIFY(std::get<DlnaMediaHeaders>(none).answerHeaders("x").isEmpty());

    const auto asked = readDlnaMediaHeaders(requestWith({{"GetContentFeatures.DLNA.ORG", " 1 "},
                                                         {"TimeSeekRange.dlna.org", "npt=1:00-"}}));
    QVERIFY(std::holds_alternative<DlnaRefusal>(asked));   // "1:00" is neither npt form

    const auto seek = readDlnaMediaHeaders(requestWith({{"getcontentFeatures.dlna.org", "1"},
                                                        {"TimeSeekRange.dlna.org", "npt=0:01:00-"}}));
    QVERIFY(std::holds_alternative<DlnaMediaHeaders>(seek));
    const auto &h = std::get<DlnaMediaHeaders>(seek);
    QVERIFY(h.isDlna());
    QCOMPARE(h.timeSeek->startSeconds, 60.0);
    const auto answer = h.answerHeaders("DLNA.ORG_OP=01");
    QCOMPARE(answer.size(), 2);
    QCOMPARE(answer.at(0), (QPair<QByteArray, QByteArray>("contentFeatures.dlna.org", "DLNA.ORG_OP=01")));
    QCOMPARE(answer.at(1), (QPair<QByteArray, QByteArray>("transferMode.dlna.org", "Streaming")));

    const auto mode = readDlnaMediaHeaders(requestWith({{"transferMode.dlna.org", "Background"}}));
    const auto &m = std::get<DlnaMediaHeaders>(mode);
    QVERIFY(m.isDlna());
    QCOMPARE(m.answerHeaders("x"), (QList<QPair<QByteArray, QByteArray>>{{"transferMode.dlna.org", "Background"}}));
}

void TestDlnaMediaHeaders::refusals_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("status");
    QTest::newRow("getcontentFeatures 0") << "getcontentFeatures.dlna.org"_ba << "0"_ba << 400;
    QTest::newRow("getcontentFeatures empty") << "getcontentFeatures.dlna.org"_ba << ""_ba << 400;
    QTest::newRow("unknown mode") << "transferMode.dlna.org"_ba << "Bulk"_ba << 406;
    QTest::newRow("bad npt") << "TimeSeekRange.dlna.org"_ba << "npt=abc"_ba << 400;
}

void TestDlnaMediaHeaders::refusals()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    const auto read = readDlnaMediaHeaders(requestWith({{name, value}}));
    QVERIFY(std::holds_alternative<DlnaRefusal>(read));
    QCOMPARE(std::get<DlnaRefusal>(read).status, status);
    QCOMPARE(refusalAnswer(std::get<DlnaRefusal>(read)).status, status);
}

void TestDlnaMediaHeaders::playerName()
{
    const QByteArray agent = "  Samsung   TV\t/1.0 " + QByteArray(200, 'y');
    const auto dlna = readDlnaMediaHeaders(requestWith({{"transferMode.dlna.org", "Streaming"}, {"User-Agent", agent}}));
    const QString name = std::get<DlnaMediaHeaders>(dlna).playerName();
    QCOMPARE(name.size(), 100);
    QVERIFY(name.startsWith(u"Samsung TV /1.0 yyy"_s));

    // Not DLNA's request: not named after its agent (the route's own player name stays).
    const auto plain = readDlnaMediaHeaders(requestWith({{"User-Agent", "Samsung TV"}}));
    QVERIFY(std::get<DlnaMediaHeaders>(plain).playerName().isEmpty());
}

QTEST_APPLESS_MAIN(TestDlnaMediaHeaders)
#include "tst_dlna_media_headers.moc"
