// Lyrics text as tags hold it: LRC time and ID tags, clean-up of line ends and bad characters,
// synced or plain, SYLT pieces, tag keys, and the collector's repeats and size bounds.

#include "LyricsCollector.h"
#include "LyricsText.h"
#include "Lrc.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

// "83450|text" per line (startMs|text), so tables stay readable.
QStringList described(const QList<LyricLine> &lines)
{
    QStringList out;
    for (const LyricLine &line : lines)
        out << QString::number(line.startMs) + u'|' + line.text;
    return out;
}

QList<LyricLine> plain(const QStringList &texts)
{
    QList<LyricLine> lines;
    for (const QString &text : texts)
        lines.append({-1, text});
    return lines;
}

qsizetype utf8Bytes(const QList<Lyrics> &all)
{
    qsizetype bytes = 0;
    for (const Lyrics &lyrics : all) {
        for (const LyricLine &line : lyrics.lines)
            bytes += line.text.toUtf8().size() + 1;
    }
    return bytes;
}

} // namespace

class TestLyricsText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timedLine_data();
    void timedLine();
    void offsetTag_data();
    void offsetTag();
    void languageCode_data();
    void languageCode();
    void cleaned_data();
    void cleaned();
    void fromText_data();
    void fromText();
    void fromTimedPieces_data();
    void fromTimedPieces();
    void lyricsKey_data();
    void lyricsKey();

    void collectorDropsRepeats();
    void collectorCutsAtTheBudget();
    void collectorCutsWithinAMultiByteLine();
    void collectorCutsHugeRawText();
    void collectorBoundsTheNumberOfTexts();
};

void TestLyricsText::timedLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QList<qint64>>("starts");   // empty: not a timed line
    QTest::addColumn<QString>("text");

    QTest::newRow("hundredths") << u"[01:23.45]Hello"_s << QList<qint64>{83450} << u"Hello"_s;
    QTest::newRow("tenths") << u"[01:02.5]a"_s << QList<qint64>{62500} << u"a"_s;
    QTest::newRow("thousandths") << u"[01:02.123]a"_s << QList<qint64>{62123} << u"a"_s;
    QTest::newRow("no fraction") << u"[1:02] a "_s << QList<qint64>{62000} << u"a"_s;
    QTest::newRow("colon hundredths") << u"[01:02:50]a"_s << QList<qint64>{62500} << u"a"_s;
    QTest::newRow("hours") << u"[1:02:03.50]a"_s << QList<qint64>{3723500} << u"a"_s;
    QTest::newRow("three-digit minutes") << u"[100:00.00]a"_s << QList<qint64>{6000000} << u"a"_s;
    QTest::newRow("several tags") << u"[00:12.00] [00:45.00]Chorus"_s << QList<qint64>{12000, 45000} << u"Chorus"_s;
    QTest::newRow("no text") << u"[00:30.00]"_s << QList<qint64>{30000} << QString();
    QTest::newRow("word times") << u"[00:01.00]<00:01.00>One <00:01.50>two<00:02.00>"_s << QList<qint64>{1000}
                                << u"One two"_s;
    QTest::newRow("angle text kept") << u"[00:01.00]a <b> c"_s << QList<qint64>{1000} << u"a <b> c"_s;

    QTest::newRow("ID tag") << u"[ar:Someone]"_s << QList<qint64>{} << QString();
    QTest::newRow("60 seconds") << u"[01:60.00]a"_s << QList<qint64>{} << QString();
    QTest::newRow("60 minutes with hours") << u"[1:60:00.00]a"_s << QList<qint64>{} << QString();
    QTest::newRow("letter") << u"[0a:12.00]a"_s << QList<qint64>{} << QString();
    QTest::newRow("four fraction digits") << u"[01:23.4567]a"_s << QList<qint64>{} << QString();
    QTest::newRow("four minute digits") << u"[1000:00]a"_s << QList<qint64>{} << QString();
    QTest::newRow("one field") << u"[12]a"_s << QList<qint64>{} << QString();
    QTest::newRow("empty brackets") << u"[]a"_s << QList<qint64>{} << QString();
    QTest::newRow("unclosed") << u"[01:23.45 a"_s << QList<qint64>{} << QString();
    QTest::newRow("dot without digits") << u"[01:23.]a"_s << QList<qint64>{} << QString();
    QTest::newRow("tag after text") << u"text [01:00.00]"_s << QList<qint64>{} << QString();
    QTest::newRow("colon variant, one digit") << u"[01:02:5]a"_s << QList<qint64>{} << QString();
    QTest::newRow("empty") << QString() << QList<qint64>{} << QString();
}

