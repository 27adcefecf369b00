// The JSON API's one mapping of domain errors (status, body, Retry-After, allowed values) and
// the shared parsing of ids and integer parameters that produces most InvalidInput errors.

#include "base/DomainError.h"
#include "base/TextValues.h"
#include "http/JsonErrorAnswer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

Q_DECLARE_METATYPE(cairn::DomainError)

class TestErrorAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachKindHasItsStatus_data();
    void eachKindHasItsStatus();
    void allowedValuesAreListed();
    void protocolAnswersCarryTheSameBody();
    void requireIdRefusesWhatIsNoPositiveId_data();
    void requireIdRefusesWhatIsNoPositiveId();
    void requireIdAcceptsPlainDigits();
    void requireIdBeyond64BitsIsUnknown();
    void intParamChecksTheRange_data();
    void intParamChecksTheRange();
};

void TestErrorAnswers::eachKindHasItsStatus_data()
{
    QTest::addColumn<DomainError>("error");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("invalid") << DomainError::invalid(u"bad"_s) << 400 << QByteArray();
    QTest::newRow("unauthenticated") << DomainError::unauthenticated(u"who"_s) << 401 << QByteArray();
    QTest::newRow("forbidden") << DomainError::forbidden(u"no"_s) << 403 << QByteArray();
    QTest::newRow("not found") << DomainError::notFound(u"none"_s) << 404 << QByteArray();
    QTest::newRow("not visible") << DomainError::notVisible(u"none"_s) << 404 << QByteArray();
    QTest::newRow("conflict") << DomainError::conflict(u"twice"_s) << 409 << QByteArray();
    QTest::newRow("gone") << DomainError::gone(u"ended"_s) << 410 << QByteArray();
    QTest::newRow("unprocessable") << DomainError::unprocessable(u"broken"_s) << 422 << QByteArray();
    QTest::newRow("too many attempts") << DomainError::tooManyAttempts(u"slow down"_s, 42) << 429 << "42"_ba;
    QTest::newRow("busy") << DomainError::busy(u"full"_s, 5) << 503 << "5"_ba;
    QTest::newRow("busy without a time") << DomainError::busy(u"full"_s, 0) << 503 << QByteArray();
    QTest::newRow("unavailable") << DomainError::unavailable(u"off"_s) << 503 << QByteArray();
    QTest::newRow("failed") << DomainError::failed(u"broke"_s) << 500 << QByteArray();
    QTest::newRow("too large") << DomainError::tooLarge(u"big"_s) << 413 << QByteArray();
    QTest::newRow("unsupported type") << DomainError::unsupportedType(u"not media"_s) << 415 << QByteArray();
    QTest::newRow("no space") << DomainError::noSpace(u"disk full"_s) << 507 << QByteArray();
}

void TestErrorAnswers::eachKindHasItsStatus()
{
    QFETCH(DomainError, error);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QCOMPARE(httpStatusFor(error.kind), status);
    const HttpResponse r = jsonErrorAnswer(error);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type").left(16), "application/json"_ba);
    QCOMPARE(r.header("Retry-After"), retryAfter);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"error"_s).toString(), error.message);
    QVERIFY(!body.contains(u"allowed"_s));
    QCOMPARE(body.size(), 1);
}

void TestErrorAnswers::allowedValuesAreListed()
{
    const HttpResponse r = jsonErrorAnswer(DomainError::invalid(u"unknown format"_s, {u"mp3"_s, u"opus"_s}));
    QCOMPARE(r.status, 400);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"error"_s).toString(), u"unknown format"_s);
    QCOMPARE(body.value(u"allowed"_s).toArray(), QJsonArray({u"mp3"_s, u"opus"_s}));
}

void TestErrorAnswers::protocolAnswersCarryTheSameBody()
{
    const HttpResponse r = jsonProtocolAnswer(416, u"range not satisfiable"_s);
    QCOMPARE(r.status, 416);
    QCOMPARE(QJsonDocument::fromJson(r.body).object(), QJsonObject({{u"error"_s, u"range not satisfiable"_s}}));
}

void TestErrorAnswers::requireIdRefusesWhatIsNoPositiveId_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("zero") << u"0"_s;
    QTest::newRow("negative") << u"-3"_s;
    QTest::newRow("plus") << u"+3"_s;
    QTest::newRow("space") << u" 3"_s;
    QTest::newRow("trailing text") << u"12x"_s;
    QTest::newRow("exponent") << u"1e3"_s;
    QTest::newRow("fraction") << u"1.5"_s;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s;
}

void TestErrorAnswers::requireIdRefusesWhatIsNoPositiveId()
{
    QFETCH(QString, text);
    const Result<qint64> id = requireId(text, u"album"_s);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(id.error().message, u"album id must be a positive integer"_s);
    QCOMPARE(jsonErrorAnswer(id.error()).status, 400);
}

void TestErrorAnswers::requireIdAcceptsPlainDigits()
{
    QCOMPARE(*requireId(u"7"_s, u"track"_s), 7LL);
    QCOMPARE(*requireId(u"007"_s, u"track"_s), 7LL);
    QCOMPARE(*requireId(u"123456789012345678"_s, u"track"_s), 123456789012345678LL);
    QCOMPARE(*requireId(u"9223372036854775807"_s, u"track"_s), 9223372036854775807LL);
}

void TestErrorAnswers::requireIdBeyond64BitsIsUnknown()
{
    // Well written, but no row can have it: answered like any unknown id, not as a mistake.
    for (const QString &text : {u"9223372036854775808"_s, u"99999999999999999999"_s, u"00099999999999999999999"_s}) {
        const Result<qint64> id = requireId(text, u"album"_s);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().kind, DomainError::Kind::NotFound);
        QCOMPARE(jsonErrorAnswer(id.error()).status, 404);
    }
}

void TestErrorAnswers::intParamChecksTheRange_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qint64>("value");   // -1: refused
    QTest::newRow("absent") << u"other=3"_s << 50LL;
    QTest::newRow("inside") << u"limit=7"_s << 7LL;
    QTest::newRow("lowest") << u"limit=1"_s << 1LL;
    QTest::newRow("highest") << u"limit=500"_s << 500LL;
    QTest::newRow("below") << u"limit=0"_s << -1LL;
    QTest::newRow("above") << u"limit=501"_s << -1LL;
    QTest::newRow("empty") << u"limit="_s << -1LL;
    QTest::newRow("negative") << u"limit=-1"_s << -1LL;
    QTest::newRow("text") << u"limit=ten"_s << -1LL;
    QTest::newRow("fraction") << u"limit=1.5"_s << -1LL;
    QTest::newRow("huge") << u"limit=99999999999999999999"_s << -1LL;
}

void TestErrorAnswers::intParamChecksTheRange()
{
    QFETCH(QString, query);
    QFETCH(qint64, value);
    const Result<qint64> parsed = intParam(QUrlQuery(query), u"limit"_s, 50, 1, 500);
    if (value >= 0) {
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, value);
        return;
    }
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(parsed.error().message, u"'limit' must be an integer from 1 to 500"_s);
}

QTEST_GUILESS_MAIN(TestErrorAnswers)
#include "tst_error_answers.moc"
