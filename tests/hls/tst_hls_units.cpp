// The pure parts of HLS: the segment grid, the variant ladder, H.264 levels and CODECS, and
// the playlists (parsed back line by line).

#include "hls/DashManifest.h"
#include "hls/Fmp4Split.h"
#include "hls/HlsPlaylist.h"
#include "hls/SegmentArguments.h"
#include "hls/VariantLadder.h"

#include <QDomDocument>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QList<VideoPreset> defaultPresets()
{
    return {{1, u"360p"_s, 640, 360, 800, 96},
            {2, u"480p"_s, 854, 480, 1400, 128},
            {3, u"720p"_s, 1280, 720, 2800, 128},
            {4, u"1080p"_s, 1920, 1080, 5000, 192},
            {5, u"4K"_s, 3840, 2160, 16000, 192}};
}

// "key:WxH" per variant, in ladder order.
QStringList describe(const QList<HlsVariant> &variants)
{
    QStringList out;
    for (const HlsVariant &v : variants)
        out << u"%1:%2x%3"_s.arg(v.key).arg(v.width).arg(v.height);
    return out;
}

// Attributes of an RFC 8216 attribute list; quoted values may hold commas.
QMap<QString, QString> attributes(const QString &list)
{
    QMap<QString, QString> out;
    qsizetype pos = 0;
    while (pos < list.size()) {
        const qsizetype eq = list.indexOf(u'=', pos);
        if (eq < 0)
            break;
        const QString name = list.mid(pos, eq - pos);
        qsizetype end = 0;
        QString value;
        if (list.at(eq + 1) == u'"') {
            end = list.indexOf(u'"', eq + 2);
            value = list.mid(eq + 2, end - eq - 2);
            ++end;
        } else {
            end = list.indexOf(u',', eq);
            if (end < 0)
                end = list.size();
            value = list.mid(eq + 1, end - eq - 1);
        }
        out.insert(name, value);
        pos = end + 1;
    }
    return out;
}

QStringList lines(const QByteArray &playlist)
{
    QStringList out = QString::fromUtf8(playlist).split(u'\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();   // the final line break
    return out;
}

} // namespace

class TestHlsUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeline_data();
    void timeline();
    void timelineIndexAt_data();
    void timelineIndexAt();
    void levelsAndCodecs_data();
    void levelsAndCodecs();
    void bandwidths();
    void ladder_data();
    void ladder();
    void ladderWithoutAudio();
    void ladderKeepsTheBetterDuplicate();
    void ladderWithoutPresets();
    void masterPlaylist();
    void mediaPlaylist_data();
    void mediaPlaylist();
    void playlistUrisStayOneLine();
    void fmp4MediaPlaylist();
    void fmp4InitSize();
    void dashManifest();
    void keyframeTimeline_data();
    void keyframeTimeline();
};

void TestHlsUnits::timeline_data()
{
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("effectiveTarget");
    QTest::addColumn<double>("lastDuration");
    QTest::newRow("exact multiple") << qint64(60000) << 6 << 10 << 6 << 6.0;
    QTest::newRow("remainder") << qint64(62500) << 6 << 11 << 6 << 2.5;
    QTest::newRow("remainder of 100 ms kept") << qint64(60100) << 6 << 11 << 6 << 0.1;
    QTest::newRow("tiny remainder folded") << qint64(60099) << 6 << 10 << 6 << 6.099;
    QTest::newRow("shorter than a segment") << qint64(3000) << 6 << 1 << 6 << 3.0;
    QTest::newRow("tiny video") << qint64(50) << 6 << 1 << 6 << 0.05;
    QTest::newRow("zero") << qint64(0) << 6 << 0 << 6 << 0.0;
    QTest::newRow("negative") << qint64(-5000) << 6 << 0 << 6 << 0.0;
    QTest::newRow("target clamped to 1") << qint64(2500) << 0 << 3 << 1 << 0.5;
    QTest::newRow("negative target") << qint64(2000) << -4 << 2 << 1 << 1.0;
    QTest::newRow("10 s target") << qint64(7200000) << 10 << 720 << 10 << 10.0;
}

