// The pure parts of transcoding: preset rules, the user bitrate cap, FFmpeg arguments, the
// byte/time layout of live CBR transcodes, query parsing, the concurrency cap; plus the
// preset repository and the transcode cache on real files.

#include "catalog/Database.h"
#include "transcode/FfmpegArguments.h"
#include "transcode/LiveLayout.h"
#include "transcode/PresetRepository.h"
#include "transcode/PresetRules.h"
#include "transcode/TranscodeCache.h"
#include "ffmpeg/FfmpegQueue.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

Q_DECLARE_METATYPE(cairn::Preset)
Q_DECLARE_METATYPE(cairn::OutputFormat)

namespace {

Preset preset(OutputFormat format, int kbps, int rate = 0, int channels = 0, const QString &name = u"P"_s)
{
    return Preset{0, name, format, kbps, rate, channels};
}

void writeCacheEntry(TranscodeCache &cache, const QString &key, const QByteArray &bytes, bool commit = true)
{
    auto writer = cache.writer(key, u"mp3"_s);
    QVERIFY(writer);
    QVERIFY(writer->write(bytes.constData(), bytes.size()));
    if (commit)
        writer->commit();
}

} // namespace

class TestTranscodeRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetValidation_data();
    void presetValidation();
    void cappedPresets();
    void resolvedOutput();
    void argumentsComeOnlyFromValidatedFields();
    void mp3LengthAndRanges();
    void wavHeaderAndRanges();
    void variableBitrateHasNoLength();
    void limiter();
    void presetRepository();
    void cacheCommitAndRestart();
    void cacheNeverKeepsPartialTranscodes();
    void cacheEvictsLeastRecentlyUsed();
    void cacheKeyFollowsTheSource();
};

void TestTranscodeRules::presetValidation_data()
{
    QTest::addColumn<Preset>("preset");
    QTest::addColumn<QString>("errorPart");   // empty = valid
    QTest::newRow("mp3 320") << preset(OutputFormat::Mp3, 320) << QString();
    QTest::newRow("mp3 not a CBR step") << preset(OutputFormat::Mp3, 200) << u"allowed: 32, 40"_s;
    QTest::newRow("mp3 too high") << preset(OutputFormat::Mp3, 384) << u"320"_s;
    QTest::newRow("mp3 zero") << preset(OutputFormat::Mp3, 0) << u"bitrate 0"_s;
    QTest::newRow("mp3 mpeg2 rate") << preset(OutputFormat::Mp3, 128, 22050) << QString();
    QTest::newRow("mp3 mpeg2 rate too fast") << preset(OutputFormat::Mp3, 320, 22050) << u"160"_s;
    QTest::newRow("mp3 3 channels") << preset(OutputFormat::Mp3, 128, 0, 3) << u"channels"_s;
    QTest::newRow("opus 96") << preset(OutputFormat::Opus, 96, 48000) << QString();
    QTest::newRow("opus 44100") << preset(OutputFormat::Opus, 96, 44100) << u"48000"_s;
    QTest::newRow("opus 5") << preset(OutputFormat::Opus, 5) << u"6 to 510"_s;
    QTest::newRow("opus 511") << preset(OutputFormat::Opus, 511) << u"6 to 510"_s;
    QTest::newRow("vorbis 192") << preset(OutputFormat::Vorbis, 192) << QString();
    QTest::newRow("aac 256 6ch") << preset(OutputFormat::AacM4a, 256, 48000, 6) << QString();
    QTest::newRow("aac 9ch") << preset(OutputFormat::AacAdts, 256, 0, 9) << u"channels"_s;
    QTest::newRow("flac") << preset(OutputFormat::Flac, 0) << QString();
    QTest::newRow("flac with bitrate") << preset(OutputFormat::Flac, 320) << u"lossless"_s;
    QTest::newRow("wav 1e9") << preset(OutputFormat::Wav, 1000000000) << u"lossless"_s;
    QTest::newRow("wav odd rate") << preset(OutputFormat::Wav, 0, 12345) << u"sample rate"_s;
    QTest::newRow("negative channels") << preset(OutputFormat::Wav, 0, 0, -1) << u"channels"_s;
    QTest::newRow("empty name") << preset(OutputFormat::Mp3, 128, 0, 0, u"  "_s) << u"name"_s;
    QTest::newRow("long name") << preset(OutputFormat::Mp3, 128, 0, 0, QString(65, u'x')) << u"64"_s;
}

