// The small entity pieces: HTTP dates, entity-tags, media types, Content-Disposition and the
// multipart/byteranges layout.
#include "stream/ContentDisposition.h"
#include "stream/EntityTag.h"
#include "stream/HttpDate.h"
#include "stream/MediaType.h"
#include "stream/MultipartByteRanges.h"

#include <QTest>
#include <QTimeZone>

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

class TestEntity : public QObject
{
    Q_OBJECT

private slots:
    void formatHttpDate_data();
    void formatHttpDate();
    void parseHttpDate_data();
    void parseHttpDate();
    void httpDateRoundTrip();

    void strongEtag();
    void parseEntityTag_data();
    void parseEntityTag();
    void parseEntityTagList_data();
    void parseEntityTagList();
    void compareEntityTags_data();
    void compareEntityTags();

    void mediaType_data();
    void mediaType();

    void disposition_data();
    void disposition();

    void multipartLayout();
    void multipartLengthMatchesBody();
    void multipartWithoutPartType();
};

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}
} // namespace

void TestEntity::formatHttpDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("rfc example") << utc(1994, 11, 6, 8, 49, 37) << "Sun, 06 Nov 1994 08:49:37 GMT"_ba;
    QTest::newRow("midnight new year") << utc(2024, 1, 1, 0, 0, 0) << "Mon, 01 Jan 2024 00:00:00 GMT"_ba;
    QTest::newRow("leap day") << utc(2024, 2, 29, 23, 59, 59) << "Thu, 29 Feb 2024 23:59:59 GMT"_ba;
    QTest::newRow("offset converted to GMT")
        << QDateTime(QDate(1994, 11, 6), QTime(10, 49, 37), QTimeZone(2 * 3600))
        << "Sun, 06 Nov 1994 08:49:37 GMT"_ba;
    QTest::newRow("milliseconds dropped")
        << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37, 999), QTimeZone::utc())
        << "Sun, 06 Nov 1994 08:49:37 GMT"_ba;
    QTest::newRow("invalid") << QDateTime() << QByteArray();
}

void TestEntity::formatHttpDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(cairn::formatHttpDate(time), expected);
}

void TestEntity::parseHttpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid = nullopt

    const QDateTime rfc = utc(1994, 11, 6, 8, 49, 37);
    const QDateTime bad;
    QTest::newRow("imf-fixdate") << "Sun, 06 Nov 1994 08:49:37 GMT"_ba << rfc;
    QTest::newRow("rfc850") << "Sunday, 06-Nov-94 08:49:37 GMT"_ba << rfc;
    QTest::newRow("asctime") << "Sun Nov  6 08:49:37 1994"_ba << rfc;
    QTest::newRow("asctime two-digit day") << "Wed Nov 16 08:49:37 1994"_ba << utc(1994, 11, 16, 8, 49, 37);
    QTest::newRow("rfc850 near year is this century") << "Friday, 01-Jan-27 00:00:00 GMT"_ba
                                                        << utc(2027, 1, 1, 0, 0, 0);
    QTest::newRow("surrounding OWS") << " Sun, 06 Nov 1994 08:49:37 GMT\t"_ba << rfc;
    QTest::newRow("leap day") << "Thu, 29 Feb 2024 23:59:59 GMT"_ba << utc(2024, 2, 29, 23, 59, 59);

    QTest::newRow("empty") << QByteArray() << bad;
    QTest::newRow("garbage") << "garbage"_ba << bad;
    QTest::newRow("number") << "1700000000"_ba << bad;
    QTest::newRow("iso 8601") << "1994-11-06T08:49:37Z"_ba << bad;
    QTest::newRow("no zone") << "Sun, 06 Nov 1994 08:49:37"_ba << bad;
    QTest::newRow("UTC instead of GMT") << "Sun, 06 Nov 1994 08:49:37 UTC"_ba << bad;
    QTest::newRow("trailing text") << "Sun, 06 Nov 1994 08:49:37 GMT x"_ba << bad;
    QTest::newRow("one-digit day") << "Sun, 6 Nov 1994 08:49:37 GMT"_ba << bad;
    QTest::newRow("unknown month") << "Sun, 06 Foo 1994 08:49:37 GMT"_ba << bad;
    QTest::newRow("unknown weekday") << "Xyz, 06 Nov 1994 08:49:37 GMT"_ba << bad;
    QTest::newRow("lower-case month") << "Sun, 06 nov 1994 08:49:37 GMT"_ba << bad;
    QTest::newRow("31 February") << "Sun, 31 Feb 1994 08:49:37 GMT"_ba << bad;
    QTest::newRow("hour 24") << "Sun, 06 Nov 1994 24:00:00 GMT"_ba << bad;
    QTest::newRow("minute 60") << "Sun, 06 Nov 1994 08:60:00 GMT"_ba << bad;
    QTest::newRow("letters in time") << "Sun, 06 Nov 1994 08:4x:37 GMT"_ba << bad;
    QTest::newRow("two-digit year in imf") << "Sun, 06 Nov 94 08:49:37 GMT"_ba << bad;
    QTest::newRow("short weekday in rfc850") << "Sun, 06-Nov-94 08:49:37 GMT"_ba << bad;
    QTest::newRow("asctime without padding") << "Sun Nov 6 08:49:37 1994"_ba << bad;
    QTest::newRow("asctime with GMT") << "Sun Nov  6 08:49:37 1994 GMT"_ba << bad;
    QTest::newRow("truncated") << "Sun, 06 Nov"_ba << bad;
}