void TestHlsUnits::timeline()
{
    QFETCH(qint64, durationMs);
    QFETCH(int, target);
    QFETCH(int, count);
    QFETCH(int, effectiveTarget);
    QFETCH(double, lastDuration);
    const SegmentTimeline t(durationMs, target);
    QCOMPARE(t.count(), count);
    QCOMPARE(t.targetSeconds(), effectiveTarget);
    QVERIFY(!t.contains(-1));
    QVERIFY(!t.contains(count));
    QCOMPARE(t.durationSeconds(count), 0.0);
    QCOMPARE(t.startSeconds(-1), 0.0);
    if (count == 0)
        return;
    QVERIFY(t.contains(0));
    QVERIFY(t.contains(count - 1));
    QCOMPARE(t.durationSeconds(count - 1), lastDuration);
    double sum = 0;
    for (int i = 0; i < count; ++i) {
        QCOMPARE(t.startSeconds(i), double(i) * effectiveTarget);
        if (i < count - 1)
            QCOMPARE(t.durationSeconds(i), double(effectiveTarget));
        sum += t.durationSeconds(i);
    }
    QVERIFY(std::abs(sum - durationMs / 1000.0) < 0.0005);
    QCOMPARE(t.totalSeconds(), durationMs / 1000.0);
}

void TestHlsUnits::timelineIndexAt_data()
{
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("index");
    QTest::newRow("start") << qint64(62500) << 0.0 << 0;
    QTest::newRow("just before a boundary") << qint64(62500) << 5.999 << 0;
    QTest::newRow("on a boundary") << qint64(62500) << 6.0 << 1;
    QTest::newRow("middle") << qint64(62500) << 33.3 << 5;
    QTest::newRow("last segment") << qint64(62500) << 61.0 << 10;
    QTest::newRow("past the end") << qint64(62500) << 1000.0 << 10;
    QTest::newRow("huge") << qint64(62500) << 1e300 << 10;
    QTest::newRow("negative") << qint64(62500) << -5.0 << 0;
    QTest::newRow("nan") << qint64(62500) << std::numeric_limits<double>::quiet_NaN() << 0;
    QTest::newRow("inside a folded remainder") << qint64(60050) << 60.02 << 9;
    QTest::newRow("empty timeline") << qint64(0) << 10.0 << 0;
}

void TestHlsUnits::timelineIndexAt()
{
    QFETCH(qint64, durationMs);
    QFETCH(double, seconds);
    QFETCH(int, index);
    QCOMPARE(SegmentTimeline(durationMs, 6).indexAt(seconds), index);
}

void TestHlsUnits::levelsAndCodecs_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("videoCodec");
    QTest::newRow("360p") << 640 << 360 << u"3.1"_s << u"avc1.64001f"_s;
    QTest::newRow("480p") << 854 << 480 << u"3.1"_s << u"avc1.64001f"_s;
    QTest::newRow("720p") << 1280 << 720 << u"4.0"_s << u"avc1.640028"_s;
    QTest::newRow("4:3 720") << 960 << 720 << u"4.0"_s << u"avc1.640028"_s;
    QTest::newRow("1080p") << 1920 << 1080 << u"4.2"_s << u"avc1.64002a"_s;
    QTest::newRow("scope 1080") << 1920 << 800 << u"4.2"_s << u"avc1.64002a"_s;
    QTest::newRow("portrait 1080") << 1080 << 1920 << u"4.2"_s << u"avc1.64002a"_s;
    QTest::newRow("portrait 480") << 480 << 854 << u"3.1"_s << u"avc1.64001f"_s;
    QTest::newRow("4K") << 3840 << 2160 << u"5.2"_s << u"avc1.640034"_s;
    // Too many macroblocks per second at 60 fps for 3.1, whatever the height says.
    QTest::newRow("wide 480") << 1280 << 480 << u"4.0"_s << u"avc1.640028"_s;
    QTest::newRow("beyond 5.2 stays 5.2") << 8192 << 4320 << u"5.2"_s << u"avc1.640034"_s;
}

