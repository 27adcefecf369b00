// Conditional requests: RFC 9110 §13.2.2 evaluation order and If-Range.
#include "stream/Preconditions.h"

#include <QTest>
#include <QTimeZone>

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(cairn::PreconditionResult)

namespace {

const QByteArray etag = "\"1f4-18cc-7\""_ba;
const QByteArray otherEtag = "\"1f4-18cd-7\""_ba;
// Last-Modified of the representation: Mon, 01 Jan 2024 12:00:00 GMT.
const QByteArray lastModified = "Mon, 01 Jan 2024 12:00:00 GMT"_ba;
const QByteArray before = "Mon, 01 Jan 2024 11:59:59 GMT"_ba;
const QByteArray after = "Mon, 01 Jan 2024 12:00:01 GMT"_ba;
const QByteArray future = "Fri, 01 Jan 2100 00:00:00 GMT"_ba;

Validators validators()
{
    // Sub-second part is ignored: HTTP-dates only carry seconds.
    return {etag, QDateTime(QDate(2024, 1, 1), QTime(12, 0, 0, 750), QTimeZone::utc())};
}

} // namespace

class TestPreconditions : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void ifRange_data();
    void ifRange();
    void missingLastModifiedIgnoresDates();
};

void TestPreconditions::evaluate_data()
{
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::addColumn<QByteArray>("ifNoneMatch");
    QTest::addColumn<QByteArray>("ifModifiedSince");
    QTest::addColumn<QByteArray>("ifUnmodifiedSince");
    QTest::addColumn<bool>("getOrHead");
    QTest::addColumn<PreconditionResult>("expected");

    const auto go = PreconditionResult::Proceed;
    const auto notModified = PreconditionResult::NotModified;
    const auto failed = PreconditionResult::PreconditionFailed;
    const QByteArray none;
    const QByteArray weakEtag = "W/" + etag;

    QTest::newRow("no conditions") << none << none << none << none << true << go;

    // If-Match: strong comparison; "*" matches an existing representation.
    QTest::newRow("if-match equal") << etag << none << none << none << true << go;
    QTest::newRow("if-match in list") << otherEtag + ", " + etag << none << none << none << true << go;
    QTest::newRow("if-match differs") << otherEtag << none << none << none << true << failed;
    QTest::newRow("if-match weak never matches") << weakEtag << none << none << none << true << failed;
    QTest::newRow("if-match star") << "*"_ba << none << none << none << true << go;
    QTest::newRow("if-match malformed") << "abc"_ba << none << none << none << true << failed;
    QTest::newRow("if-match unquoted etag") << "1f4-18cc-7"_ba << none << none << none << true << failed;
    QTest::newRow("if-match differs on PUT") << otherEtag << none << none << none << false << failed;

    // If-Unmodified-Since, only when If-Match is absent.
    QTest::newRow("unmodified since same") << none << none << none << lastModified << true << go;
    QTest::newRow("unmodified since later") << none << none << none << after << true << go;
    QTest::newRow("unmodified since earlier") << none << none << none << before << true << failed;
    QTest::newRow("unmodified since garbage ignored") << none << none << none << "yesterday"_ba << true << go;
    QTest::newRow("if-match wins over unmodified-since") << etag << none << none << before << true << go;
    QTest::newRow("if-match fails before unmodified-since")
        << otherEtag << none << none << after << true << failed;

    // If-None-Match: weak comparison; 304 for GET/HEAD, 412 otherwise.
    QTest::newRow("none-match equal") << none << etag << none << none << true << notModified;
    QTest::newRow("none-match weak equal") << none << weakEtag << none << none << true << notModified;
    QTest::newRow("none-match in list") << none << "\"x\", W/\"y\"," + etag << none << none << true << notModified;
    QTest::newRow("none-match differs") << none << otherEtag << none << none << true << go;
    QTest::newRow("none-match star") << none << "*"_ba << none << none << true << notModified;
    QTest::newRow("none-match star on PUT") << none << "*"_ba << none << none << false << failed;
    QTest::newRow("none-match equal on POST") << none << etag << none << none << false << failed;
    QTest::newRow("none-match malformed") << none << "nonsense"_ba << none << none << true << go;

    // If-Modified-Since: GET/HEAD only, ignored when If-None-Match is present.
    QTest::newRow("modified since same") << none << none << lastModified << none << true << notModified;
    QTest::newRow("modified since later") << none << none << after << none << true << notModified;
    QTest::newRow("modified since earlier") << none << none << before << none << true << go;
    QTest::newRow("modified since garbage ignored") << none << none << "Mon, 99 Jan 2024"_ba << none << true << go;
    QTest::newRow("modified since future ignored") << none << none << future << none << true << go;
    QTest::newRow("modified since not for PUT") << none << none << lastModified << none << false << go;
    QTest::newRow("modified since rfc850") << none << none << "Monday, 01-Jan-24 12:00:00 GMT"_ba << none << true
                                           << notModified;
    QTest::newRow("modified since asctime") << none << none << "Mon Jan  1 12:00:00 2024"_ba << none << true
                                            << notModified;
    QTest::newRow("none-match differs overrides modified-since")
        << none << otherEtag << lastModified << none << true << go;
    QTest::newRow("none-match equal with older modified-since")
        << none << etag << before << none << true << notModified;

    // Order across the two groups: the 412 checks come first.
    QTest::newRow("if-match fails before none-match") << otherEtag << etag << none << none << true << failed;
    QTest::newRow("unmodified fails before modified") << none << none << lastModified << before << true << failed;
    QTest::newRow("if-match passes then none-match") << etag << etag << none << none << true << notModified;
    QTest::newRow("all pass") << etag << otherEtag << before << after << true << go;
}