void TestTranscodeRules::presetValidation()
{
    QFETCH(Preset, preset);
    QFETCH(QString, errorPart);
    const auto error = presetError(preset);
    if (errorPart.isEmpty()) {
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
    } else {
        QVERIFY(error);
        QVERIFY2(error->contains(errorPart), qPrintable(*error));
    }
}

void TestTranscodeRules::cappedPresets()
{
    const Preset mp3 = preset(OutputFormat::Mp3, 320);
    QCOMPARE(cappedPreset(mp3, 0), mp3);
    QCOMPARE(cappedPreset(mp3, 320), mp3);
    QCOMPARE(cappedPreset(mp3, 200).bitrateKbps, 192);       // the CBR step below the cap
    QCOMPARE(cappedPreset(mp3, 10).bitrateKbps, 32);         // never below the codec's minimum
    const Preset opus = cappedPreset(preset(OutputFormat::Opus, 160), 100);
    QCOMPARE(opus.format, OutputFormat::Opus);
    QCOMPARE(opus.bitrateKbps, 100);
    const Preset flac = cappedPreset(preset(OutputFormat::Flac, 0, 96000, 6), 128);
    QCOMPARE(flac.format, OutputFormat::Mp3);
    QCOMPARE(flac.bitrateKbps, 128);
    QCOMPARE(flac.sampleRate, 0);
    QVERIFY(!presetError(flac));
}

void TestTranscodeRules::resolvedOutput()
{
    QCOMPARE(resolveOutput(preset(OutputFormat::Mp3, 320), 44100, 2), (OutputSpec{OutputFormat::Mp3, 320, 44100, 2}));
    QCOMPARE(resolveOutput(preset(OutputFormat::Mp3, 320), 96000, 6), (OutputSpec{OutputFormat::Mp3, 320, 48000, 2}));
    QCOMPARE(resolveOutput(preset(OutputFormat::Mp3, 320), 22050, 1), (OutputSpec{OutputFormat::Mp3, 320, 32000, 1}));
    QCOMPARE(resolveOutput(preset(OutputFormat::Mp3, 128), 22050, 1), (OutputSpec{OutputFormat::Mp3, 128, 22050, 1}));
    QCOMPARE(resolveOutput(preset(OutputFormat::Opus, 96), 44100, 2), (OutputSpec{OutputFormat::Opus, 96, 24000, 2}));
    QCOMPARE(resolveOutput(preset(OutputFormat::Wav, 0, 48000, 2), 0, 0), (OutputSpec{OutputFormat::Wav, 0, 48000, 2}));
    QCOMPARE(resolveOutput(preset(OutputFormat::Flac, 0), 0, 0), (OutputSpec{OutputFormat::Flac, 0, 44100, 2}));
}