void TestHlsUnits::levelsAndCodecs()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, level);
    QFETCH(QString, videoCodec);
    QCOMPARE(h264LevelFor(width, height), level);
    QCOMPARE(codecsFor(level, false), videoCodec);
    QCOMPARE(codecsFor(level, true), videoCodec + u",mp4a.40.2"_s);
    const HlsVariant v = variantFor(VideoPreset{7, u"P"_s, width, height, 1000, 128}, width, height, true);
    QCOMPARE(v.h264Level, level);
    QCOMPARE(v.codecs, videoCodec + u",mp4a.40.2"_s);
    QCOMPARE(v.key, u"7"_s);
}

void TestHlsUnits::bandwidths()
{
    const HlsVariant v = variantFor(VideoPreset{3, u"720p"_s, 1280, 720, 2800, 128}, 1280, 720, true);
    QCOMPARE(v.maxRateKbps(), 3080);
    QCOMPARE(v.bandwidth(), qint64(3368400));          // (3080 + 128) kbit/s + 5 %
    QCOMPARE(v.averageBandwidth(), qint64(3074400));   // (2800 + 128) kbit/s + 5 %
    const HlsVariant silent = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 805, 96}, 640, 360, false);
    QCOMPARE(silent.audioKbps, 0);
    QCOMPARE(silent.maxRateKbps(), 885);   // integer kbit/s
    QCOMPARE(silent.bandwidth(), qint64(929250));
    QCOMPARE(silent.averageBandwidth(), qint64(845250));
}

void TestHlsUnits::ladder_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("1080p") << 1920 << 1080 << QStringList{u"1:640x360"_s, u"2:854x480"_s, u"3:1280x720"_s, u"4:1920x1080"_s};
    QTest::newRow("720p") << 1280 << 720 << QStringList{u"1:640x360"_s, u"2:854x480"_s, u"3:1280x720"_s};
    QTest::newRow("4K") << 3840 << 2160
                        << QStringList{u"1:640x360"_s, u"2:854x480"_s, u"3:1280x720"_s, u"4:1920x1080"_s,
                                       u"5:3840x2160"_s};
    QTest::newRow("portrait 1080x1920")
        << 1080 << 1920 << QStringList{u"1:360x640"_s, u"2:480x854"_s, u"3:720x1280"_s, u"4:1080x1920"_s};
    QTest::newRow("4:3 1440x1080")
        << 1440 << 1080 << QStringList{u"1:480x360"_s, u"2:640x480"_s, u"3:960x720"_s, u"4:1440x1080"_s};
    QTest::newRow("scope 1920x800")
        << 1920 << 800 << QStringList{u"1:640x266"_s, u"2:854x356"_s, u"3:1280x534"_s, u"4:1920x800"_s};
    QTest::newRow("odd 1918x1078") << 1918 << 1078 << QStringList{u"1:640x360"_s, u"2:854x480"_s, u"3:1280x720"_s};
    QTest::newRow("odd 721x405") << 721 << 405 << QStringList{u"1:640x360"_s};
    QTest::newRow("tiny 320x240") << 320 << 240 << QStringList{u"1:320x240"_s};
    QTest::newRow("tiny odd 301x199") << 301 << 199 << QStringList{u"1:300x198"_s};
    QTest::newRow("unknown size") << 0 << 0 << QStringList{u"1:640x360"_s, u"2:854x480"_s, u"3:1280x720"_s};
    QTest::newRow("half unknown") << 1920 << 0 << QStringList{u"1:640x360"_s, u"2:854x480"_s, u"3:1280x720"_s};
}

