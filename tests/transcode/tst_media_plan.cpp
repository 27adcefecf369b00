// The media planner on a real catalog and a real transcode cache: what a request gets (the
// file, a cached transcode, a live one with its output), the bitrate caps, and the errors as
// DomainError values. Also the JSON API's transcode query read into an ask.

#include "MediaFixtures.h"
#include "TestCatalog.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "delivery/MediaPlanner.h"
#include "delivery/TranscodeQuery.h"
#include "transcode/TranscodeService.h"

#include <QFileInfo>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestMediaPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void originalFileWithoutPreset();
    void liveTranscodeWithItsOutput();
    void adHocFormatAndBitrate();
    void cachedTranscodeOnceTheCacheHoldsIt();
    void offsetIsLiveAndNotKept();
    void userMaxBitrateCapsThePreset();
    void clientMaxBitrateCapsThePreset();
    void unknownPresetListsTheNames();
    void offsetOutsideTheTrack();
    void badBitrateForFormat();
    void withoutTranscodingUnavailable();
    void unknownOrInvisibleTrack();
    void queryReading_data();
    void queryReading();

private:
    static Caller admin() { return Caller{0, Visibility::everything()}; }
    static MediaAsk presetAsk(const QString &name, double offset = 0)
    {
        MediaAsk ask;
        ask.preset = name;
        ask.offsetSeconds = offset;
        return ask;
    }
    MediaPlanner planner() const { return MediaPlanner(m_catalog.database(), m_transcoding.get(), m_users.get()); }

    mutable TestCatalog m_catalog;
    std::unique_ptr<TranscodeService> m_transcoding;
    UserRevocations m_revocations;
    std::unique_ptr<UserAdministration> m_users;
    qint64 m_trackId = 0;
    qint64 m_limitedUser = 0;
};

void TestMediaPlan::initTestCase()
{
    QCOMPARE(makeAudio(m_catalog.libraryPath(u"tone.flac"_s), 3), QString());
    QCOMPARE(m_catalog.open(), QString());
    QVERIFY(m_catalog.scan());
    m_trackId = m_catalog.trackIdFor(u"tone.flac"_s);
    QVERIFY(m_trackId > 0);

    TranscodeSettings settings;
    settings.cacheDirectory = m_catalog.filePath(u"transcodes"_s);
    m_transcoding = std::make_unique<TranscodeService>(m_catalog.database(), settings);
    m_users = std::make_unique<UserAdministration>(m_catalog.database(), m_revocations);
    UserChanges limited;
    limited.name = u"limited"_s;
    limited.password = u"limited-password"_s;
    limited.maxBitrate = 128;
    const Result<User> created = m_users->create(limited);
    QVERIFY(created);
    m_limitedUser = created->id;
}

void TestMediaPlan::originalFileWithoutPreset()
{
    const auto plan = planner().plan(m_trackId, admin(), MediaAsk{});
    QVERIFY(plan);
    QCOMPARE(plan->kind, MediaPlan::Kind::OriginalFile);
    QCOMPARE(plan->filePath, m_catalog.libraryPath(u"tone.flac"_s));
    QCOMPARE(plan->mediaType, "audio/flac"_ba);
    QCOMPARE(plan->track.id, m_trackId);
}

void TestMediaPlan::liveTranscodeWithItsOutput()
{
    const auto plan = planner().plan(m_trackId, admin(), presetAsk(u"MP3 320"_s));
    QVERIFY(plan);
    QCOMPARE(plan->kind, MediaPlan::Kind::LiveTranscode);
    QCOMPARE(plan->presetName, u"MP3 320"_s);
    QCOMPARE(plan->output.format, OutputFormat::Mp3);
    QCOMPARE(plan->output.bitrateKbps, 320);
    QCOMPARE(plan->mediaType, "audio/mpeg"_ba);
    QCOMPARE(plan->offsetSeconds, 0.0);
    QVERIFY(plan->seekable);   // MP3 is constant bitrate and the duration is known
    QVERIFY(!plan->cacheKey.isEmpty());
    QCOMPARE(plan->cacheExtension, u"mp3"_s);

    const auto opus = planner().plan(m_trackId, admin(), presetAsk(u"Opus 96"_s));
    QVERIFY(opus);
    QCOMPARE(opus->output.format, OutputFormat::Opus);
    QVERIFY(!opus->seekable);
}

void TestMediaPlan::adHocFormatAndBitrate()
{
    MediaAsk ask;
    ask.format = OutputFormat::Mp3;
    ask.bitrateKbps = 192;
    const auto plan = planner().plan(m_trackId, admin(), ask);
    QVERIFY(plan);
    QCOMPARE(plan->kind, MediaPlan::Kind::LiveTranscode);
    QCOMPARE(plan->output.bitrateKbps, 192);

    ask.bitrateKbps = 0;   // the format's default
    const auto byDefault = planner().plan(m_trackId, admin(), ask);
    QVERIFY(byDefault);
    QCOMPARE(byDefault->output.bitrateKbps, infoFor(OutputFormat::Mp3).defaultKbps);
}

