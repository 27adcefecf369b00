// DLNA media profiles: which PN a file or a transcode gets (and when none), the contentFeatures
// and protocolInfo strings renderers read, and which items deserve a compatible copy.

#include "dlna/DlnaProfile.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::dlna;

namespace {

constexpr auto kFlags = "01700000000000000000000000000000";

Track audio(const QString &format, const QString &codec, int kbps, int rate, int channels)
{
    Track t;
    t.kind = MediaKind::Audio;
    t.format = format;
    t.codec = codec;
    t.bitrate = kbps;
    t.sampleRate = rate;
    t.channels = channels;
    return t;
}

Track video(const QString &format, const QString &codec, int width = 1280, int height = 720)
{
    Track t;
    t.kind = MediaKind::Video;
    t.format = format;
    t.codec = codec;
    t.width = width;
    t.height = height;
    t.bitrate = 2500;
    return t;
}

} // namespace

class TestDlnaProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileProfiles_data();
    void fileProfiles();
    void transcodeProfiles_data();
    void transcodeProfiles();
    void contentFeaturesStrings_data();
    void contentFeaturesStrings();
    void protocolInfoString();
    void flagsAreTheDlnaBits();
    void compatibleCopy_data();
    void compatibleCopy();
};

void TestDlnaProfile::fileProfiles_data()
{
    QTest::addColumn<Track>("track");
    QTest::addColumn<QByteArray>("mime");
    QTest::addColumn<QByteArray>("profile");

    QTest::newRow("mp3 320k 44.1 stereo") << audio(u"mp3"_s, u"mp3"_s, 320, 44100, 2) << "audio/mpeg"_ba << "MP3"_ba;
    QTest::newRow("mp3 48k mono") << audio(u"mp3"_s, u"mp3"_s, 128, 48000, 1) << "audio/mpeg"_ba << "MP3"_ba;
    QTest::newRow("mp3 upper-case ext") << audio(u"MP3"_s, u"mp3"_s, 192, 32000, 2) << "audio/mpeg"_ba << "MP3"_ba;
    QTest::newRow("mp3 22.05 (MPEG-2)") << audio(u"mp3"_s, u"mp3"_s, 64, 22050, 2) << "audio/mpeg"_ba << "MP3X"_ba;
    QTest::newRow("mp3 11.025 (MPEG-2.5)") << audio(u"mp3"_s, u"mp3"_s, 32, 11025, 1) << "audio/mpeg"_ba << ""_ba;
    QTest::newRow("mp3 unknown rate") << audio(u"mp3"_s, u"mp3"_s, 128, 0, 2) << "audio/mpeg"_ba << ""_ba;
    QTest::newRow("mp3 5.1") << audio(u"mp3"_s, u"mp3"_s, 320, 48000, 6) << "audio/mpeg"_ba << ""_ba;

    QTest::newRow("m4a aac 256k") << audio(u"m4a"_s, u"aac"_s, 256, 44100, 2) << "audio/mp4"_ba << "AAC_ISO_320"_ba;
    QTest::newRow("m4a aac 320k") << audio(u"m4a"_s, u"aac"_s, 320, 48000, 2) << "audio/mp4"_ba << "AAC_ISO_320"_ba;
    QTest::newRow("m4a aac 400k") << audio(u"m4a"_s, u"aac"_s, 400, 48000, 2) << "audio/mp4"_ba << "AAC_ISO"_ba;
    QTest::newRow("m4a aac bitrate unknown") << audio(u"m4a"_s, u"aac"_s, 0, 44100, 2) << "audio/mp4"_ba
                                             << "AAC_ISO"_ba;
    QTest::newRow("m4a aac 700k") << audio(u"m4a"_s, u"aac"_s, 700, 48000, 2) << "audio/mp4"_ba << ""_ba;
    QTest::newRow("m4a aac 5.1") << audio(u"m4a"_s, u"aac"_s, 640, 48000, 6) << "audio/mp4"_ba << "AAC_MULT5_ISO"_ba;
    QTest::newRow("m4a aac 96 kHz") << audio(u"m4a"_s, u"aac"_s, 256, 96000, 2) << "audio/mp4"_ba << ""_ba;
    QTest::newRow("m4a alac") << audio(u"m4a"_s, u"alac"_s, 900, 44100, 2) << "audio/mp4"_ba << ""_ba;
    QTest::newRow("aac adts 128k") << audio(u"aac"_s, u"aac"_s, 128, 44100, 2) << "audio/vnd.dlna.adts"_ba
                                   << "AAC_ADTS_320"_ba;
    QTest::newRow("aac adts 512k") << audio(u"aac"_s, u"aac"_s, 512, 44100, 2) << "audio/vnd.dlna.adts"_ba
                                   << "AAC_ADTS"_ba;

    QTest::newRow("wma 128k") << audio(u"wma"_s, u"wmav2"_s, 128, 44100, 2) << "audio/x-ms-wma"_ba << "WMABASE"_ba;
    QTest::newRow("wma 320k") << audio(u"wma"_s, u"wmav2"_s, 320, 44100, 2) << "audio/x-ms-wma"_ba << "WMAFULL"_ba;
    QTest::newRow("wma pro") << audio(u"wma"_s, u"wmapro"_s, 320, 96000, 6) << "audio/x-ms-wma"_ba << ""_ba;

    // No profile applies (WAV is not DLNA's LPCM, which is raw audio/L16).
    QTest::newRow("wav") << audio(u"wav"_s, u"pcm_s16le"_s, 1411, 44100, 2) << "audio/wav"_ba << ""_ba;
    QTest::newRow("flac") << audio(u"flac"_s, u"flac"_s, 900, 44100, 2) << "audio/flac"_ba << ""_ba;
    QTest::newRow("ogg vorbis") << audio(u"ogg"_s, u"vorbis"_s, 192, 44100, 2) << "audio/ogg"_ba << ""_ba;
    QTest::newRow("opus") << audio(u"opus"_s, u"opus"_s, 96, 48000, 2) << "audio/ogg"_ba << ""_ba;
    QTest::newRow("wavpack") << audio(u"wv"_s, u"wavpack"_s, 800, 44100, 2) << "audio/x-wavpack"_ba << ""_ba;
    QTest::newRow("ape") << audio(u"ape"_s, u"ape"_s, 800, 44100, 2) << "audio/x-ape"_ba << ""_ba;
    QTest::newRow("unknown") << audio(u"xyz"_s, u""_s, 0, 0, 0) << "application/octet-stream"_ba << ""_ba;

    // Videos: the catalog cannot prove an AVC_/MPEG_ profile, so none is claimed.
    QTest::newRow("mp4 h264") << video(u"mp4"_s, u"h264"_s) << "video/mp4"_ba << ""_ba;
    QTest::newRow("mkv") << video(u"mkv"_s, u"h264"_s) << "video/x-matroska"_ba << ""_ba;
    QTest::newRow("avi") << video(u"avi"_s, u"mpeg4"_s) << "video/x-msvideo"_ba << ""_ba;
    QTest::newRow("mpeg") << video(u"mpg"_s, u"mpeg2video"_s) << "video/mpeg"_ba << ""_ba;
    QTest::newRow("ts") << video(u"ts"_s, u"h264"_s) << "video/mp2t"_ba << ""_ba;
    QTest::newRow("webm") << video(u"webm"_s, u"vp9"_s) << "video/webm"_ba << ""_ba;
    QTest::newRow("mov") << video(u"mov"_s, u"h264"_s) << "video/quicktime"_ba << ""_ba;
}

