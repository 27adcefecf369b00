// Subtitles of videos: what sidecar file names say, the labels players show, and over real HTTP
// the list, each track as WebVTT (Matroska SRT and ASS streams, MP4 mov_text, UTF-8 and
// Windows-1252 sidecars) converted by the real ffmpeg, its cache and revalidation, every bad
// track name, a sidecar that is not subtitles, and the HLS renditions and DASH text sets that
// name them. The players themselves (hls.js, dash.js) are tests/web/video-players.test.mjs.

#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "TestServer.h"

#include "SidecarName.h"
#include "hls/HlsPlaylist.h"
#include "hls/SegmentFormat.h"
#include "http/HttpExchange.h"
#include "subtitle/SubRip.h"
#include "subtitle/SubtitleTrack.h"
#include "subtitle/VideoSubtitles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

const QByteArray kSrt = "1\r\n00:00:01,000 --> 00:00:02,500\r\nHello there\r\n\r\n"
                        "2\r\n00:00:03,000 --> 00:00:04,000\r\nSecond line\r\n\r\n"_ba;
// "¿Qué?" in Windows-1252, as many old SRT files are.
const QByteArray kLatinSrt = "1\r\n00:00:01,000 --> 00:00:02,500\r\n\xBFQu\xE9?\r\n\r\n"_ba;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// `video` with `srt` added as subtitle streams by ffmpeg, each encoded as `codecs[i]` with its
// own metadata (e.g. "language=fre").
QString addSubtitleStreams(const QString &video, const QString &output, const QString &srt,
                           const QStringList &codecs, const QList<QStringList> &metadata,
                           const QStringList &dispositions)
{
    QStringList args{u"-v"_s, u"error"_s, u"-y"_s, u"-i"_s, video};
    for (qsizetype i = 0; i < codecs.size(); ++i)
        args << u"-i"_s << srt;
    args << u"-map"_s << u"0"_s;
    for (qsizetype i = 0; i < codecs.size(); ++i)
        args << u"-map"_s << QString::number(i + 1);
    args << u"-c:v"_s << u"copy"_s << u"-c:a"_s << u"copy"_s;
    for (qsizetype i = 0; i < codecs.size(); ++i) {
        args << u"-c:s:%1"_s.arg(i) << codecs.at(i);
        for (const QString &m : metadata.value(i))
            args << u"-metadata:s:s:%1"_s.arg(i) << m;
        args << u"-disposition:s:%1"_s.arg(i) << dispositions.value(i, u"0"_s);
    }
    args << output;
    QProcess ffmpeg;
    ffmpeg.start(u"ffmpeg"_s, args);
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
        return QString::fromUtf8(ffmpeg.readAllStandardError());
    return {};
}

QByteArray videoUrl(qint64 id, const QByteArray &rest)
{
    return "/api/videos/"_ba + QByteArray::number(id) + '/' + rest;
}

QString errorOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
}

} // namespace

class TestSubtitles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // Pure parts.
    void sidecarNames_data();
    void sidecarNames();
    void languageTags_data();
    void languageTags();
    void labelsTellTracksApart();
    void timestampMapGoesInTheHeader();
    void subRipFromWebVtt_data();
    void subRipFromWebVtt();
    void preferredTrackForOneTrackPlayers();
    void masterPlaylistQuotesNames();

    // Over HTTP.
    void listsStreamsAndSidecars();
    void videoWithoutSubtitlesListsNone();
    void trackAsWebVtt_data();
    void trackAsWebVtt();
    void convertedOnceThenRevalidated();
    void badTrackNames_data();
    void badTrackNames();
    void sidecarThatIsNotSubtitles();
    void hlsMasterNamesRenditions();
    void hlsSubtitlePlaylistAndTimestampMap();
    void dashManifestHasTextSets();

private:
    RawResponse get(const QByteArray &target, const QList<QByteArray> &headers = {})
    {
        HttpTestClient client(m_server.port());
        return client.get(target, headers);
    }

    TestServer m_server;
    qint64 m_film = 0, m_clip = 0, m_plain = 0, m_song = 0;
};