void TestTranscodeRules::argumentsComeOnlyFromValidatedFields()
{
    TranscodeJob job{u"/music/-i evil;rm -rf.flac"_s, {OutputFormat::Mp3, 320, 44100, 2}, 12.5, 0};
    const QStringList args = ffmpegArguments(job);
    const qsizetype ss = args.indexOf(u"-ss"_s);
    const qsizetype input = args.indexOf(u"-i"_s);
    QVERIFY(ss >= 0 && input > ss);   // input seeking: the first byte comes fast at any offset
    QCOMPARE(args.at(ss + 1), u"12.500000"_s);
    QCOMPARE(args.at(input + 1), u"file:/music/-i evil;rm -rf.flac"_s);
    QVERIFY(args.contains(u"-nostdin"_s));
    QCOMPARE(args.at(args.indexOf(u"-c:a"_s) + 1), u"libmp3lame"_s);
    QCOMPARE(args.at(args.indexOf(u"-b:a"_s) + 1), u"320k"_s);
    QCOMPARE(args.at(args.indexOf(u"-write_xing"_s) + 1), u"0"_s);
    QCOMPARE(args.last(), u"pipe:1"_s);

    job.startSeconds = 0;
    job.output = {OutputFormat::Wav, 0, 48000, 1};
    const QStringList wav = ffmpegArguments(job);
    QVERIFY(!wav.contains(u"-ss"_s));
    QVERIFY(!wav.contains(u"-b:a"_s));
    QCOMPARE(wav.at(wav.indexOf(u"-f"_s) + 1), u"s16le"_s);
    QCOMPARE(wav.at(wav.indexOf(u"-ar"_s) + 1), u"48000"_s);
    QCOMPARE(wav.at(wav.indexOf(u"-ac"_s) + 1), u"1"_s);

    job.output = {OutputFormat::AacM4a, 256, 44100, 2};
    const QStringList m4a = ffmpegArguments(job);
    QVERIFY(m4a.at(m4a.indexOf(u"-movflags"_s) + 1).contains(u"empty_moov"_s));
    QCOMPARE(m4a.at(m4a.lastIndexOf(u"-f"_s) + 1), u"mp4"_s);
}

void TestTranscodeRules::mp3LengthAndRanges()
{
    const OutputSpec spec{OutputFormat::Mp3, 320, 44100, 2};
    const qint64 total = *estimatedLength(spec, 10.0);
    QVERIFY(total >= 400000 && total < 400000 + 3 * 1045);   // 40 000 bytes/s plus two frames

    const auto whole = planLive(spec, 10.0, 0, {});
    QVERIFY(whole);
    QVERIFY(!whole->partial);
    QCOMPARE(whole->totalLength, total);
    QCOMPARE(whole->bodyLength, total);
    QCOMPARE(whole->startSeconds, 0.0);

    const auto seek = planLive(spec, 10.0, 0, "bytes=200000-");
    QVERIFY(seek && seek->partial);
    QCOMPARE(seek->range, (ByteRange{200000, total - 1}));
    QCOMPARE(seek->bodyLength, total - 200000);
    QCOMPARE(seek->startSeconds, 5.0);

    const auto withOffset = planLive(spec, 6.0, 4.0, "bytes=40000-79999");
    QVERIFY(withOffset && withOffset->partial);
    QCOMPARE(withOffset->startSeconds, 5.0);
    QCOMPARE(withOffset->bodyLength, 40000);

    QVERIFY(!planLive(spec, 10.0, 0, "bytes=999999999-"));
    const auto multi = planLive(spec, 10.0, 0, "bytes=0-1,5-9");   // answered whole
    QVERIFY(multi && !multi->partial);
}

void TestTranscodeRules::wavHeaderAndRanges()
{
    const OutputSpec spec{OutputFormat::Wav, 0, 8000, 2};
    QCOMPARE(*estimatedLength(spec, 2.0), 44 + 2 * 8000 * 4);
    const QByteArray header = wavHeader(spec, 64000);
    QCOMPARE(header.size(), 44);
    QVERIFY(header.startsWith("RIFF"));
    QCOMPARE(header.mid(8, 8), "WAVEfmt "_ba);
    QCOMPARE(qFromLittleEndian<quint32>(header.constData() + 4), 64036u);
    QCOMPARE(qFromLittleEndian<quint32>(header.constData() + 40), 64000u);
    QCOMPARE(qFromLittleEndian<quint16>(header.constData() + 22), quint16(2));
    QCOMPARE(qFromLittleEndian<quint32>(header.constData() + 24), 8000u);

    const auto whole = planLive(spec, 2.0, 0, {});
    QCOMPARE(whole->prefix, wavHeader(spec, 64000));
    const auto inHeader = planLive(spec, 2.0, 0, "bytes=40-49");
    QCOMPARE(inHeader->prefix, header.mid(40, 4));
    QCOMPARE(inHeader->startSeconds, 0.0);
    QCOMPARE(inHeader->bodyLength, 10);
    const auto mid = planLive(spec, 2.0, 0, "bytes=32046-");   // 32002 bytes into PCM: frame 8000, +2 bytes
    QVERIFY(mid->prefix.isEmpty());
    QCOMPARE(mid->startSeconds, 1.0);
    QCOMPARE(mid->skipBytes, 2);

    const auto unknown = planLive(spec, 0, 0, "bytes=100-");   // duration not in the catalog
    QVERIFY(unknown && !unknown->partial);
    QCOMPARE(unknown->bodyLength, -1);
    QCOMPARE(qFromLittleEndian<quint32>(unknown->prefix.constData() + 40), 0xFFFFFFFFu - 36);
}

