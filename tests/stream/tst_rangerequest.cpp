// Range header resolution: every malformed form next to the valid ones, plus invariants on
// random input.
#include "stream/RangeRequest.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(cairn::RangeOutcome)
Q_DECLARE_METATYPE(cairn::ByteRange)

namespace cairn {
char *toString(const ByteRange &r)
{
    return QTest::toString(QByteArray::number(r.first) + '-' + QByteArray::number(r.last));
}
} // namespace cairn

namespace {
using Ranges = QList<ByteRange>;
}

class TestRangeRequest : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void maxRangesIsALimitOnSpecs();
    void randomHeadersKeepInvariants();
    void headers();
};

void TestRangeRequest::resolve_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<RangeOutcome>("outcome");
    QTest::addColumn<Ranges>("ranges");

    const auto full = RangeOutcome::Full;
    const auto partial = RangeOutcome::Partial;
    const auto unsat = RangeOutcome::Unsatisfiable;

    // Valid forms.
    QTest::newRow("closed") << "bytes=0-99"_ba << 1000LL << partial << Ranges{{0, 99}};
    QTest::newRow("single byte") << "bytes=5-5"_ba << 1000LL << partial << Ranges{{5, 5}};
    QTest::newRow("open") << "bytes=900-"_ba << 1000LL << partial << Ranges{{900, 999}};
    QTest::newRow("open from zero") << "bytes=0-"_ba << 1000LL << partial << Ranges{{0, 999}};
    QTest::newRow("suffix") << "bytes=-100"_ba << 1000LL << partial << Ranges{{900, 999}};
    QTest::newRow("suffix longer than entity") << "bytes=-5000"_ba << 1000LL << partial << Ranges{{0, 999}};
    QTest::newRow("suffix equal to entity") << "bytes=-1000"_ba << 1000LL << partial << Ranges{{0, 999}};
    QTest::newRow("last clamped") << "bytes=500-5000"_ba << 1000LL << partial << Ranges{{500, 999}};
    QTest::newRow("last byte") << "bytes=999-999"_ba << 1000LL << partial << Ranges{{999, 999}};
    QTest::newRow("unit case-insensitive") << "BYTES=0-1"_ba << 10LL << partial << Ranges{{0, 1}};
    QTest::newRow("mixed case unit") << "Bytes=0-1"_ba << 10LL << partial << Ranges{{0, 1}};
    QTest::newRow("OWS around specs") << "bytes= 0-1 , 3-4"_ba << 10LL << partial << Ranges{{0, 1}, {3, 4}};
    QTest::newRow("tabs around specs") << "bytes=0-1\t,\t3-4"_ba << 10LL << partial << Ranges{{0, 1}, {3, 4}};
    QTest::newRow("OWS around value") << "  bytes=0-1  "_ba << 10LL << partial << Ranges{{0, 1}};
    // RFC 9110 §5.6.1.2: empty list elements must be accepted and ignored.
    QTest::newRow("trailing comma") << "bytes=0-1,"_ba << 10LL << partial << Ranges{{0, 1}};
    QTest::newRow("leading and double commas") << "bytes=,0-1,,3-4"_ba << 10LL << partial << Ranges{{0, 1}, {3, 4}};
    QTest::newRow("18-digit numbers") << "bytes=0-999999999999999999"_ba << 10LL << partial << Ranges{{0, 9}};
    QTest::newRow("leading zeros") << "bytes=007-008"_ba << 10LL << partial << Ranges{{7, 8}};

    // Several ranges: kept ascending, overlapping and adjacent ones coalesced.
    QTest::newRow("disjoint") << "bytes=0-1,5-6"_ba << 10LL << partial << Ranges{{0, 1}, {5, 6}};
    QTest::newRow("descending sorted") << "bytes=5-6,0-1"_ba << 10LL << partial << Ranges{{0, 1}, {5, 6}};
    QTest::newRow("overlapping") << "bytes=0-5,3-8"_ba << 10LL << partial << Ranges{{0, 8}};
    QTest::newRow("adjacent") << "bytes=0-4,5-9"_ba << 10LL << partial << Ranges{{0, 9}};
    QTest::newRow("contained") << "bytes=0-9,2-3"_ba << 10LL << partial << Ranges{{0, 9}};
    QTest::newRow("duplicate") << "bytes=2-3,2-3"_ba << 10LL << partial << Ranges{{2, 3}};
    QTest::newRow("suffix overlaps open") << "bytes=-3,5-"_ba << 10LL << partial << Ranges{{5, 9}};
    QTest::newRow("gap of one byte kept") << "bytes=0-3,5-6"_ba << 10LL << partial << Ranges{{0, 3}, {5, 6}};
    QTest::newRow("chain coalesced") << "bytes=6-7,0-2,3-5"_ba << 10LL << partial << Ranges{{0, 7}};
    QTest::newRow("unsatisfiable spec dropped") << "bytes=0-1,50-60"_ba << 10LL << partial << Ranges{{0, 1}};

    // Unsatisfiable but valid.
    QTest::newRow("first equals size") << "bytes=10-20"_ba << 10LL << unsat << Ranges{};
    QTest::newRow("first past size") << "bytes=100-"_ba << 10LL << unsat << Ranges{};
    QTest::newRow("suffix zero") << "bytes=-0"_ba << 10LL << unsat << Ranges{};
    QTest::newRow("size zero closed") << "bytes=0-0"_ba << 0LL << unsat << Ranges{};
    QTest::newRow("size zero open") << "bytes=0-"_ba << 0LL << unsat << Ranges{};
    QTest::newRow("size zero suffix") << "bytes=-5"_ba << 0LL << unsat << Ranges{};
    QTest::newRow("all dropped") << "bytes=10-11,-0,20-"_ba << 10LL << unsat << Ranges{};

    // Invalid or foreign: ignored, so the whole entity is sent.
    QTest::newRow("absent") << QByteArray() << 1000LL << full << Ranges{};
    QTest::newRow("blank") << "   "_ba << 1000LL << full << Ranges{};
    QTest::newRow("unit only") << "bytes="_ba << 1000LL << full << Ranges{};
    QTest::newRow("only commas") << "bytes=,,"_ba << 1000LL << full << Ranges{};
    QTest::newRow("dash only") << "bytes=-"_ba << 1000LL << full << Ranges{};
    QTest::newRow("letters") << "bytes=abc"_ba << 1000LL << full << Ranges{};
    QTest::newRow("letters in range") << "bytes=a-b"_ba << 1000LL << full << Ranges{};
    QTest::newRow("no dash") << "bytes=5"_ba << 1000LL << full << Ranges{};
    QTest::newRow("reversed") << "bytes=5-2"_ba << 1000LL << full << Ranges{};
    QTest::newRow("reversed among valid") << "bytes=0-1,5-2"_ba << 1000LL << full << Ranges{};
    QTest::newRow("other unit") << "items=0-1"_ba << 1000LL << full << Ranges{};
    QTest::newRow("unit prefix only") << "byte=0-1"_ba << 1000LL << full << Ranges{};
    QTest::newRow("space before equals") << "bytes =0-1"_ba << 1000LL << full << Ranges{};
    QTest::newRow("no equals") << "bytes 0-1"_ba << 1000LL << full << Ranges{};
    QTest::newRow("space inside spec") << "bytes=0 - 1"_ba << 1000LL << full << Ranges{};
    QTest::newRow("negative first") << "bytes=-5-10"_ba << 1000LL << full << Ranges{};
    QTest::newRow("negative last") << "bytes=5--10"_ba << 1000LL << full << Ranges{};
    QTest::newRow("plus sign") << "bytes=+5-10"_ba << 1000LL << full << Ranges{};
    QTest::newRow("19-digit first") << "bytes=1000000000000000000-"_ba << 1000LL << full << Ranges{};
    QTest::newRow("19-digit last") << "bytes=0-1000000000000000000"_ba << 1000LL << full << Ranges{};
    QTest::newRow("19-digit suffix") << "bytes=-1000000000000000000"_ba << 1000LL << full << Ranges{};
    QTest::newRow("overflowing") << "bytes=0-99999999999999999999999999"_ba << 1000LL << full << Ranges{};
    QTest::newRow("semicolon separator") << "bytes=0-1;3-4"_ba << 1000LL << full << Ranges{};
    QTest::newRow("second unit") << "bytes=0-1, bytes=3-4"_ba << 1000LL << full << Ranges{};
    QTest::newRow("invalid beats unsatisfiable") << "bytes=2000-,x"_ba << 1000LL << full << Ranges{};
}