void TestPreconditions::evaluate()
{
    QFETCH(QByteArray, ifMatch);
    QFETCH(QByteArray, ifNoneMatch);
    QFETCH(QByteArray, ifModifiedSince);
    QFETCH(QByteArray, ifUnmodifiedSince);
    QFETCH(bool, getOrHead);
    QFETCH(PreconditionResult, expected);

    ConditionalHeaders h;
    h.ifMatch = ifMatch;
    h.ifNoneMatch = ifNoneMatch;
    h.ifModifiedSince = ifModifiedSince;
    h.ifUnmodifiedSince = ifUnmodifiedSince;
    h.isGetOrHead = getOrHead;
    QCOMPARE(evaluatePreconditions(h, validators()), expected);
}

void TestPreconditions::ifRange_data()
{
    QTest::addColumn<QByteArray>("ifRange");
    QTest::addColumn<QByteArray>("currentEtag");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("absent") << QByteArray() << etag << true;
    QTest::newRow("strong etag equal") << etag << etag << true;
    QTest::newRow("strong etag with OWS") << " " + etag + " " << etag << true;
    QTest::newRow("strong etag differs") << otherEtag << etag << false;
    QTest::newRow("weak etag equal") << "W/" + etag << etag << false;
    QTest::newRow("current etag weak") << etag << "W/" + etag << false;
    QTest::newRow("etag list not allowed") << etag + ", " + etag << etag << false;
    QTest::newRow("unterminated etag") << "\"1f4"_ba << etag << false;
    QTest::newRow("exact date") << lastModified << etag << true;
    QTest::newRow("exact date rfc850") << "Monday, 01-Jan-24 12:00:00 GMT"_ba << etag << true;
    QTest::newRow("older date") << before << etag << false;
    QTest::newRow("newer date") << after << etag << false;
    QTest::newRow("garbage") << "garbage"_ba << etag << false;
    QTest::newRow("star") << "*"_ba << etag << false;
}

void TestPreconditions::ifRange()
{
    QFETCH(QByteArray, ifRange);
    QFETCH(QByteArray, currentEtag);
    QFETCH(bool, allowed);

    ConditionalHeaders h;
    h.ifRange = ifRange;
    Validators v = validators();
    v.etag = currentEtag;
    QCOMPARE(ifRangeAllowsPartial(h, v), allowed);
}

// Without a Last-Modified the server cannot evaluate dates, so they are ignored, never matched.
void TestPreconditions::missingLastModifiedIgnoresDates()
{
    const Validators v{etag, QDateTime()};
    ConditionalHeaders h;
    h.ifModifiedSince = lastModified;
    QCOMPARE(evaluatePreconditions(h, v), PreconditionResult::Proceed);
    h = {};
    h.ifUnmodifiedSince = before;
    QCOMPARE(evaluatePreconditions(h, v), PreconditionResult::Proceed);
    h = {};
    h.ifRange = lastModified;
    QVERIFY(!ifRangeAllowsPartial(h, v));
}

QTEST_GUILESS_MAIN(TestPreconditions)
#include "tst_preconditions.moc"