void TestMediaPlan::cachedTranscodeOnceTheCacheHoldsIt()
{
    const auto live = planner().plan(m_trackId, admin(), presetAsk(u"AAC 256"_s));
    QVERIFY(live);
    QCOMPARE(live->kind, MediaPlan::Kind::LiveTranscode);
    auto writer = m_transcoding->cache().writer(live->cacheKey, live->cacheExtension);
    QVERIFY(writer);
    QVERIFY(writer->write("not really aac", 14));
    writer->commit();
    writer.reset();

    const auto cached = planner().plan(m_trackId, admin(), presetAsk(u"AAC 256"_s));
    QVERIFY(cached);
    QCOMPARE(cached->kind, MediaPlan::Kind::CachedTranscode);
    QVERIFY(QFileInfo(cached->filePath).isFile());
    QCOMPARE(cached->presetName, u"AAC 256"_s);
    QCOMPARE(cached->mediaType, live->mediaType);
    QCOMPARE(cached->cacheKey, live->cacheKey);   // the live fallback is planned too
}

void TestMediaPlan::offsetIsLiveAndNotKept()
{
    const auto plan = planner().plan(m_trackId, admin(), presetAsk(u"AAC 256"_s, 1.5));
    QVERIFY(plan);
    QCOMPARE(plan->kind, MediaPlan::Kind::LiveTranscode);   // even though the whole transcode is cached
    QCOMPARE(plan->offsetSeconds, 1.5);
    QVERIFY(plan->cacheKey.isEmpty());
    QVERIFY(qAbs(plan->remainingSeconds() - 1.5) < 0.1);
}

void TestMediaPlan::userMaxBitrateCapsThePreset()
{
    const Caller limited{m_limitedUser, Visibility::everything()};
    const auto mp3 = planner().plan(m_trackId, limited, presetAsk(u"MP3 320"_s));
    QVERIFY(mp3);
    QCOMPARE(mp3->output.format, OutputFormat::Mp3);
    QCOMPARE(mp3->output.bitrateKbps, 128);
    const auto flac = planner().plan(m_trackId, limited, presetAsk(u"FLAC"_s));
    QVERIFY(flac);
    QCOMPARE(flac->output.format, OutputFormat::Mp3);   // lossless becomes MP3 under the limit
    QCOMPARE(flac->output.bitrateKbps, 128);

    // Read afresh: lifting the limit applies to the next plan.
    const MediaPlanner unlimited(m_catalog.database(), m_transcoding.get(), nullptr);
    QCOMPARE(unlimited.plan(m_trackId, limited, presetAsk(u"MP3 320"_s))->output.bitrateKbps, 320);
}

void TestMediaPlan::clientMaxBitrateCapsThePreset()
{
    MediaAsk ask = presetAsk(u"MP3 320"_s);
    ask.maxBitrateKbps = 96;
    const auto plan = planner().plan(m_trackId, admin(), ask);
    QVERIFY(plan);
    QCOMPARE(plan->output.bitrateKbps, 96);
    // The tighter of the user's and the client's limits wins.
    ask.maxBitrateKbps = 192;
    const auto limited = planner().plan(m_trackId, Caller{m_limitedUser, Visibility::everything()}, ask);
    QVERIFY(limited);
    QCOMPARE(limited->output.bitrateKbps, 128);
}

void TestMediaPlan::unknownPresetListsTheNames()
{
    const auto plan = planner().plan(m_trackId, admin(), presetAsk(u"Nope"_s));
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(plan.error().allowed, planner().presetNames());
    QVERIFY(plan.error().allowed.contains(u"MP3 320"_s));
    QVERIFY2(plan.error().message.startsWith(u"'preset' must be one of: "_s), qPrintable(plan.error().message));
    QVERIFY(plan.error().message.contains(u"MP3 320"_s));
}

void TestMediaPlan::offsetOutsideTheTrack()
{
    for (const double offset : {3.5, 10.0, -1.0, std::nan("")}) {
        const auto plan = planner().plan(m_trackId, admin(), presetAsk(u"MP3 320"_s, offset));
        QVERIFY(!plan);
        QCOMPARE(plan.error().kind, DomainError::Kind::InvalidInput);
        QVERIFY2(plan.error().message.startsWith(u"'offset' must be a number of seconds from 0 to below 3."_s),
                 qPrintable(plan.error().message));
    }
}