void TestTranscodeRules::variableBitrateHasNoLength()
{
    const OutputSpec spec{OutputFormat::Opus, 96, 48000, 2};
    QVERIFY(!estimatedLength(spec, 10));
    const auto plan = planLive(spec, 10, 3, "bytes=100-");
    QVERIFY(plan);
    QVERIFY(!plan->partial);
    QCOMPARE(plan->bodyLength, -1);
    QCOMPARE(plan->startSeconds, 3.0);
}

void TestTranscodeRules::limiter()
{
    FfmpegQueue limiter(FfmpegQueueSettings{u"ffmpeg"_s, 2, 4, 1000, 5});
    auto a = limiter.tryAcquire();
    auto b = limiter.tryAcquire();
    QVERIFY(a && b);
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.running(), 2);
    a.reset();
    QCOMPARE(limiter.running(), 1);
    QVERIFY(limiter.tryAcquire());   // released at once again
    QCOMPARE(limiter.running(), 1);
}

void TestTranscodeRules::presetRepository()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"catalog.sqlite"_s));
    QCOMPARE(db.open(), std::nullopt);
    PresetRepository presets(db);
    QStringList names;
    for (const Preset &p : presets.list())
        names << p.name;
    QCOMPARE(names, (QStringList{u"AAC 256"_s, u"FLAC"_s, u"MP3 128 (mobile)"_s, u"MP3 320"_s, u"Opus 96"_s,
                                 u"WAV (browser compatibility)"_s}));
    for (const Preset &p : presets.list())
        QVERIFY2(!presetError(p), qPrintable(p.name));

    const auto invalid = presets.save(preset(OutputFormat::Mp3, 999, 0, 0, u"Broken"_s));
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(invalid.error().message, *presetError(preset(OutputFormat::Mp3, 999, 0, 0, u"Broken"_s)));
    QVERIFY(!presets.findByName(u"Broken"_s));
    const auto clash = presets.save(preset(OutputFormat::Mp3, 128, 0, 0, u"mp3 320"_s));
    QCOMPARE(clash.error().kind, DomainError::Kind::Conflict);
    QCOMPARE(clash.error().message, u"a preset named \"mp3 320\" already exists"_s);

    const auto added = presets.save(preset(OutputFormat::Opus, 64, 48000, 1, u"  Voice  "_s));
    const Preset voice = added.value();
    QVERIFY(voice.id > 0);
    QCOMPARE(voice.name, u"Voice"_s);
    QCOMPARE(*presets.find(voice.id), voice);

    Preset edited = voice;
    edited.bitrateKbps = 48;
    QCOMPARE(presets.save(edited)->bitrateKbps, 48);
    QCOMPARE(presets.findByName(u"voice"_s)->bitrateKbps, 48);

    // Renaming onto another preset's name is a conflict and changes nothing.
    Preset renamed = edited;
    renamed.name = u" FLAC "_s;
    QCOMPARE(presets.save(renamed).error().kind, DomainError::Kind::Conflict);
    QCOMPARE(presets.find(voice.id)->name, u"Voice"_s);

    const Preset copy = presets.duplicate(voice.id).value();
    QCOMPARE(copy.name, u"Voice (copy)"_s);
    QCOMPARE(presets.duplicate(voice.id)->name, u"Voice (copy 2)"_s);
    QCOMPARE(copy.bitrateKbps, 48);
    QVERIFY(copy.id != voice.id);

    QVERIFY(presets.remove(voice.id));
    const Outcome again = presets.remove(voice.id);
    QCOMPARE(again.error().kind, DomainError::Kind::NotFound);
    QCOMPARE(again.error().message, u"no such preset"_s);
    QVERIFY(!presets.find(voice.id));

    Preset ghost = voice;
    QCOMPARE(presets.save(ghost).error().kind, DomainError::Kind::NotFound);
    QCOMPARE(presets.save(ghost).error().message, u"no such preset"_s);
    QCOMPARE(presets.duplicate(voice.id).error().kind, DomainError::Kind::NotFound);
    QCOMPARE(presets.list().size(), 8);
}