void TestSubtitles::initTestCase()
{
    QCOMPARE(m_server.open(), QString());
    const QString srt = m_server.workPath(u"cues.srt"_s);
    QVERIFY(writeFile(srt, kSrt));
    const QString source = m_server.workPath(u"source.mkv"_s);
    QCOMPARE(makeVideo(source, 6.0, 160, 120), QString());
    // Streams 0 (video), 1 (audio), then the subtitles: 2 and 3.
    QCOMPARE(addSubtitleStreams(source, m_server.libraryPath(u"film.mkv"_s), srt, {u"srt"_s, u"ass"_s},
                                {{u"language=fre"_s, u"title=Commentaire"_s}, {u"language=eng"_s}},
                                {u"0"_s, u"forced"_s}),
             QString());
    const QString mp4Source = m_server.workPath(u"source.mp4"_s);
    QCOMPARE(makeVideo(mp4Source, 6.0, 160, 120), QString());
    QCOMPARE(addSubtitleStreams(mp4Source, m_server.libraryPath(u"clip.mp4"_s), srt, {u"mov_text"_s},
                                {{u"language=ger"_s}}, {u"default"_s}),
             QString());
    QCOMPARE(makeVideo(m_server.libraryPath(u"plain.mp4"_s), 4.0, 160, 120), QString());
    QCOMPARE(makeAudio(m_server.libraryPath(u"song.mp3"_s), 2.0), QString());
    QVERIFY(writeFile(m_server.libraryPath(u"film.en.srt"_s), kSrt));
    QVERIFY(writeFile(m_server.libraryPath(u"film.es.forced.srt"_s), kLatinSrt));
    QVERIFY(writeFile(m_server.libraryPath(u"film.notes.srt"_s), QByteArray(4096, '\x01') + "\x89PNG\r\n"));
    // Not film's: another name, or not a subtitle extension.
    QVERIFY(writeFile(m_server.libraryPath(u"filmography.en.srt"_s), kSrt));
    QVERIFY(writeFile(m_server.libraryPath(u"film.en.srt.bak"_s), kSrt));

    TestServerOptions options;
    options.scanFirst = true;
    options.subtitles = true;
    options.hls = true;
    options.guard = [](const Route &, HttpExchange &ex) {
        const bool restricted = ex.request().header("x-test-restricted") == "1";
        ex.setIdentity({0, u"tester"_s, true, restricted ? Visibility::folders({999}) : Visibility::everything()});
        return true;
    };
    QCOMPARE(m_server.start(options), QString());
    m_film = m_server.trackIdFor(u"film.mkv"_s);
    m_clip = m_server.trackIdFor(u"clip.mp4"_s);
    m_plain = m_server.trackIdFor(u"plain.mp4"_s);
    m_song = m_server.trackIdFor(u"song.mp3"_s);
    QVERIFY(m_film && m_clip && m_plain && m_song);
}

void TestSubtitles::cleanupTestCase()
{
    m_server.stop();
}