void TestRangeRequest::resolve()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, size);
    QFETCH(RangeOutcome, outcome);
    QFETCH(Ranges, ranges);

    const RangeResolution r = resolveRange(header, size);
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.ranges, ranges);
}

void TestRangeRequest::maxRangesIsALimitOnSpecs()
{
    auto header = [](int count) {
        QByteArray h = "bytes=";
        for (int i = 0; i < count; ++i)
            h += (i ? "," : "") + QByteArray::number(i * 10) + '-' + QByteArray::number(i * 10 + 1);
        return h;
    };
    QCOMPARE(resolveRange(header(32), 1000).outcome, RangeOutcome::Partial);
    QCOMPARE(resolveRange(header(32), 1000).ranges.size(), 32);
    QCOMPARE(resolveRange(header(33), 1000).outcome, RangeOutcome::Full);
    QCOMPARE(resolveRange(header(3), 1000, 3).outcome, RangeOutcome::Partial);
    QCOMPARE(resolveRange(header(4), 1000, 3).outcome, RangeOutcome::Full);
    // The limit counts specs, not what survives coalescing or the size check.
    QCOMPARE(resolveRange("bytes=0-1,0-1,0-1,0-1", 1000, 3).outcome, RangeOutcome::Full);
    QCOMPARE(resolveRange("bytes=0-1,,,,,", 1000, 1).outcome, RangeOutcome::Partial);
}