void TestEntity::parseHttpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);

    const auto parsed = cairn::parseHttpDate(value);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed) {
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }
}

void TestEntity::httpDateRoundTrip()
{
    for (const QDateTime &t : {utc(1970, 1, 1, 0, 0, 0), utc(2000, 2, 29, 12, 34, 56), utc(2038, 1, 19, 3, 14, 8),
                               utc(9999, 12, 31, 23, 59, 59)}) {
        const auto parsed = cairn::parseHttpDate(cairn::formatHttpDate(t));
        QVERIFY2(parsed.has_value(), qPrintable(t.toString(Qt::ISODate)));
        QCOMPARE(*parsed, t);
    }
}

void TestEntity::strongEtag()
{
    const QDateTime mtime = QDateTime::fromMSecsSinceEpoch(6348, QTimeZone::utc());
    const QByteArray tag = strongEtagFor(500, mtime, 7);
    QCOMPARE(tag, "\"1f4-18cc-7\""_ba);

    const auto parsed = cairn::parseEntityTag(tag);
    QVERIFY(parsed.has_value());
    QVERIFY(!parsed->weak);
    QCOMPARE(parsed->opaque, tag);

    // Each input changes the tag, and the same input gives the same tag.
    QCOMPARE(strongEtagFor(500, mtime, 7), tag);
    QVERIFY(strongEtagFor(501, mtime, 7) != tag);
    QVERIFY(strongEtagFor(500, mtime.addMSecs(1), 7) != tag);
    QVERIFY(strongEtagFor(500, mtime, 8) != tag);
    QVERIFY(cairn::parseEntityTag(strongEtagFor(0, QDateTime(), 0)).has_value());
}