void TestSubtitles::sidecarNames_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("isSidecar");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("flags");   // f(orced), h(earing impaired), d(efault)
    QTest::addColumn<QString>("codec");
    QTest::newRow("bare") << u"Film.srt"_s << true << QString() << QString() << QString() << u"subrip"_s;
    QTest::newRow("two letters") << u"Film.en.srt"_s << true << u"en"_s << QString() << QString() << u"subrip"_s;
    QTest::newRow("639-2/B") << u"Film.ger.vtt"_s << true << u"de"_s << QString() << QString() << u"webvtt"_s;
    QTest::newRow("639-2/T") << u"Film.deu.ass"_s << true << u"de"_s << QString() << QString() << u"ass"_s;
    QTest::newRow("region") << u"Film.pt-BR.srt"_s << true << u"pt-BR"_s << QString() << QString() << u"subrip"_s;
    QTest::newRow("underscore region") << u"Film.pt_br.srt"_s << true << u"pt-BR"_s << QString() << QString() << u"subrip"_s;
    QTest::newRow("english name") << u"Film.French.srt"_s << true << u"fr"_s << QString() << QString() << u"subrip"_s;
    QTest::newRow("forced") << u"Film.en.forced.srt"_s << true << u"en"_s << QString() << u"f"_s << u"subrip"_s;
    QTest::newRow("sdh") << u"Film.en.sdh.srt"_s << true << u"en"_s << QString() << u"h"_s << u"subrip"_s;
    QTest::newRow("hi after a language") << u"Film.en.hi.srt"_s << true << u"en"_s << QString() << u"h"_s << u"subrip"_s;
    QTest::newRow("hi alone is Hindi") << u"Film.hi.srt"_s << true << u"hi"_s << QString() << QString() << u"subrip"_s;
    QTest::newRow("default") << u"Film.default.en.srt"_s << true << u"en"_s << QString() << u"d"_s << u"subrip"_s;
    QTest::newRow("title") << u"Film.Director's cut.srt"_s << true << QString() << u"Director's cut"_s << QString() << u"subrip"_s;
    QTest::newRow("title and language") << u"Film.en.Commentary.srt"_s << true << u"en"_s << u"Commentary"_s << QString()
                                        << u"subrip"_s;
    QTest::newRow("case of name and extension") << u"FILM.EN.SRT"_s << true << u"en"_s << QString() << QString()
                                                << u"subrip"_s;
    QTest::newRow("ssa") << u"Film.ssa"_s << true << QString() << QString() << QString() << u"ass"_s;
    QTest::newRow("undetermined") << u"Film.und.srt"_s << true << QString() << u"und"_s << QString() << u"subrip"_s;
    QTest::newRow("another video's") << u"Filmography.en.srt"_s << false << QString() << QString() << QString() << QString();
    QTest::newRow("not subtitles") << u"Film.en.txt"_s << false << QString() << QString() << QString() << QString();
    QTest::newRow("backup") << u"Film.srt.bak"_s << false << QString() << QString() << QString() << QString();
    QTest::newRow("the video itself") << u"Film.mkv"_s << false << QString() << QString() << QString() << QString();
    QTest::newRow("no stem") << u".srt"_s << false << QString() << QString() << QString() << QString();
}

void TestSubtitles::sidecarNames()
{
    QFETCH(QString, fileName);
    QFETCH(bool, isSidecar);
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QString, flags);
    QFETCH(QString, codec);
    const auto track = parseSidecarName(u"Film"_s, fileName);
    QCOMPARE(track.has_value(), isSidecar);
    if (!track)
        return;
    QCOMPARE(track->language, language);
    QCOMPARE(track->title, title);
    QCOMPARE(track->isForced, flags.contains(u'f'));
    QCOMPARE(track->isHearingImpaired, flags.contains(u'h'));
    QCOMPARE(track->isDefault, flags.contains(u'd'));
    QCOMPARE(track->codec, codec);
}

void TestSubtitles::languageTags_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("tag");
    QTest::newRow("639-1") << u"en"_s << u"en"_s;
    QTest::newRow("639-2/B") << u"fre"_s << u"fr"_s;
    QTest::newRow("639-2/T") << u"fra"_s << u"fr"_s;
    QTest::newRow("upper case") << u"ENG"_s << u"en"_s;
    QTest::newRow("no 639-1 code") << u"haw"_s << u"haw"_s;
    QTest::newRow("region") << u"zh-TW"_s << u"zh-TW"_s;
    QTest::newRow("undetermined") << u"und"_s << QString();
    QTest::newRow("multiple") << u"mul"_s << QString();
    QTest::newRow("unknown") << u"qqq"_s << QString();
    QTest::newRow("bad region") << u"en-XX"_s << QString();
    QTest::newRow("word") << u"forced"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("digits") << u"e1"_s << QString();
}

void TestSubtitles::languageTags()
{
    QFETCH(QString, code);
    QFETCH(QString, tag);
    QCOMPARE(languageTag(code), tag);
}

void TestSubtitles::labelsTellTracksApart()
{
    QList<SubtitleTrack> tracks(6);
    tracks[0].language = u"en"_s;
    tracks[1].language = u"en"_s;
    tracks[1].isForced = true;
    tracks[2].language = u"en"_s;
    tracks[2].isHearingImpaired = true;
    tracks[2].title = u"Commentary"_s;
    tracks[3].language = u"en"_s;
    tracks[4].title = u"Signs"_s;
    // tracks[5]: nothing known.
    QCOMPARE(subtitleLabels(tracks), (QStringList{u"English"_s, u"English (forced)"_s, u"English (Commentary, SDH)"_s,
                                                  u"English 2"_s, u"Signs"_s, u"Subtitles"_s}));
}