void TestDlnaProfile::fileProfiles()
{
    QFETCH(Track, track);
    QFETCH(QByteArray, mime);
    QFETCH(QByteArray, profile);
    const DlnaMedia media = dlnaMediaOf(track);
    QCOMPARE(media.mimeType, mime);
    QCOMPARE(media.profile, profile);
}

void TestDlnaProfile::transcodeProfiles_data()
{
    QTest::addColumn<OutputFormat>("format");
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QByteArray>("mime");
    QTest::addColumn<QByteArray>("profile");

    QTest::newRow("mp3 44.1 stereo") << OutputFormat::Mp3 << 44100 << 2 << "audio/mpeg"_ba << "MP3"_ba;
    QTest::newRow("mp3 48 mono") << OutputFormat::Mp3 << 48000 << 1 << "audio/mpeg"_ba << "MP3"_ba;
    QTest::newRow("mp3 24 kHz") << OutputFormat::Mp3 << 24000 << 2 << "audio/mpeg"_ba << "MP3X"_ba;
    QTest::newRow("wav") << OutputFormat::Wav << 44100 << 2 << "audio/wav"_ba << ""_ba;
    QTest::newRow("adts stereo") << OutputFormat::AacAdts << 44100 << 2 << "audio/vnd.dlna.adts"_ba << "AAC_ADTS"_ba;
    QTest::newRow("adts 5.1") << OutputFormat::AacAdts << 48000 << 6 << "audio/vnd.dlna.adts"_ba
                              << "AAC_MULT5_ADTS"_ba;
    QTest::newRow("fragmented m4a") << OutputFormat::AacM4a << 44100 << 2 << "audio/mp4"_ba << ""_ba;
    QTest::newRow("opus") << OutputFormat::Opus << 48000 << 2 << "audio/ogg"_ba << ""_ba;
    QTest::newRow("vorbis") << OutputFormat::Vorbis << 44100 << 2 << "audio/ogg"_ba << ""_ba;
    QTest::newRow("flac") << OutputFormat::Flac << 44100 << 2 << "audio/flac"_ba << ""_ba;
}