void TestHlsUnits::ladder()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QStringList, expected);
    const QList<HlsVariant> variants = variantLadder(defaultPresets(), {width, height, true});
    QCOMPARE(describe(variants), expected);
    for (qsizetype i = 0; i < variants.size(); ++i) {
        const HlsVariant &v = variants.at(i);
        QVERIFY(v.width % 2 == 0 && v.height % 2 == 0);
        if (width > 0 && height > 0) {
            QVERIFY(v.width <= width && v.height <= height);
            const double aspect = double(width) / height;
            QVERIFY2(std::abs(double(v.width) / v.height - aspect) / aspect < 0.01, qPrintable(describe({v}).first()));
        }
        QCOMPARE(v.codecs, codecsFor(h264LevelFor(v.width, v.height), true));
        QVERIFY(v.audioKbps > 0);
        if (i > 0)
            QVERIFY(variants.at(i - 1).bandwidth() < v.bandwidth());
    }
    if (width == 320) {   // the source's own size, the smallest preset's bitrates
        QCOMPARE(variants.first().videoKbps, 800);
        QCOMPARE(variants.first().name, u"360p"_s);
    }
}

void TestHlsUnits::ladderWithoutAudio()
{
    const QList<HlsVariant> variants = variantLadder(defaultPresets(), {1280, 720, false});
    QCOMPARE(variants.size(), 3);
    for (const HlsVariant &v : variants) {
        QCOMPARE(v.audioKbps, 0);
        QVERIFY2(!v.codecs.contains(u"mp4a"_s), qPrintable(v.codecs));
        QVERIFY(v.codecs.startsWith(u"avc1.64"_s));
    }
    const QList<HlsVariant> withAudio = variantLadder(defaultPresets(), {1280, 720, true});
    QCOMPARE(withAudio.first().codecs, u"avc1.64001f,mp4a.40.2"_s);
    QVERIFY(withAudio.first().bandwidth() > variants.first().bandwidth());
}

void TestHlsUnits::ladderKeepsTheBetterDuplicate()
{
    // Same box twice, and two different boxes the scope source fills to the same size.
    const QList<VideoPreset> presets{{10, u"720p low"_s, 1280, 720, 2000, 128},
                                     {11, u"720p high"_s, 1280, 720, 3500, 128},
                                     {12, u"1080p"_s, 1920, 1080, 5000, 192},
                                     {13, u"1080 scope"_s, 1920, 900, 4000, 192}};
    QCOMPARE(describe(variantLadder(presets, {1920, 1080, true})),
             (QStringList{u"11:1280x720"_s, u"13:1600x900"_s, u"12:1920x1080"_s}));
    QCOMPARE(describe(variantLadder(presets, {1920, 800, true})), (QStringList{u"11:1280x534"_s, u"12:1920x800"_s}));
}

void TestHlsUnits::ladderWithoutPresets()
{
    QVERIFY(variantLadder({}, {1920, 1080, true}).isEmpty());
    QVERIFY(variantLadder({}, {0, 0, false}).isEmpty());
}

void TestHlsUnits::masterPlaylist()
{
    const QList<HlsVariant> variants = variantLadder(defaultPresets(), {1920, 1080, true});
    const QStringList text = lines(cairn::masterPlaylist(variants, [](const HlsVariant &v) -> QString {
        return u"v/"_s + v.key + u"/index.m3u8?sig=a%2Cb"_s;
    }));
    QCOMPARE(text.value(0), u"#EXTM3U"_s);
    QVERIFY(text.contains(u"#EXT-X-VERSION:3"_s));
    QVERIFY(text.contains(u"#EXT-X-INDEPENDENT-SEGMENTS"_s));
    QList<HlsVariant> seen;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QString &line = text.at(i);
        if (!line.startsWith(u"#EXT-X-STREAM-INF:"_s))
            continue;
        const HlsVariant &v = variants.at(seen.size());
        const auto attrs = attributes(line.mid(18));
        QCOMPARE(attrs.value(u"BANDWIDTH"_s), QString::number(v.bandwidth()));
        QCOMPARE(attrs.value(u"AVERAGE-BANDWIDTH"_s), QString::number(v.averageBandwidth()));
        QCOMPARE(attrs.value(u"RESOLUTION"_s), u"%1x%2"_s.arg(v.width).arg(v.height));
        QCOMPARE(attrs.value(u"CODECS"_s), v.codecs);
        QVERIFY(attrs.value(u"CODECS"_s).contains(u',')); // the quoted comma survived
        QCOMPARE(text.value(i + 1), u"v/"_s + v.key + u"/index.m3u8?sig=a%2Cb"_s);
        seen << v;
    }
    QCOMPARE(seen.size(), variants.size());
    QCOMPARE(text.size(), 3 + 2 * variants.size());

    const QStringList empty = lines(cairn::masterPlaylist({}, [](const HlsVariant &) { return u"x"_s; }));
    QCOMPARE(empty, (QStringList{u"#EXTM3U"_s, u"#EXT-X-VERSION:3"_s, u"#EXT-X-INDEPENDENT-SEGMENTS"_s}));
}