void TestSubtitles::timestampMapGoesInTheHeader()
{
    QCOMPARE(withTimestampMap("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n"_ba, 900000),
             "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\n00:00:01.000 --> 00:00:02.000\nHi\n"_ba);
    QCOMPARE(withTimestampMap("WEBVTT"_ba, 1026000), "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:1026000,LOCAL:00:00:00.000\n"_ba);
    QCOMPARE(mediaTimestampAtZero(SegmentFormat::Fmp4), 900000);
    QCOMPARE(mediaTimestampAtZero(SegmentFormat::MpegTs), 1026000);   // + FFmpeg's 1.4 s mux delay
}

void TestSubtitles::subRipFromWebVtt_data()
{
    QTest::addColumn<QByteArray>("vtt");
    QTest::addColumn<QByteArray>("srt");
    QTest::newRow("cues numbered, commas, CRLF")
        << "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\nworld\n\n01:02:03.004 --> 01:02:04.000\nBye\n"_ba
        << "1\r\n00:00:01,000 --> 00:00:02,500\r\nHello\r\nworld\r\n\r\n2\r\n01:02:03,004 --> 01:02:04,000\r\nBye\r\n\r\n"_ba;
    QTest::newRow("no hours, identifier, settings, BOM, CRLF input")
        << "\xEF\xBB\xBFWEBVTT - a title\r\nKind: captions\r\n\r\ncue-1\r\n01:05.250 --> 01:06.000 align:start line:0\r\nHi\r\n"_ba
        << "1\r\n00:01:05,250 --> 00:01:06,000\r\nHi\r\n\r\n"_ba;
    QTest::newRow("spans and entities")
        << "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Roger>It's <c.yellow>me</c> &amp; <i>you</i> &lt;3 <00:00:01.500><b.x>now</b></v>\n"_ba
        << "1\r\n00:00:01,000 --> 00:00:02,000\r\nIt's me & <i>you</i> <3 <b>now</b>\r\n\r\n"_ba;
    QTest::newRow("notes, styles and regions are not cues")
        << "WEBVTT\n\nNOTE a comment\nwith --> an arrow\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r\n\n"
           "00:00:03.000 --> 00:00:04.000\nOnly\n"_ba
        << "1\r\n00:00:03,000 --> 00:00:04,000\r\nOnly\r\n\r\n"_ba;
    QTest::newRow("bad cues dropped, numbering goes on")
        << "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbackwards\n\n00:61:00.000 --> 01:00:00.000\nbad minutes\n\n"
           "00:00:01.00 --> 00:00:02.000\nshort ms\n\n00:00:01.000 --> 00:00:02.000\n<c></c>\n\n"
           "00:00:06.000 --> 00:00:07.000\nkept\n"_ba
        << "1\r\n00:00:06,000 --> 00:00:07,000\r\nkept\r\n\r\n"_ba;
    QTest::newRow("no cues") << "WEBVTT\n"_ba << QByteArray();
    QTest::newRow("not WebVTT at all") << "\x00\x01 --> garbage"_ba << QByteArray();
}

void TestSubtitles::subRipFromWebVtt()
{
    QFETCH(QByteArray, vtt);
    QFETCH(QByteArray, srt);
    QCOMPARE(cairn::subRipFromWebVtt(vtt), srt);
}

void TestSubtitles::preferredTrackForOneTrackPlayers()
{
    SubtitleTrack forced{u"s2"_s, u"en"_s, {}, u"subrip"_s, false, true, false, 2, {}};
    SubtitleTrack sdh{u"s3"_s, u"en"_s, {}, u"subrip"_s, false, false, true, 3, {}};
    SubtitleTrack plain{u"x0"_s, u"fr"_s, {}, u"subrip"_s, false, false, false, -1, u"/v/f.fr.srt"_s};
    SubtitleTrack chosen = plain;
    chosen.id = u"x1"_s;
    chosen.isDefault = true;
    QCOMPARE(preferredSubtitleTrack({}), std::nullopt);
    QCOMPARE(preferredSubtitleTrack({forced, sdh, plain})->id, u"x0"_s);
    QCOMPARE(preferredSubtitleTrack({forced, sdh, plain, chosen})->id, u"x1"_s);
    QCOMPARE(preferredSubtitleTrack({forced, sdh})->id, u"s2"_s);
}