void TestEntity::parseEntityTag_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("opaque");
    QTest::addColumn<bool>("weak");

    QTest::newRow("strong") << "\"abc\""_ba << true << "\"abc\""_ba << false;
    QTest::newRow("weak") << "W/\"abc\""_ba << true << "\"abc\""_ba << true;
    QTest::newRow("OWS") << " \t\"abc\" "_ba << true << "\"abc\""_ba << false;
    QTest::newRow("empty opaque") << "\"\""_ba << true << "\"\""_ba << false;
    QTest::newRow("comma inside") << "\"a,b\""_ba << true << "\"a,b\""_ba << false;
    QTest::newRow("obs-text") << "\"caf\xc3\xa9\""_ba << true << "\"caf\xc3\xa9\""_ba << false;

    QTest::newRow("empty") << QByteArray() << false << QByteArray() << false;
    QTest::newRow("unquoted") << "abc"_ba << false << QByteArray() << false;
    QTest::newRow("unterminated") << "\"abc"_ba << false << QByteArray() << false;
    QTest::newRow("lower-case weak prefix") << "w/\"abc\""_ba << false << QByteArray() << false;
    QTest::newRow("space after W/") << "W/ \"abc\""_ba << false << QByteArray() << false;
    QTest::newRow("space inside") << "\"a b\""_ba << false << QByteArray() << false;
    QTest::newRow("quote inside") << "\"a\"b\""_ba << false << QByteArray() << false;
    QTest::newRow("two tags") << "\"a\", \"b\""_ba << false << QByteArray() << false;
    QTest::newRow("star") << "*"_ba << false << QByteArray() << false;
}

void TestEntity::parseEntityTag()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(QByteArray, opaque);
    QFETCH(bool, weak);

    const auto tag = cairn::parseEntityTag(value);
    QCOMPARE(tag.has_value(), valid);
    if (tag) {
        QCOMPARE(tag->opaque, opaque);
        QCOMPARE(tag->weak, weak);
        QCOMPARE(tag->toHeaderValue(), (weak ? "W/" + opaque : opaque));
    }
}

void TestEntity::parseEntityTagList_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("anyTag");
    QTest::addColumn<QByteArrayList>("tags"); // header form of each tag

    QTest::newRow("star") << "*"_ba << true << true << QByteArrayList{};
    QTest::newRow("star with OWS") << " * "_ba << true << true << QByteArrayList{};
    QTest::newRow("single") << "\"a\""_ba << true << false << QByteArrayList{"\"a\""};
    QTest::newRow("mixed") << "\"a\", W/\"b\""_ba << true << false << QByteArrayList{"\"a\"", "W/\"b\""};
    QTest::newRow("no OWS") << "\"a\",\"b\""_ba << true << false << QByteArrayList{"\"a\"", "\"b\""};
    QTest::newRow("comma inside tag") << "\"a,b\" , \"c\""_ba << true << false << QByteArrayList{"\"a,b\"", "\"c\""};
    QTest::newRow("empty elements") << ", \"a\",,\t,\"b\","_ba << true << false << QByteArrayList{"\"a\"", "\"b\""};

    QTest::newRow("empty") << QByteArray() << false << false << QByteArrayList{};
    QTest::newRow("only commas") << " , ,"_ba << false << false << QByteArrayList{};
    QTest::newRow("missing comma") << "\"a\" \"b\""_ba << false << false << QByteArrayList{};
    QTest::newRow("star in list") << "*, \"a\""_ba << false << false << QByteArrayList{};
    QTest::newRow("unquoted member") << "\"a\", b"_ba << false << false << QByteArrayList{};
    QTest::newRow("unterminated member") << "\"a\", \"b"_ba << false << false << QByteArrayList{};
}

void TestEntity::parseEntityTagList()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(bool, anyTag);
    QFETCH(QByteArrayList, tags);

    const auto list = cairn::parseEntityTagList(value);
    QCOMPARE(list.has_value(), valid);
    if (!list)
        return;
    QCOMPARE(list->anyTag, anyTag);
    QByteArrayList got;
    for (const EntityTag &t : list->tags)
        got.append(t.toHeaderValue());
    QCOMPARE(got, tags);
}

void TestEntity::compareEntityTags_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("strong");
    QTest::addColumn<bool>("weak");

    // RFC 9110 §8.8.3.2 example table.
    QTest::newRow("W/1 W/1") << "W/\"1\""_ba << "W/\"1\""_ba << false << true;
    QTest::newRow("W/1 W/2") << "W/\"1\""_ba << "W/\"2\""_ba << false << false;
    QTest::newRow("W/1 1") << "W/\"1\""_ba << "\"1\""_ba << false << true;
    QTest::newRow("1 1") << "\"1\""_ba << "\"1\""_ba << true << true;
    QTest::newRow("1 2") << "\"1\""_ba << "\"2\""_ba << false << false;
}

