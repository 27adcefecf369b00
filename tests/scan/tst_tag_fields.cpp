// Tag values onto a Track's fields (TagFields): the numbers of track, disc and year are the
// value's leading digits, whichever reader (TagLib, libavformat) handed the text over.

#include "TagFields.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

class TestTagFields : public QObject
{
    Q_OBJECT

private slots:
    void leadingNumber_data();
    void leadingNumber();
    void leadingNumberStopsAtNonAsciiDigits_data();
    void leadingNumberStopsAtNonAsciiDigits();
    void numbersFillOnce();
};

void TestTagFields::leadingNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("number");
    QTest::newRow("track of total") << u"3/12"_s << 3;
    QTest::newRow("padded") << u"  02 "_s << 2;
    QTest::newRow("date") << u"2024-03-01"_s << 2024;
    QTest::newRow("nine digits at most") << u"1234567890123"_s << 123456789;
    QTest::newRow("no digits") << u"side A"_s << 0;
    QTest::newRow("empty") << QString() << 0;
}

void TestTagFields::leadingNumber()
{
    QFETCH(QString, text);
    QFETCH(int, number);
    QCOMPARE(cairn::leadingNumber(text), number);
}

// Found by fuzz_tag_text (tests/fuzz/regressions/fuzz_tag_text/leading-number-arabic-indic-digit):
// a Unicode digit after ASCII ones ("32" + U+06F3) counted as a digit, and the whole run then
// failed to convert, so the track number was 0 instead of 32.
void TestTagFields::leadingNumberStopsAtNonAsciiDigits_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<int>("number");
    QTest::newRow("fuzzed input") << QByteArray("32\xdb\xb3\xb3\xb3\xb3", 7) << 32;
    QTest::newRow("fullwidth digit") << QByteArray("1\xef\xbc\x92") << 1;
    QTest::newRow("Arabic-Indic year") << QByteArray("19\xd9\xa9\xd9\xa9") << 19;
    QTest::newRow("only non-ASCII digits") << QByteArray("\xd9\xa3") << 0;
}

void TestTagFields::leadingNumberStopsAtNonAsciiDigits()
{
    QFETCH(QByteArray, utf8);
    QFETCH(int, number);
    QCOMPARE(cairn::leadingNumber(QString::fromUtf8(utf8)), number);

    Track track;
    applyTag(track, u"TRACKNUMBER"_s, QString::fromUtf8(utf8));
    QCOMPARE(track.trackNumber, number);
}

void TestTagFields::numbersFillOnce()
{
    Track track;
    applyTag(track, u"track"_s, u"4/10"_s);
    applyTag(track, u"TRACKNUMBER"_s, u"7"_s);
    applyTag(track, u"Date"_s, u"1999"_s);
    QCOMPARE(track.trackNumber, 4);
    QCOMPARE(track.year, 1999);
}

QTEST_GUILESS_MAIN(TestTagFields)
#include "tst_tag_fields.moc"