void TestLyricsText::timedLine()
{
    QFETCH(QString, line);
    QFETCH(QList<qint64>, starts);
    QFETCH(QString, text);
    const auto timed = lrc::timedLine(line);
    QCOMPARE(timed.has_value(), !starts.isEmpty());
    if (!timed)
        return;
    QCOMPARE(timed->startsMs, starts);
    QCOMPARE(timed->text, text);
}

void TestLyricsText::offsetTag_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ms");

    QTest::newRow("plus") << u"[offset:+250]"_s << true << qint64(250);
    QTest::newRow("minus, spaces") << u"[offset: -100 ]"_s << true << qint64(-100);
    QTest::newRow("bare, upper case") << u"[OFFSET:50]"_s << true << qint64(50);
    QTest::newRow("not a number") << u"[offset:soon]"_s << false << qint64(0);
    QTest::newRow("empty") << u"[offset:]"_s << false << qint64(0);
    QTest::newRow("other tag") << u"[ar:250]"_s << false << qint64(0);
    QTest::newRow("unclosed") << u"[offset:250"_s << false << qint64(0);
}

void TestLyricsText::offsetTag()
{
    QFETCH(QString, line);
    QFETCH(bool, valid);
    QFETCH(qint64, ms);
    const auto offset = lrc::offsetTag(line);
    QCOMPARE(offset.has_value(), valid);
    if (offset)
        QCOMPARE(*offset, ms);
}

void TestLyricsText::languageCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("upper") << u"ENG"_s << u"eng"_s;
    QTest::newRow("two letters") << u"de"_s << u"de"_s;
    QTest::newRow("spaces") << u" fra "_s << u"fra"_s;
    QTest::newRow("empty") << QString() << u"xxx"_s;
    QTest::newRow("NULs") << QString(3, QChar(0)) << u"xxx"_s;
    QTest::newRow("und") << u"und"_s << u"xxx"_s;
    QTest::newRow("XXX") << u"XXX"_s << u"xxx"_s;
    QTest::newRow("digit") << u"e1g"_s << u"xxx"_s;
    QTest::newRow("one letter") << u"e"_s << u"xxx"_s;
    QTest::newRow("four letters") << u"engl"_s << u"xxx"_s;
    QTest::newRow("non-ASCII") << u"éng"_s << u"xxx"_s;
}

void TestLyricsText::languageCode()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QCOMPARE(lyrics::languageCode(code), expected);
}

void TestLyricsText::cleaned_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("CR LF") << u"a\r\nb\r\n"_s << u"a\nb\n"_s;
    QTest::newRow("CR") << u"a\rb\r\rc"_s << u"a\nb\n\nc"_s;
    QTest::newRow("LF CR stays two") << u"a\n\rb"_s << u"a\n\nb"_s;
    QTest::newRow("unicode separators") << u"a\u2028b\u2029c\u0085d"_s << u"a\nb\nc\nd"_s;
    QTest::newRow("controls, BOM, tab") << u"\uFEFFa\u0000b\u0007\tc\u001Bd\u007F\u009Fe"_s << u"ab\tcde"_s;
    QTest::newRow("lone surrogates") << u"a"_s + QChar(0xD800) + u"b"_s + QChar(0xDC00) << u"a\uFFFDb\uFFFD"_s;
    QTest::newRow("high at the end") << u"a"_s + QChar(0xD83D) << u"a\uFFFD"_s;
    QTest::newRow("pair kept") << u"😀 ok"_s << u"😀 ok"_s;
}