void TestSubtitles::masterPlaylistQuotesNames()
{
    HlsVariant v;
    v.key = u"360p"_s;
    v.width = 640;
    v.height = 360;
    v.codecs = u"avc1.64001e,mp4a.40.2"_s;
    const QByteArray text = masterPlaylist({v}, [](const HlsVariant &) { return u"/v/index.m3u8"_s; },
                                           {{u"Say \"hi\"\nnow"_s, u"en"_s, true, u"/s.m3u8"_s}});
    QVERIFY2(text.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Say %22hi%22now\",LANGUAGE=\"en\","
                           "DEFAULT=NO,AUTOSELECT=YES,FORCED=YES,URI=\"/s.m3u8\"\n"),
             text.constData());
    QVERIFY2(text.contains(",SUBTITLES=\"subs\"\n/v/index.m3u8\n"), text.constData());
}

void TestSubtitles::listsStreamsAndSidecars()
{
    const RawResponse r = get(videoUrl(m_film, "subtitles"));
    QCOMPARE(r.status, 200);
    const QJsonArray items = QJsonDocument::fromJson(r.body).object().value(u"items"_s).toArray();
    QStringList seen;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        seen << u"%1|%2|%3|%4|%5|%6"_s.arg(o.value(u"id"_s).toString(), o.value(u"label"_s).toString(),
                                           o.value(u"language"_s).toString(), o.value(u"codec"_s).toString(),
                                           o.value(u"forced"_s).toBool() ? u"forced"_s : u"-"_s,
                                           o.value(u"external"_s).toBool() ? u"sidecar"_s : u"stream"_s);
        QCOMPARE(o.value(u"url"_s).toString(), u"/api/videos/%1/subtitles/%2.vtt"_s.arg(m_film).arg(o.value(u"id"_s).toString()));
    }
    QCOMPARE(seen, (QStringList{
                       u"s2|French (Commentaire)|fr|subrip|-|stream"_s,
                       u"s3|English (forced)|en|ass|forced|stream"_s,
                       u"x0|English|en|subrip|-|sidecar"_s,
                       u"x1|Spanish (forced)|es|subrip|forced|sidecar"_s,
                       u"x2|notes||subrip|-|sidecar"_s,
                   }));
    // No path of the server's disk leaves it.
    QVERIFY(!r.body.contains(m_server.libraryDir().toUtf8()));

    const QJsonArray clip = QJsonDocument::fromJson(get(videoUrl(m_clip, "subtitles")).body).object().value(u"items"_s).toArray();
    QCOMPARE(clip.size(), 1);
    QCOMPARE(clip.at(0).toObject().value(u"codec"_s).toString(), u"mov_text"_s);
    QCOMPARE(clip.at(0).toObject().value(u"language"_s).toString(), u"de"_s);
    QCOMPARE(clip.at(0).toObject().value(u"default"_s).toBool(), true);
}

void TestSubtitles::videoWithoutSubtitlesListsNone()
{
    const RawResponse r = get(videoUrl(m_plain, "subtitles"));
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"items"_s).toArray().size(), 0);
}

void TestSubtitles::trackAsWebVtt_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("Matroska SRT") << videoUrl(m_film, "subtitles/s2.vtt") << "Hello there"_ba;
    QTest::newRow("Matroska ASS") << videoUrl(m_film, "subtitles/s3.vtt") << "Hello there"_ba;
    QTest::newRow("MP4 mov_text") << videoUrl(m_clip, "subtitles/s2.vtt") << "Hello there"_ba;
    QTest::newRow("UTF-8 sidecar") << videoUrl(m_film, "subtitles/x0.vtt") << "Hello there"_ba;
    QTest::newRow("Windows-1252 sidecar") << videoUrl(m_film, "subtitles/x1.vtt") << "\xC2\xBFQu\xC3\xA9?"_ba;
}