void TestHlsUnits::mediaPlaylist_data()
{
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<int>("target");
    QTest::newRow("exact") << qint64(60000) << 6;
    QTest::newRow("remainder") << qint64(62500) << 6;
    QTest::newRow("folded remainder") << qint64(60099) << 6;
    QTest::newRow("odd milliseconds") << qint64(3723457) << 6;
    QTest::newRow("shorter than a segment") << qint64(1234) << 6;
    QTest::newRow("folded into a 1 s target") << qint64(3099) << 1;
    QTest::newRow("empty") << qint64(0) << 6;
}

void TestHlsUnits::mediaPlaylist()
{
    QFETCH(qint64, durationMs);
    QFETCH(int, target);
    const SegmentTimeline timeline(durationMs, target);
    const QStringList text =
        lines(cairn::mediaPlaylist(timeline, [](int index) -> QString { return u"s/"_s + segmentFileName(index, SegmentFormat::MpegTs); }));
    QCOMPARE(text.value(0), u"#EXTM3U"_s);
    QCOMPARE(text.last(), u"#EXT-X-ENDLIST"_s);
    for (const QString &tag : {u"#EXT-X-VERSION:3"_s, u"#EXT-X-MEDIA-SEQUENCE:0"_s, u"#EXT-X-PLAYLIST-TYPE:VOD"_s,
                               u"#EXT-X-INDEPENDENT-SEGMENTS"_s})
        QVERIFY2(text.contains(tag), qPrintable(tag));
    int targetDuration = -1;
    qint64 sumMs = 0;
    int maxRounded = 0;
    QStringList uris;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QString &line = text.at(i);
        if (line.startsWith(u"#EXT-X-TARGETDURATION:"_s)) {
            targetDuration = line.mid(22).toInt();
        } else if (line.startsWith(u"#EXTINF:"_s)) {
            QVERIFY(line.endsWith(u','));
            const QString value = line.mid(8).chopped(1);
            QCOMPARE(value.size() - value.indexOf(u'.'), 4);   // three decimals
            const double seconds = value.toDouble();
            sumMs += std::llround(seconds * 1000);
            maxRounded = qMax(maxRounded, int(std::lround(seconds)));
            uris << text.value(i + 1);
        }
    }
    QVERIFY(targetDuration >= target);
    QVERIFY(targetDuration >= maxRounded);
    QVERIFY(std::abs(sumMs - durationMs) <= 1 || (durationMs <= 0 && sumMs == 0));
    QCOMPARE(uris.size(), timeline.count());
    for (int i = 0; i < uris.size(); ++i)
        QCOMPARE(uris.at(i), u"s/seg%1.ts"_s.arg(i));
}

void TestHlsUnits::playlistUrisStayOneLine()
{
    const QByteArray media =
        cairn::mediaPlaylist(SegmentTimeline(12000, 6), [](int index) { return u"seg%1.ts\n#EXT-X-ENDLIST"_s.arg(index); });
    QCOMPARE(media.count("#EXT-X-ENDLIST"), 3);   // the injected ones are glued to their URI line
    QCOMPARE(lines(media).filter(u"#EXT-X-ENDLIST"_s).size(), 3);
    QCOMPARE(lines(media).last(), u"#EXT-X-ENDLIST"_s);
    QCOMPARE(lines(media).count(u"#EXT-X-ENDLIST"_s), 1);
}