void TestLyricsText::cleaned()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(lyrics::cleaned(text), expected);
}

void TestLyricsText::fromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("found");
    QTest::addColumn<bool>("synced");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("plain, CR LF, blank edges and runs")
        << u"\r\n\r\n  First line \r\nSecond\r\n\r\n\r\n\r\nVerse two\r\n\r\n"_s << true << false
        << QStringList{u"-1|First line"_s, u"-1|Second"_s, u"-1|"_s, u"-1|Verse two"_s} << qint64(0);
    QTest::newRow("plain, CR only") << u"a\rb"_s << true << false << QStringList{u"-1|a"_s, u"-1|b"_s} << qint64(0);
    QTest::newRow("LRC") << u"[ar:Someone]\n[ti:Song]\n[offset:+250]\n[00:12.00]One\n[00:15.50]Two\n"_s << true
                         << true << QStringList{u"12000|One"_s, u"15500|Two"_s} << qint64(250);
    QTest::newRow("LRC, CR LF, repeated chorus sorted")
        << u"[00:01.00]Verse\r\n[00:05.00][00:20.00]Chorus\r\n[00:10.00]Bridge\r\n"_s << true << true
        << QStringList{u"1000|Verse"_s, u"5000|Chorus"_s, u"10000|Bridge"_s, u"20000|Chorus"_s} << qint64(0);
    QTest::newRow("LRC, untimed lines continue, heading dropped, pause kept")
        << u"Song heading\n[00:01.00]One\nand a half\n[00:04.00]\n[00:06.00]Two"_s << true << true
        << QStringList{u"1000|One"_s, u"1000|and a half"_s, u"4000|"_s, u"6000|Two"_s} << qint64(0);
    QTest::newRow("a stray time tag keeps plain lyrics plain")
        << u"[00:00.00] Title\nline one\nline two\nline three"_s << true << false
        << QStringList{u"-1|[00:00.00] Title"_s, u"-1|line one"_s, u"-1|line two"_s, u"-1|line three"_s} << qint64(0);
    QTest::newRow("plain section headings are text")
        << u"[Chorus: Someone]\nLa la\n[ar:Not an LRC tag here]"_s << true << false
        << QStringList{u"-1|[Chorus: Someone]"_s, u"-1|La la"_s, u"-1|[ar:Not an LRC tag here]"_s} << qint64(0);
    QTest::newRow("controls dropped") << u"a\u0000b\u0001\nc"_s << true << false << QStringList{u"-1|ab"_s, u"-1|c"_s}
                                      << qint64(0);

    QTest::newRow("empty") << QString() << false << false << QStringList{} << qint64(0);
    QTest::newRow("blank") << u" \r\n\t\r\n \u3000"_s << false << false << QStringList{} << qint64(0);
    QTest::newRow("controls only") << u"\u0000\u0001\uFEFF"_s << false << false << QStringList{} << qint64(0);
    QTest::newRow("ID tags only") << u"[ar:Someone]\n[ti:Song]"_s << false << false << QStringList{} << qint64(0);
    QTest::newRow("time tags without text") << u"[00:01.00]\n[00:02.00]"_s << false << false << QStringList{}
                                            << qint64(0);
}

void TestLyricsText::fromText()
{
    QFETCH(QString, text);
    QFETCH(bool, found);
    QFETCH(bool, synced);
    QFETCH(QStringList, lines);
    QFETCH(qint64, offset);
    const auto lyrics = lyrics::fromText(text, u"ENG"_s, u" Desc\r\n"_s);
    QCOMPARE(lyrics.has_value(), found);
    if (!lyrics)
        return;
    QCOMPARE(lyrics->synced, synced);
    QCOMPARE(described(lyrics->lines), lines);
    QCOMPARE(lyrics->offsetMs, offset);
    QCOMPARE(lyrics->language, u"eng"_s);
    QCOMPARE(lyrics->description, u"Desc"_s);
}