void TestMediaPlan::badBitrateForFormat()
{
    MediaAsk ask;
    ask.format = OutputFormat::Mp3;
    ask.bitrateKbps = 100;
    const auto plan = planner().plan(m_trackId, admin(), ask);
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, DomainError::Kind::InvalidInput);
    QVERIFY(plan.error().message.startsWith(u"'bitrate' for mp3 must be (kbit/s): "_s));

    MediaAsk both = presetAsk(u"MP3 320"_s);
    both.bitrateKbps = 128;
    QCOMPARE(planner().plan(m_trackId, admin(), both).error().message,
             u"'bitrate' goes with 'format', not with 'preset'"_s);
}

void TestMediaPlan::withoutTranscodingUnavailable()
{
    const MediaPlanner none(m_catalog.database(), nullptr, m_users.get());
    const auto plan = none.plan(m_trackId, admin(), presetAsk(u"MP3 320"_s));
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, DomainError::Kind::Unavailable);
    QCOMPARE(plan.error().message, u"transcoding is not available on this server"_s);
    QVERIFY(none.presetNames().isEmpty());
    // The original file needs no transcoder.
    QVERIFY(none.plan(m_trackId, admin(), MediaAsk{}));
}

void TestMediaPlan::unknownOrInvisibleTrack()
{
    const auto missing = planner().plan(999999, admin(), presetAsk(u"MP3 320"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, DomainError::Kind::NotFound);
    QCOMPARE(missing.error().message, u"no such track"_s);
    const auto hidden = planner().plan(m_trackId, Caller{0, Visibility::folders({999})}, MediaAsk{});
    QVERIFY(!hidden);
    QCOMPARE(hidden.error().kind, DomainError::Kind::NotFound);
}

void TestMediaPlan::queryReading_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("errorPart");   // empty = reads into an ask
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("bitrate");
    QTest::addColumn<double>("offset");       // -1 = NaN (left for the planner to refuse)

    QTest::newRow("preset") << u"preset=MP3 320"_s << QString() << u"MP3 320"_s << 0 << 0.0;
    QTest::newRow("format + bitrate + offset") << u"format=mp3&bitrate=192&offset=12.5"_s << QString() << QString()
                                               << 192 << 12.5;
    QTest::newRow("lossless bitrate 0") << u"format=wav&bitrate=0"_s << QString() << QString() << 0 << 0.0;
    QTest::newRow("unreadable offset") << u"preset=FLAC&offset=1e2"_s << QString() << u"FLAC"_s << 0 << -1.0;
    QTest::newRow("nothing") << QString() << u"name either 'preset' (one of: A, B)"_s << QString() << 0 << 0.0;
    QTest::newRow("both") << u"preset=A&format=mp3"_s << u"either"_s << QString() << 0 << 0.0;
    QTest::newRow("empty preset") << u"preset="_s << u"'preset' must be one of: A, B"_s << QString() << 0 << 0.0;
    QTest::newRow("preset with bitrate") << u"preset=A&bitrate=128"_s << u"with 'format'"_s << QString() << 0 << 0.0;
    QTest::newRow("bad format") << u"format=exe"_s << u"'format' must be one of: mp3"_s << QString() << 0 << 0.0;
    QTest::newRow("bitrate 0") << u"format=mp3&bitrate=0"_s << u"32, 40"_s << QString() << 0 << 0.0;
    QTest::newRow("bitrate 1e9") << u"format=mp3&bitrate=1000000000"_s << u"320"_s << QString() << 0 << 0.0;
    QTest::newRow("bitrate lossless") << u"format=wav&bitrate=128"_s << u"lossless"_s << QString() << 0 << 0.0;
    QTest::newRow("bitrate text") << u"format=opus&bitrate=lots"_s << u"6 to 510"_s << QString() << 0 << 0.0;
}

void TestMediaPlan::queryReading()
{
    QFETCH(QString, query);
    QFETCH(QString, errorPart);
    const auto ask = readTranscodeQuery(QUrlQuery(query), {u"A"_s, u"B"_s});
    if (!errorPart.isEmpty()) {
        QVERIFY(!ask);
        QCOMPARE(ask.error().kind, DomainError::Kind::InvalidInput);
        QVERIFY2(ask.error().message.contains(errorPart), qPrintable(ask.error().message));
        return;
    }
    if (!ask)
        QFAIL(qPrintable(ask.error().message));
    QFETCH(QString, preset);
    QFETCH(int, bitrate);
    QFETCH(double, offset);
    QCOMPARE(ask->preset, preset);
    QCOMPARE(ask->format.has_value(), preset.isEmpty());
    QCOMPARE(ask->bitrateKbps, bitrate);
    if (offset < 0)
        QVERIFY(std::isnan(ask->offsetSeconds));
    else
        QCOMPARE(ask->offsetSeconds, offset);
}

QTEST_GUILESS_MAIN(TestMediaPlan)
#include "tst_media_plan.moc"