// Whatever arrives, a Partial result is sorted, disjoint, non-adjacent and inside the entity.
void TestRangeRequest::randomHeadersKeepInvariants()
{
    QRandomGenerator random(20261123);
    static constexpr QByteArrayView alphabet = "0123456789-, =bytes\t";
    int partials = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray header = "bytes=";
        const int length = random.bounded(1, 24);
        for (int i = 0; i < length; ++i)
            header += alphabet.at(random.bounded(int(alphabet.size())));
        const qint64 size = random.bounded(0, 50);
        const RangeResolution r = resolveRange(header, size);
        if (r.outcome != RangeOutcome::Partial) {
            QVERIFY2(r.ranges.isEmpty(), header.constData());
            continue;
        }
        ++partials;
        QVERIFY2(!r.ranges.isEmpty(), header.constData());
        for (qsizetype i = 0; i < r.ranges.size(); ++i) {
            const ByteRange &br = r.ranges.at(i);
            QVERIFY2(br.first >= 0 && br.first <= br.last && br.last < size, header.constData());
            if (i > 0)
                QVERIFY2(r.ranges.at(i - 1).last + 1 < br.first, header.constData());
        }
    }
    QVERIFY(partials > 100); // the generator really exercised the Partial path
}

void TestRangeRequest::headers()
{
    QCOMPARE(contentRangeHeader({0, 99}, 1000), "bytes 0-99/1000"_ba);
    QCOMPARE(contentRangeHeader({999, 999}, 1000), "bytes 999-999/1000"_ba);
    QCOMPARE(contentRangeHeader({0, 4999999999}, 5000000000), "bytes 0-4999999999/5000000000"_ba);
    QCOMPARE(unsatisfiedContentRange(1000), "bytes */1000"_ba);
    QCOMPARE(unsatisfiedContentRange(0), "bytes */0"_ba);
    QCOMPARE((ByteRange{10, 19}.length()), 10);
}

QTEST_GUILESS_MAIN(TestRangeRequest)
#include "tst_rangerequest.moc"