void TestSubtitles::trackAsWebVtt()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, text);
    const RawResponse r = get(target);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), "text/vtt; charset=utf-8"_ba);
    QVERIFY2(r.body.startsWith("WEBVTT"), r.body.left(200).constData());
    QVERIFY2(r.body.contains("00:01.000 --> 00:02.500"), r.body.constData());
    QVERIFY2(r.body.contains(text), r.body.constData());
    QVERIFY(!r.body.contains("X-TIMESTAMP-MAP"));   // only the HLS copy has one
    QVERIFY(r.header("etag").startsWith('"'));
    QCOMPARE(r.header("cache-control"), "private, max-age=86400"_ba);

    const RawResponse head = HttpTestClient(m_server.port()).head(target);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("etag"), r.header("etag"));
    QVERIFY(head.body.isEmpty());
}

void TestSubtitles::convertedOnceThenRevalidated()
{
    const QByteArray target = videoUrl(m_film, "subtitles/x0.vtt");
    const RawResponse first = get(target);
    QCOMPARE(first.status, 200);
    const quint64 conversions = m_server.subtitles()->conversionCount();
    const RawResponse again = get(target);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, first.body);
    QCOMPARE(m_server.subtitles()->conversionCount(), conversions);   // from the cache

    const RawResponse notModified = get(target, {"If-None-Match: " + first.header("etag")});
    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());

    // A changed sidecar is a new version: converted again, with a new validator.
    QTest::qWait(1100);   // file times have whole seconds on some file systems
    QVERIFY(writeFile(m_server.libraryPath(u"film.en.srt"_s), kSrt + "3\r\n00:00:05,000 --> 00:00:05,500\r\nThird\r\n"));
    const RawResponse changed = get(target, {"If-None-Match: " + first.header("etag")});
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.body.contains("Third"));
    QVERIFY(changed.header("etag") != first.header("etag"));
    QCOMPARE(m_server.subtitles()->conversionCount(), conversions + 1);
}

void TestSubtitles::badTrackNames_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QList<QByteArray> none;
    const auto row = [&](const char *name, const QByteArray &target, int status, const QString &error) {
        QTest::newRow(name) << target << none << status << error;
    };
    row("the video stream", videoUrl(m_film, "subtitles/s0.vtt"), 404, u"no such subtitle track"_s);
    row("the audio stream", videoUrl(m_film, "subtitles/s1.vtt"), 404, u"no such subtitle track"_s);
    row("no such stream", videoUrl(m_film, "subtitles/s9.vtt"), 404, u"no such subtitle track"_s);
    row("no such sidecar", videoUrl(m_film, "subtitles/x7.vtt"), 404, u"no such subtitle track"_s);
    row("leading zero", videoUrl(m_film, "subtitles/s02.vtt"), 404, u"no such subtitle track"_s);
    row("other kind", videoUrl(m_film, "subtitles/y2.vtt"), 404, u"no such subtitle track"_s);
    row("neither WebVTT nor SubRip", videoUrl(m_film, "subtitles/s2.ass"), 404, u"no such subtitle track"_s);
    row("no name", videoUrl(m_film, "subtitles/.vtt"), 404, u"no such subtitle track"_s);
    row("huge number", videoUrl(m_film, "subtitles/s99999999999.vtt"), 404, u"no such subtitle track"_s);
    row("traversal", videoUrl(m_film, "subtitles/..%2Ffilm.en.srt"), 404, u"no such subtitle track"_s);
    row("an audio track", videoUrl(m_song, "subtitles/s0.vtt"), 404, u"no such video"_s);
    row("an audio track's list", videoUrl(m_song, "subtitles"), 404, u"no such video"_s);
    row("malformed id", "/api/videos/abc/subtitles/s2.vtt"_ba, 400, u"video"_s);
    row("HLS: no such track", videoUrl(m_film, "hls/subtitles/s9.m3u8"), 404, u"no such subtitle track"_s);
    row("HLS: other file", videoUrl(m_film, "hls/subtitles/s2.txt"), 404, u"no such subtitle track"_s);
    QTest::newRow("hidden from the caller") << videoUrl(m_film, "subtitles/s2.vtt") << QList<QByteArray>{"X-Test-Restricted: 1"}
                                            << 404 << u"no such video"_s;
    QTest::newRow("hidden list") << videoUrl(m_film, "subtitles") << QList<QByteArray>{"X-Test-Restricted: 1"} << 404
                                 << u"no such video"_s;
}