void TestHlsUnits::fmp4MediaPlaylist()
{
    const QStringList text = lines(cairn::mediaPlaylist(
        SegmentTimeline(13000, 6), [](int index) { return u"%1.m4s"_s.arg(index); }, u"init.mp4?exp=1&sig=\"x"_s));
    QCOMPARE(text.value(1), u"#EXT-X-VERSION:7"_s);
    // The map before the first segment; a quote cannot end the attribute early.
    const qsizetype map = text.indexOf(u"#EXT-X-MAP:URI=\"init.mp4?exp=1&sig=%22x\""_s);
    QVERIFY(map > 0);
    QVERIFY(map < text.indexOf(u"0.m4s"_s));
    QCOMPARE(text.filter(u"#EXTINF"_s).size(), 3);
}

void TestHlsUnits::fmp4InitSize()
{
    const auto box = [](const char *type, int payload) -> QByteArray {
        QByteArray b(4, '\0');
        qToBigEndian<quint32>(quint32(8 + payload), b.data());
        return b + QByteArray(type) + QByteArray(payload, 'x');
    };
    const QByteArray init = QByteArray(box("ftyp", 20) + box("moov", 100));
    const QByteArray segment = init + box("moof", 30) + box("mdat", 10);
    QCOMPARE(cairn::fmp4InitSize(segment), std::optional<qint64>(init.size()));
    QCOMPARE(cairn::fmp4InitSize(init), std::nullopt);                   // no media part
    QCOMPARE(cairn::fmp4InitSize(box("moof", 30)), std::nullopt);        // no init part
    const QByteArray cut = init.left(30) + box("moof", 30);
    QCOMPARE(cairn::fmp4InitSize(cut), std::nullopt);   // cut short
    QByteArray zero = box("ftyp", 20);
    zero += QByteArray("\0\0\0\0moov", 8) + box("moof", 4);   // size 0: "to the end"
    QCOMPARE(cairn::fmp4InitSize(zero), std::nullopt);
}

void TestHlsUnits::dashManifest()
{
    const HlsVariant low = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 800, 96}, 640, 360, true);
    const HlsVariant high = variantFor(VideoPreset{3, u"720p"_s, 1280, 720, 2800, 128}, 1280, 720, true);
    HlsVariant original = high;
    original.key = u"original"_s;
    original.passthrough = true;
    const SegmentTimeline grid(20500, 6);
    const SegmentTimeline cuts = SegmentTimeline::fromKeyframes({0, 10000}, 20500, 6);
    const QByteArray mpd = cairn::dashManifest(
        {{low, grid}, {high, grid}, {original, cuts}}, 20.5,
        [](const HlsVariant &v) { return u"/v/%1/init.mp4?a=1&b=2"_s.arg(v.key); },
        [](const HlsVariant &v, int i) { return u"/v/%1/%2.m4s"_s.arg(v.key).arg(i); });
    QDomDocument doc;
    QVERIFY(doc.setContent(mpd));
    const QDomElement root = doc.documentElement();
    QCOMPARE(root.tagName(), u"MPD"_s);
    QCOMPARE(root.attribute(u"type"_s), u"static"_s);
    QCOMPARE(root.attribute(u"mediaPresentationDuration"_s), u"PT20.500S"_s);
    QCOMPARE(root.attribute(u"minBufferTime"_s), u"PT11.000S"_s);   // the copy's longest segment
    const QDomNodeList sets = root.elementsByTagName(u"AdaptationSet"_s);
    QCOMPARE(sets.size(), 2);   // the encoded variants, then the copy on its own grid
    const QDomNodeList reps = sets.at(0).toElement().elementsByTagName(u"Representation"_s);
    QCOMPARE(reps.size(), 2);
    const QDomElement r = reps.at(1).toElement();
    QCOMPARE(r.attribute(u"id"_s), u"3"_s);
    QCOMPARE(r.attribute(u"width"_s), u"1280"_s);
    QCOMPARE(r.attribute(u"codecs"_s), high.codecs);
    QCOMPARE(r.attribute(u"bandwidth"_s).toLongLong(), high.bandwidth());
    const QDomElement list = r.firstChildElement(u"SegmentList"_s);
    QCOMPARE(list.attribute(u"timescale"_s), u"1000"_s);
    QCOMPARE(list.attribute(u"presentationTimeOffset"_s), u"10000"_s);
    QCOMPARE(list.firstChildElement(u"Initialization"_s).attribute(u"sourceURL"_s), u"/v/3/init.mp4?a=1&b=2"_s);
    const QDomNodeList s = list.firstChildElement(u"SegmentTimeline"_s).elementsByTagName(u"S"_s);
    // One <S> per segment, never @r (dash.js pairs SegmentURLs with <S> elements): 6 s three
    // times, then 2.5 s.
    QCOMPARE(s.size(), 4);
    const QStringList times{u"10000"_s, u"16000"_s, u"22000"_s, u"28000"_s};
    const QStringList durations{u"6000"_s, u"6000"_s, u"6000"_s, u"2500"_s};
    for (int i = 0; i < s.size(); ++i) {
        QCOMPARE(s.at(i).toElement().attribute(u"t"_s), times.at(i));
        QCOMPARE(s.at(i).toElement().attribute(u"d"_s), durations.at(i));
        QVERIFY(!s.at(i).toElement().hasAttribute(u"r"_s));
    }
    const QDomNodeList urls = list.elementsByTagName(u"SegmentURL"_s);
    QCOMPARE(urls.size(), 4);
    QCOMPARE(urls.at(3).toElement().attribute(u"media"_s), u"/v/3/3.m4s"_s);
    const QDomElement copied = sets.at(1).toElement().firstChildElement(u"Representation"_s);
    QCOMPARE(copied.attribute(u"id"_s), u"original"_s);
    QCOMPARE(copied.elementsByTagName(u"SegmentURL"_s).size(), cuts.count());
}