void TestLyricsText::fromTimedPieces_data()
{
    QTest::addColumn<QList<LyricLine>>("pieces");
    QTest::addColumn<QStringList>("lines");   // empty: nothing found

    QTest::newRow("a line per piece") << QList<LyricLine>{{1000, u"One"_s}, {2500, u"Two "_s}}
                                      << QStringList{u"1000|One"_s, u"2500|Two"_s};
    QTest::newRow("karaoke syllables")
        << QList<LyricLine>{{1000, u"\nHel"_s}, {1200, u"lo "_s}, {1400, u"world"_s}, {3000, u"\r\nBye"_s}}
        << QStringList{u"1000|Hello world"_s, u"3000|Bye"_s};
    QTest::newRow("out of order") << QList<LyricLine>{{3000, u"Three"_s}, {1000, u"One"_s}}
                                  << QStringList{u"1000|One"_s, u"3000|Three"_s};
    QTest::newRow("several lines in a piece") << QList<LyricLine>{{1000, u"One\nTwo"_s}}
                                              << QStringList{u"1000|One"_s, u"1000|Two"_s};
    QTest::newRow("pause") << QList<LyricLine>{{1000, u"One"_s}, {2000, QString()}}
                           << QStringList{u"1000|One"_s, u"2000|"_s};
    QTest::newRow("none") << QList<LyricLine>{} << QStringList{};
    QTest::newRow("blank pieces") << QList<LyricLine>{{1000, u" "_s}, {2000, u"\n"_s}} << QStringList{};
}

void TestLyricsText::fromTimedPieces()
{
    QFETCH(QList<LyricLine>, pieces);
    QFETCH(QStringList, lines);
    const auto lyrics = lyrics::fromTimedPieces(pieces, u"deu"_s, {});
    QCOMPARE(lyrics.has_value(), !lines.isEmpty());
    if (!lyrics)
        return;
    QVERIFY(lyrics->synced);
    QCOMPARE(lyrics->language, u"deu"_s);
    QCOMPARE(described(lyrics->lines), lines);
}

void TestLyricsText::lyricsKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("isLyrics");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("description");
    QTest::newRow("LYRICS") << u"LYRICS"_s << true << QString() << QString();
    QTest::newRow("unsyncedlyrics") << u"unsyncedlyrics"_s << true << QString() << QString();
    QTest::newRow("FFmpeg language") << u"lyrics-eng"_s << true << u"eng"_s << QString();
    QTest::newRow("FFmpeg description") << u"lyrics-my-desc-eng"_s << true << u"eng"_s << u"my-desc"_s;
    QTest::newRow("lyricist") << u"LYRICIST"_s << false << QString() << QString();
    QTest::newRow("dash only") << u"LYRICS-"_s << false << QString() << QString();
    QTest::newRow("title") << u"title"_s << false << QString() << QString();
}

void TestLyricsText::lyricsKey()
{
    QFETCH(QString, key);
    QFETCH(bool, isLyrics);
    QFETCH(QString, language);
    QFETCH(QString, description);
    const auto parsed = lyrics::lyricsKey(key);
    QCOMPARE(parsed.has_value(), isLyrics);
    if (!parsed)
        return;
    QCOMPARE(parsed->language, language);
    QCOMPARE(parsed->description, description);
}