void TestSubtitles::badTrackNames()
{
    QFETCH(QByteArray, target);
    QFETCH(QList<QByteArray>, headers);
    QFETCH(int, status);
    QFETCH(QString, error);
    const quint64 conversions = m_server.subtitles()->conversionCount();
    const RawResponse r = get(target, headers);
    QCOMPARE(r.status, status);
    QVERIFY2(errorOf(r).contains(error), r.body.constData());
    QCOMPARE(m_server.subtitles()->conversionCount(), conversions);   // refused before FFmpeg
}

void TestSubtitles::sidecarThatIsNotSubtitles()
{
    const QDir cache(m_server.workPath(u"subtitles"_s));
    const qsizetype cached = cache.entryList(QDir::Files).size();
    for (int attempt = 0; attempt < 2; ++attempt) {
        const RawResponse r = get(videoUrl(m_film, "subtitles/x2.vtt"));
        QCOMPARE(r.status, 422);
        QVERIFY2(errorOf(r).contains(u"WebVTT"_s), r.body.constData());
        QVERIFY(!r.body.contains(m_server.libraryDir().toUtf8()));
    }
    QCOMPARE(cache.entryList(QDir::Files).size(), cached);   // nothing kept
    // The others are still served.
    QCOMPARE(get(videoUrl(m_film, "subtitles/s2.vtt")).status, 200);
}

void TestSubtitles::hlsMasterNamesRenditions()
{
    const RawResponse r = get(videoUrl(m_film, "hls/master.m3u8"));
    QCOMPARE(r.status, 200);
    const QString master = QString::fromUtf8(r.body);
    const QString base = u"/api/videos/%1/hls/subtitles/"_s.arg(m_film);
    QVERIFY2(master.contains(u"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"French (Commentaire)\",LANGUAGE=\"fr\","
                             "DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\""_s + base + u"s2.m3u8\"\n"_s),
             r.body.constData());
    QVERIFY2(master.contains(u"NAME=\"English (forced)\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,FORCED=YES,URI=\""_s + base
                             + u"s3.m3u8\""_s),
             r.body.constData());
    QVERIFY2(master.contains(u"NAME=\"notes\",DEFAULT=NO"_s), r.body.constData());   // no language said
    QCOMPARE(master.count(u"#EXT-X-MEDIA:TYPE=SUBTITLES"_s), 5);
    const qsizetype variants = master.count(u"#EXT-X-STREAM-INF:"_s);
    QVERIFY(variants > 0);
    QCOMPARE(master.count(u",SUBTITLES=\"subs\"\n"_s), variants);

    const QString plain = QString::fromUtf8(get(videoUrl(m_plain, "hls/master.m3u8")).body);
    QVERIFY(plain.contains(u"#EXT-X-STREAM-INF:"_s));
    QVERIFY(!plain.contains(u"SUBTITLES"_s));
}