void TestEntity::compareEntityTags()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, strong);
    QFETCH(bool, weak);

    const auto ta = cairn::parseEntityTag(a);
    const auto tb = cairn::parseEntityTag(b);
    QVERIFY(ta && tb);
    QCOMPARE(strongMatch(*ta, *tb), strong);
    QCOMPARE(strongMatch(*tb, *ta), strong);
    QCOMPARE(weakMatch(*ta, *tb), weak);
    QCOMPARE(weakMatch(*tb, *ta), weak);
}

void TestEntity::mediaType_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected");

    const QList<std::pair<QString, QByteArray>> table = {
        {u"mp3"_s, "audio/mpeg"_ba},       {u"flac"_s, "audio/flac"_ba},      {u"ogg"_s, "audio/ogg"_ba},
        {u"oga"_s, "audio/ogg"_ba},        {u"opus"_s, "audio/opus"_ba},      {u"m4a"_s, "audio/mp4"_ba},
        {u"m4b"_s, "audio/mp4"_ba},        {u"aac"_s, "audio/aac"_ba},        {u"wav"_s, "audio/wav"_ba},
        {u"wv"_s, "audio/x-wavpack"_ba},   {u"wma"_s, "audio/x-ms-wma"_ba},   {u"ape"_s, "audio/x-ape"_ba},
        {u"aiff"_s, "audio/aiff"_ba},      {u"mka"_s, "audio/x-matroska"_ba}, {u"mp4"_s, "video/mp4"_ba},
        {u"m4v"_s, "video/mp4"_ba},        {u"mkv"_s, "video/x-matroska"_ba}, {u"webm"_s, "video/webm"_ba},
        {u"avi"_s, "video/x-msvideo"_ba},  {u"mov"_s, "video/quicktime"_ba},
        {u"MP3"_s, "audio/mpeg"_ba},       {u".flac"_s, "audio/flac"_ba},
        {u""_s, "application/octet-stream"_ba},     {u"txt"_s, "application/octet-stream"_ba},
        {u"mp3.exe"_s, "application/octet-stream"_ba}, {u"."_s, "application/octet-stream"_ba},
    };
    for (const auto &[format, type] : table)
        QTest::newRow(format.isEmpty() ? "(empty)" : qPrintable(format)) << format << type;
}

void TestEntity::mediaType()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    QCOMPARE(mediaTypeForFormat(format), expected);
}

void TestEntity::disposition_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain ascii") << u"song.mp3"_s << "attachment; filename=\"song.mp3\""_ba;
    QTest::newRow("ascii punctuation kept") << u"AC-DC; Back in Black (100%).mp3"_s
                                            << "attachment; filename=\"AC-DC; Back in Black (100%).mp3\""_ba;
    QTest::newRow("accents and dash")
        << u"Sigur Rós – Hoppípolla.flac"_s
        << "attachment; filename=\"Sigur R_s _ Hopp_polla.flac\"; "
           "filename*=UTF-8''Sigur%20R%C3%B3s%20%E2%80%93%20Hopp%C3%ADpolla.flac"_ba;
    QTest::newRow("japanese") << u"日本語.mp3"_s
                              << "attachment; filename=\"___.mp3\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.mp3"_ba;
    QTest::newRow("emoji is one character") << u"\U0001F3B5.opus"_s
                                             << "attachment; filename=\"_.opus\"; filename*=UTF-8''%F0%9F%8E%B5.opus"_ba;
    QTest::newRow("quotes") << u"say \"hi\".mp3"_s
                            << "attachment; filename=\"say _hi_.mp3\"; filename*=UTF-8''say%20%22hi%22.mp3"_ba;
    QTest::newRow("attr-chars unescaped") << u"é!#$&+^`|~.mp3"_s
                                          << "attachment; filename=\"_!#$&+^`|~.mp3\"; "
                                             "filename*=UTF-8''%C3%A9!#$&+^`|~.mp3"_ba;
    QTest::newRow("separators are never sent") << u"../a/b\\c.mp3"_s << "attachment; filename=\".._a_b_c.mp3\""_ba;
    QTest::newRow("control characters") << u"a\tb\r\nc\u0000.mp3"_s << "attachment; filename=\"a_b__c_.mp3\""_ba;
    QTest::newRow("separator with unicode") << u"ü/x.mp3"_s
                                            << "attachment; filename=\"__x.mp3\"; filename*=UTF-8''%C3%BC_x.mp3"_ba;
    QTest::newRow("empty name") << QString() << "attachment; filename=\"download\""_ba;
}