void TestLyricsText::collectorDropsRepeats()
{
    LyricsCollector collector(u"/music/a.mp3"_s);
    collector.addText(u"Same\nwords"_s, u"eng"_s, u"USLT"_s);
    collector.addText(u"Same\r\nwords\r\n"_s, {}, {});             // APE: the same text
    collector.addText(u"[00:01.00]Same\n[00:02.00]words"_s, {}, {});   // synced: another text
    collector.addText(u"Andere\nWorte"_s, u"deu"_s, {});
    collector.addText(u"   "_s, u"fra"_s, {});                       // empty: none
    QCOMPARE(collector.lyrics().size(), 3);
    QCOMPARE(collector.lyrics().at(0).language, u"eng"_s);
    QCOMPARE(collector.lyrics().at(0).description, u"USLT"_s);
    QVERIFY(collector.lyrics().at(1).synced);
    QCOMPARE(collector.lyrics().at(2).lines, plain({u"Andere"_s, u"Worte"_s}));
    QVERIFY(!collector.truncated());
}

void TestLyricsText::collectorCutsAtTheBudget()
{
    // 3 texts of 100 KiB: the third is cut at the line where 256 KiB are reached.
    const QString line = QString(1023, u'x');   // 1 KiB with its line end
    const QStringList lines(100, line);
    LyricsCollector collector(u"/music/huge.flac"_s);
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"lyrics of .*/music/huge.flac.* cut"_s));
    for (const QString &language : {u"eng"_s, u"deu"_s, u"fra"_s, u"ita"_s})
        collector.addText(language + u'\n' + lines.join(u'\n'), language, {});
    QVERIFY(collector.truncated());
    QCOMPARE(collector.lyrics().size(), 3);   // the fourth finds no room left
    QVERIFY(utf8Bytes(collector.lyrics()) <= LyricsCollector::kMaxBytes);
    QVERIFY(utf8Bytes(collector.lyrics()) > LyricsCollector::kMaxBytes - 1024);
    QCOMPARE(collector.lyrics().at(0).lines.size(), 101);
    QVERIFY(collector.lyrics().at(2).lines.size() < 101);
}

void TestLyricsText::collectorCutsWithinAMultiByteLine()
{
    // One line of 100,000 four-byte characters: cut between two pairs, never inside one.
    QString line;
    for (int i = 0; i < 100000; ++i)
        line += u"😀"_s;
    LyricsCollector collector(u"/music/emoji.mp3"_s);
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"cut"_s));
    collector.addText(line, {}, {});
    QVERIFY(collector.truncated());
    QCOMPARE(collector.lyrics().size(), 1);
    const QString kept = collector.lyrics().constFirst().lines.constFirst().text;
    QCOMPARE(kept.size() % 2, 0);
    QVERIFY(!kept.back().isHighSurrogate());
    QCOMPARE(kept.toUtf8().size(), (LyricsCollector::kMaxBytes - 1) / 4 * 4);
}

void TestLyricsText::collectorCutsHugeRawText()
{
    // 8 MiB of LRC noise: cut before parsing, yet well-formed lines come out.
    const QString chunk = u"[00:01.00]la la la la la la la la la la la la la la la la\n"_s;
    const QString text = chunk.repeated(8 * 1024 * 1024 / chunk.size());
    LyricsCollector collector(u"/music/noise.opus"_s);
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"cut"_s));
    collector.addText(text, {}, {});
    QVERIFY(collector.truncated());
    QCOMPARE(collector.lyrics().size(), 1);
    QVERIFY(collector.lyrics().constFirst().synced);
    QVERIFY(utf8Bytes(collector.lyrics()) <= LyricsCollector::kMaxBytes);
}

void TestLyricsText::collectorBoundsTheNumberOfTexts()
{
    LyricsCollector collector(u"/music/many.mp3"_s);
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"more than 32"_s));
    for (int i = 0; i < 100; ++i)
        collector.addText(u"text %1"_s.arg(i), {}, {});
    QCOMPARE(collector.lyrics().size(), LyricsCollector::kMaxTexts);
    QVERIFY(collector.truncated());
}

QTEST_GUILESS_MAIN(TestLyricsText)
#include "tst_lyrics_text.moc"