void TestSubtitles::hlsSubtitlePlaylistAndTimestampMap()
{
    const RawResponse playlist = get(videoUrl(m_film, "hls/subtitles/s2.m3u8"));
    QCOMPARE(playlist.status, 200);
    QCOMPARE(playlist.header("content-type"), "application/vnd.apple.mpegurl"_ba);
    const QList<QByteArray> lines = playlist.body.split('\n');
    QCOMPARE(lines.value(0), "#EXTM3U"_ba);
    QVERIFY2(playlist.body.contains("#EXT-X-TARGETDURATION:6\n") || playlist.body.contains("#EXT-X-TARGETDURATION:7\n"),
             playlist.body.constData());
    QCOMPARE(playlist.body.count("#EXTINF:"), 1);
    QVERIFY(playlist.body.contains("#EXT-X-ENDLIST"));
    const qsizetype uriLine = lines.indexOf("/api/videos/"_ba + QByteArray::number(m_film) + "/hls/subtitles/s2.vtt");
    QVERIFY2(uriLine > 0 && lines.at(uriLine - 1).startsWith("#EXTINF:6."), playlist.body.constData());

    const RawResponse vtt = get(videoUrl(m_film, "hls/subtitles/s2.vtt"));
    QCOMPARE(vtt.status, 200);
    // fMP4 segments start 10 s in: cue time 0 is 900000 at 90 kHz.
    QVERIFY2(vtt.body.startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n"), vtt.body.constData());
    QVERIFY(vtt.body.contains("00:01.000 --> 00:02.500\nHello there"));
    const RawResponse plainVtt = get(videoUrl(m_film, "subtitles/s2.vtt"));
    QVERIFY(vtt.header("etag") != plainVtt.header("etag"));
    QCOMPARE(get(videoUrl(m_film, "hls/subtitles/s2.vtt"), {"If-None-Match: " + vtt.header("etag")}).status, 304);

    // For MPEG-TS segments: "-ts" names, and the TS timestamps (10 s + the muxer's 1.4 s).
    const RawResponse tsPlaylist = get(videoUrl(m_film, "hls/subtitles/s2-ts.m3u8"));
    QCOMPARE(tsPlaylist.status, 200);
    QVERIFY2(tsPlaylist.body.contains("/hls/subtitles/s2-ts.vtt\n"), tsPlaylist.body.constData());
    const RawResponse tsVtt = get(videoUrl(m_film, "hls/subtitles/s2-ts.vtt"));
    QCOMPARE(tsVtt.status, 200);
    QVERIFY2(tsVtt.body.startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:1026000,LOCAL:00:00:00.000\n"), tsVtt.body.constData());
    QCOMPARE(get(videoUrl(m_film, "hls/subtitles/s2-ts-ts.vtt")).status, 404);
    QCOMPARE(get(videoUrl(m_film, "hls/subtitles/-ts.vtt")).status, 404);

    // A master playlist for FFmpeg's HLS reader (MPEG-TS segments) names the "-ts" copies.
    const RawResponse master = get(videoUrl(m_film, "hls/master.m3u8"), {"User-Agent: Lavf/59.27.100"});
    QCOMPARE(master.status, 200);
    QVERIFY2(master.body.contains("/hls/subtitles/s2-ts.m3u8\""), master.body.constData());
}

void TestSubtitles::dashManifestHasTextSets()
{
    const RawResponse r = get(videoUrl(m_film, "dash/manifest.mpd"));
    QCOMPARE(r.status, 200);
    QXmlStreamReader xml(r.body);
    QStringList texts;
    QString lang, role, label, baseUrl;
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == "AdaptationSet"_L1
            && xml.attributes().value("contentType"_L1) == "text"_L1) {
            QCOMPARE(xml.attributes().value("mimeType"_L1).toString(), u"text/vtt"_s);
            inText = true;
            lang = xml.attributes().value("lang"_L1).toString();
            role = label = baseUrl = QString();
        } else if (inText && xml.isStartElement() && xml.name() == "Role"_L1) {
            role = xml.attributes().value("value"_L1).toString();
        } else if (inText && xml.isStartElement() && xml.name() == "Label"_L1) {
            label = xml.readElementText();
        } else if (inText && xml.isStartElement() && xml.name() == "BaseURL"_L1) {
            baseUrl = xml.readElementText();
        } else if (inText && xml.isEndElement() && xml.name() == "AdaptationSet"_L1) {
            texts << lang + u'|' + role + u'|' + label + u'|' + baseUrl;
            inText = false;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    const QString base = u"/api/videos/%1/subtitles/"_s.arg(m_film);
    QCOMPARE(texts, (QStringList{
                        u"fr|subtitle|French (Commentaire)|"_s + base + u"s2.vtt"_s,
                        u"en|forced-subtitle|English (forced)|"_s + base + u"s3.vtt"_s,
                        u"en|subtitle|English|"_s + base + u"x0.vtt"_s,
                        u"es|forced-subtitle|Spanish (forced)|"_s + base + u"x1.vtt"_s,
                        u"|subtitle|notes|"_s + base + u"x2.vtt"_s,
                    }));
}

QTEST_GUILESS_MAIN(TestSubtitles)
#include "tst_subtitles.moc"