void TestEntity::disposition()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, expected);
    QCOMPARE(attachmentDisposition(fileName), expected);
}

void TestEntity::multipartLayout()
{
    const QList<ByteRange> ranges{{0, 1}, {5, 7}};
    const MultipartPlan plan = planMultipart(ranges, 10, "audio/mpeg");

    QVERIFY(plan.boundary.size() >= 20);
    for (char c : plan.boundary)
        QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-', plan.boundary.constData());
    QCOMPARE(plan.contentType, "multipart/byteranges; boundary=" + plan.boundary);
    QCOMPARE(plan.parts.size(), 2);
    QCOMPARE(plan.parts.at(0).range, (ByteRange{0, 1}));
    QCOMPARE(plan.parts.at(1).range, (ByteRange{5, 7}));
    QCOMPARE(plan.parts.at(0).head,
             "\r\n--" + plan.boundary + "\r\nContent-Type: audio/mpeg\r\nContent-Range: bytes 0-1/10\r\n\r\n");
    QCOMPARE(plan.parts.at(1).head,
             "\r\n--" + plan.boundary + "\r\nContent-Type: audio/mpeg\r\nContent-Range: bytes 5-7/10\r\n\r\n");
    QCOMPARE(plan.tail, "\r\n--" + plan.boundary + "--\r\n");

    // A fresh boundary each time, so it cannot be predicted from an earlier response.
    QVERIFY(planMultipart(ranges, 10, "audio/mpeg").boundary != plan.boundary);
}

void TestEntity::multipartLengthMatchesBody()
{
    QByteArray entity;
    for (int i = 0; i < 5000; ++i)
        entity += char('a' + i % 26);
    const QList<ByteRange> ranges{{0, 0}, {10, 99}, {1000, 1999}, {4990, 4999}};
    const MultipartPlan plan = planMultipart(ranges, entity.size(), "video/x-matroska");

    QByteArray body;
    for (const MultipartPart &part : plan.parts)
        body += part.head + entity.mid(part.range.first, part.range.length());
    body += plan.tail;
    QCOMPARE(plan.contentLength, qint64(body.size()));
    const QByteArray closing = "--" + plan.boundary + "--\r\n";
    const QByteArray delimiter = "\r\n--" + plan.boundary + "\r\n";
    const QByteArray lastPart = "Content-Range: bytes 4990-4999/5000\r\n\r\n" + entity.right(10) + "\r\n--";
    QVERIFY(body.endsWith(closing));
    QCOMPARE(body.count(delimiter), qsizetype(ranges.size()));
    QVERIFY(body.contains(lastPart));
}

void TestEntity::multipartWithoutPartType()
{
    const MultipartPlan plan = planMultipart({{2, 3}}, 4, {});
    QCOMPARE(plan.parts.size(), 1);
    QCOMPARE(plan.parts.at(0).head, "\r\n--" + plan.boundary + "\r\nContent-Range: bytes 2-3/4\r\n\r\n");
    QCOMPARE(plan.contentLength, plan.parts.at(0).head.size() + 2 + plan.tail.size());
}

QTEST_GUILESS_MAIN(TestEntity)
#include "tst_entity.moc"