void TestDlnaProfile::transcodeProfiles()
{
    QFETCH(OutputFormat, format);
    QFETCH(int, rate);
    QFETCH(int, channels);
    QFETCH(QByteArray, mime);
    QFETCH(QByteArray, profile);
    const DlnaMedia media = dlnaMediaOfTranscode(format, rate, channels);
    QCOMPARE(media.mimeType, mime);
    QCOMPARE(media.profile, profile);
}

void TestDlnaProfile::contentFeaturesStrings_data()
{
    QTest::addColumn<DlnaMedia>("media");
    QTest::addColumn<DlnaSeek>("seek");
    QTest::addColumn<bool>("transcoded");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray flags = kFlags;
    QTest::newRow("mp3 file") << dlnaMediaOf(audio(u"mp3"_s, u"mp3"_s, 320, 44100, 2)) << DlnaSeek::Bytes << false
                              << "DLNA.ORG_PN=MP3;DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("flac file") << dlnaMediaOf(audio(u"flac"_s, u"flac"_s, 900, 44100, 2)) << DlnaSeek::Bytes << false
                               << "DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("m4a file") << dlnaMediaOf(audio(u"m4a"_s, u"aac"_s, 256, 44100, 2)) << DlnaSeek::Bytes << false
                              << "DLNA.ORG_PN=AAC_ISO_320;DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("wav file") << dlnaMediaOf(audio(u"wav"_s, u"pcm_s16le"_s, 1411, 44100, 2)) << DlnaSeek::Bytes
                              << false << "DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("opus file") << dlnaMediaOf(audio(u"opus"_s, u"opus"_s, 96, 48000, 2)) << DlnaSeek::Bytes << false
                               << "DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("mkv file") << dlnaMediaOf(video(u"mkv"_s, u"h264"_s)) << DlnaSeek::Bytes << false
                              << "DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("mp4 file") << dlnaMediaOf(video(u"mp4"_s, u"h264"_s)) << DlnaSeek::Bytes << false
                              << "DLNA.ORG_OP=01;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("mp3 CBR transcode")
        << dlnaMediaOfTranscode(OutputFormat::Mp3, 44100, 2) << DlnaSeek::BytesAndTime << true
        << "DLNA.ORG_PN=MP3;DLNA.ORG_OP=11;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("wav transcode") << dlnaMediaOfTranscode(OutputFormat::Wav, 44100, 2) << DlnaSeek::BytesAndTime
                                   << true << "DLNA.ORG_OP=11;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("opus transcode, time seek") << dlnaMediaOfTranscode(OutputFormat::Opus, 48000, 2) << DlnaSeek::Time
                                               << true << "DLNA.ORG_OP=10;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=" + flags;
    // The MPEG-TS copy of a video: no PN (no AVC_TS profile holds for every rung), time seek only.
    QTest::newRow("video MPEG-TS copy") << dlnaMediaOfVideoTranscode() << DlnaSeek::Time << true
                                        << "DLNA.ORG_OP=10;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=" + flags;
    QTest::newRow("no seek") << dlnaMediaOfTranscode(OutputFormat::Mp3, 44100, 2) << DlnaSeek::None << true
                             << "DLNA.ORG_PN=MP3;DLNA.ORG_OP=00;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=" + flags;
}

void TestDlnaProfile::contentFeaturesStrings()
{
    QFETCH(DlnaMedia, media);
    QFETCH(DlnaSeek, seek);
    QFETCH(bool, transcoded);
    QFETCH(QByteArray, expected);
    QCOMPARE(contentFeatures(media, seek, transcoded), expected);
}