void TestHlsUnits::keyframeTimeline_data()
{
    QTest::addColumn<QList<qint64>>("keyframes");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<QList<qint64>>("starts");
    QTest::addColumn<int>("target");
    QTest::newRow("10 s GOPs: 10 s segments") << QList<qint64>{0, 10000, 20000, 30000} << qint64(35000)
                                            << QList<qint64>{0, 10000, 20000, 30000} << 10;
    QTest::newRow("2 s GOPs grouped by 6 s") << QList<qint64>{0, 2000, 4000, 6000, 8000, 10000, 12000, 14000}
                                           << qint64(15000) << QList<qint64>{0, 6000, 12000} << 6;
    // Decode times run a frame or two early: a keyframe 80 ms short of 6 s still cuts there.
    QTest::newRow("decode times slightly early") << QList<qint64>{-80, 2320, 4720, 5920, 8320, 11920}
                                                 << qint64(13000) << QList<qint64>{0, 5920, 11920} << 6;
    QTest::newRow("a keyframe too close to the end") << QList<qint64>{0, 6000, 11950} << qint64(12000)
                                                     << QList<qint64>{0, 6000} << 6;
    QTest::newRow("one GOP for the whole file") << QList<qint64>{0} << qint64(20000) << QList<qint64>{0} << 20;
    QTest::newRow("no keyframes listed") << QList<qint64>{} << qint64(7000) << QList<qint64>{0} << 7;
}

void TestHlsUnits::keyframeTimeline()
{
    QFETCH(QList<qint64>, keyframes);
    QFETCH(qint64, durationMs);
    QFETCH(QList<qint64>, starts);
    QFETCH(int, target);
    const SegmentTimeline t = SegmentTimeline::fromKeyframes(keyframes, durationMs, 6);
    QVERIFY(!t.isUniform());
    QCOMPARE(t.count(), int(starts.size()));
    double total = 0;
    for (int i = 0; i < t.count(); ++i) {
        QCOMPARE(qRound64(t.startSeconds(i) * 1000), starts.at(i));
        QCOMPARE(t.indexAt(t.startSeconds(i) + 0.001), i);
        total += t.durationSeconds(i);
    }
    QCOMPARE(qRound64(total * 1000), durationMs);
    QCOMPARE(t.targetSeconds(), target);   // the longest segment, rounded up
    QVERIFY(!t.contains(t.count()));
}

QTEST_GUILESS_MAIN(TestHlsUnits)
#include "tst_hls_units.moc"