void TestTranscodeRules::cacheCommitAndRestart()
{
    QTemporaryDir dir;
    {
        TranscodeCache cache(dir.path(), 1024 * 1024);
        cache.load();
        QVERIFY(!cache.lookup(u"k1"_s));
        writeCacheEntry(cache, u"k1"_s, "hello transcode");
        const auto path = cache.lookup(u"k1"_s);
        QVERIFY(path);
        QFile f(*path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), "hello transcode"_ba);
        QCOMPARE(cache.totalBytes(), 15);
    }
    TranscodeCache reopened(dir.path(), 1024 * 1024);
    reopened.load();
    QVERIFY(reopened.lookup(u"k1"_s));
    QCOMPARE(reopened.entryCount(), 1);
    reopened.clear();
    QVERIFY(!reopened.lookup(u"k1"_s));

    TranscodeCache disabled(dir.path(), 0);
    QVERIFY(!disabled.writer(u"k2"_s, u"mp3"_s));
}

void TestTranscodeRules::cacheNeverKeepsPartialTranscodes()
{
    QTemporaryDir dir;
    TranscodeCache cache(dir.path(), 1024 * 1024);
    cache.load();
    writeCacheEntry(cache, u"partial"_s, "half a song", false);   // the writer dies uncommitted
    QVERIFY(!cache.lookup(u"partial"_s));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());

    // A crash leaves a .part file behind: the next start removes it and never serves it.
    QFile leftover(dir.filePath(u"crashed-123.mp3.part"_s));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.write("partial");
    leftover.close();
    TranscodeCache restarted(dir.path(), 1024 * 1024);
    restarted.load();
    QVERIFY(!leftover.exists());
    QCOMPARE(restarted.entryCount(), 0);
}

void TestTranscodeRules::cacheEvictsLeastRecentlyUsed()
{
    QTemporaryDir dir;
    TranscodeCache cache(dir.path(), 250);
    cache.load();
    writeCacheEntry(cache, u"a"_s, QByteArray(100, 'a'));
    QTest::qWait(5);
    writeCacheEntry(cache, u"b"_s, QByteArray(100, 'b'));
    QTest::qWait(5);
    QVERIFY(cache.lookup(u"a"_s));   // a is now more recent than b
    QTest::qWait(5);
    writeCacheEntry(cache, u"c"_s, QByteArray(100, 'c'));
    QVERIFY(cache.lookup(u"a"_s));
    QVERIFY(!cache.lookup(u"b"_s));
    QVERIFY(cache.lookup(u"c"_s));
    QCOMPARE(cache.totalBytes(), 200);
    cache.setMaxBytes(150);
    QCOMPARE(cache.entryCount(), 1);
}

void TestTranscodeRules::cacheKeyFollowsTheSource()
{
    const OutputSpec spec{OutputFormat::Mp3, 320, 44100, 2};
    const QDateTime mtime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const QString key = transcodeCacheKey(7, 1000, mtime, spec);
    QCOMPARE(transcodeCacheKey(7, 1000, mtime, spec), key);
    QVERIFY(transcodeCacheKey(7, 1001, mtime, spec) != key);
    QVERIFY(transcodeCacheKey(7, 1000, mtime.addSecs(1), spec) != key);
    QVERIFY(transcodeCacheKey(8, 1000, mtime, spec) != key);
    QVERIFY(transcodeCacheKey(7, 1000, mtime, {OutputFormat::Mp3, 256, 44100, 2}) != key);
}

QTEST_GUILESS_MAIN(TestTranscodeRules)
#include "tst_transcode_rules.moc"