void TestDlnaProfile::protocolInfoString()
{
    QCOMPARE(protocolInfo(dlnaMediaOf(audio(u"mp3"_s, u"mp3"_s, 320, 44100, 2)), DlnaSeek::Bytes, false),
             u"http-get:*:audio/mpeg:DLNA.ORG_PN=MP3;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
             "DLNA.ORG_FLAGS=01700000000000000000000000000000"_s);
    QCOMPARE(protocolInfo(dlnaMediaOfTranscode(OutputFormat::Wav, 48000, 2), DlnaSeek::BytesAndTime, true),
             u"http-get:*:audio/wav:DLNA.ORG_OP=11;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=01700000000000000000000000000000"_s);
    QCOMPARE(protocolInfo(dlnaMediaOfVideoTranscode(), DlnaSeek::Time, true),
             u"http-get:*:video/mpeg:DLNA.ORG_OP=10;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=01700000000000000000000000000000"_s);
    QCOMPARE(protocolInfo(dlnaMediaOf(video(u"mkv"_s, u"hevc"_s)), DlnaSeek::Bytes, false),
             u"http-get:*:video/x-matroska:DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
             "DLNA.ORG_FLAGS=01700000000000000000000000000000"_s);
}

void TestDlnaProfile::flagsAreTheDlnaBits()
{
    // Streaming transfer (bit 24), background transfer (22), connection stall (21), DLNA 1.5 (20);
    // not interactive (23, images), nor the limited-operation or sender-paced bits.
    const QByteArray features = contentFeatures({"audio/mpeg", {}}, DlnaSeek::Bytes, false);
    const QByteArray flags = features.mid(features.indexOf("DLNA.ORG_FLAGS=") + 15);
    QCOMPARE(flags.size(), 32);
    bool ok = false;
    const quint32 primary = flags.left(8).toUInt(&ok, 16);
    QVERIFY(ok);
    QCOMPARE(primary, (1u << 24) | (1u << 22) | (1u << 21) | (1u << 20));
    QCOMPARE(flags.mid(8), QByteArray(24, '0'));
}

void TestDlnaProfile::compatibleCopy_data()
{
    QTest::addColumn<Track>("track");
    QTest::addColumn<bool>("needed");

    QTest::newRow("mp3") << audio(u"mp3"_s, u"mp3"_s, 320, 44100, 2) << false;
    QTest::newRow("m4a aac") << audio(u"m4a"_s, u"aac"_s, 256, 44100, 2) << false;
    QTest::newRow("adts") << audio(u"aac"_s, u"aac"_s, 256, 44100, 2) << false;
    QTest::newRow("wav") << audio(u"wav"_s, u"pcm_s16le"_s, 1411, 44100, 2) << false;
    QTest::newRow("flac") << audio(u"flac"_s, u"flac"_s, 900, 44100, 2) << true;
    QTest::newRow("opus") << audio(u"opus"_s, u"opus"_s, 96, 48000, 2) << true;
    QTest::newRow("ogg") << audio(u"ogg"_s, u"vorbis"_s, 192, 44100, 2) << true;
    QTest::newRow("wavpack") << audio(u"wv"_s, u"wavpack"_s, 800, 44100, 2) << true;
    QTest::newRow("ape") << audio(u"ape"_s, u"ape"_s, 800, 44100, 2) << true;
    QTest::newRow("wma") << audio(u"wma"_s, u"wmav2"_s, 128, 44100, 2) << true;
    QTest::newRow("alac") << audio(u"m4a"_s, u"alac"_s, 900, 44100, 2) << true;
    QTest::newRow("dsf") << audio(u"dsf"_s, u"dsd_lsbf"_s, 5645, 2822400, 2) << true;
    QTest::newRow("dff") << audio(u"dff"_s, u"dsd_msbf"_s, 5645, 2822400, 2) << true;
    QTest::newRow("mp4 h264") << video(u"mp4"_s, u"h264"_s) << false;
    QTest::newRow("mp4 hevc") << video(u"mp4"_s, u"hevc"_s) << true;
    QTest::newRow("mkv") << video(u"mkv"_s, u"h264"_s) << true;
    QTest::newRow("webm") << video(u"webm"_s, u"vp9"_s) << true;
    QTest::newRow("avi") << video(u"avi"_s, u"mpeg4"_s) << true;
}

void TestDlnaProfile::compatibleCopy()
{
    QFETCH(Track, track);
    QFETCH(bool, needed);
    QCOMPARE(needsCompatibleCopy(track), needed);
}

QTEST_APPLESS_MAIN(TestDlnaProfile)
#include "tst_dlna_profile.moc"
