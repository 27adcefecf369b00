// Lyrics from real files' tags through the scanner into the catalog: ID3v2 USLT (two
// languages) and SYLT, Vorbis comments with LRC, MP4 ©lyr, APE, Matroska through FFmpeg;
// files without lyrics, oversized and broken tags, rescans that change or remove them, and
// who may read them.

#include "TestCatalog.h"

#include "MediaFixtures.h"

#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/LyricsRepository.h"
#include "catalog/TrackRepository.h"
#include "scan/LibraryScanner.h"

#include "MigrationRunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <apetag.h>
#include <asffile.h>
#include <flacfile.h>
#include <id3v2tag.h>
#include <mpegfile.h>
#include <synchronizedlyricsframe.h>
#include <unsynchronizedlyricsframe.h>
#include <wavpackfile.h>
#include <xiphcomment.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

TagLib::String toTagLib(const QString &text)
{
    return TagLib::String(text.toStdString(), TagLib::String::UTF8);
}

struct Uslt
{
    QByteArray language;   // three bytes
    QString description;
    QString text;
};

bool addUslt(const QString &path, const QList<Uslt> &frames, TagLib::String::Type encoding = TagLib::String::UTF8)
{
    TagLib::MPEG::File file(QFile::encodeName(path).constData());
    if (!file.isValid())
        return false;
    for (const Uslt &uslt : frames) {
        auto *frame = new TagLib::ID3v2::UnsynchronizedLyricsFrame(encoding);
        frame->setLanguage(TagLib::ByteVector(uslt.language.constData(), 3));
        frame->setDescription(toTagLib(uslt.description));
        frame->setText(toTagLib(uslt.text));
        file.ID3v2Tag(true)->addFrame(frame);
    }
    return file.save();
}

using SyltFrame = TagLib::ID3v2::SynchronizedLyricsFrame;

bool addSylt(const QString &path, SyltFrame::TimestampFormat format, const QList<std::pair<uint, QString>> &texts)
{
    TagLib::MPEG::File file(QFile::encodeName(path).constData());
    if (!file.isValid())
        return false;
    auto *frame = new SyltFrame(TagLib::String::UTF16);
    frame->setLanguage("deu");
    frame->setDescription(toTagLib(u"Karaoke"_s));
    frame->setTimestampFormat(format);
    frame->setType(SyltFrame::Lyrics);
    SyltFrame::SynchedTextList list;
    for (const auto &[time, text] : texts)
        list.append(SyltFrame::SynchedText(time, toTagLib(text)));
    frame->setSynchedText(list);
    file.ID3v2Tag(true)->addFrame(frame);
    return file.save();
}

bool addFlacLyrics(const QString &path, const QString &text)
{
    TagLib::FLAC::File file(QFile::encodeName(path).constData());
    if (!file.isValid())
        return false;
    file.xiphComment(true)->addField("LYRICS", toTagLib(text), false);
    return file.save();
}

bool addApeLyrics(const QString &path, const QString &text)
{
    TagLib::WavPack::File file(QFile::encodeName(path).constData());
    if (!file.isValid())
        return false;
    file.APETag(true)->addValue("Lyrics", toTagLib(text));
    return file.save();
}

bool addWmaLyrics(const QString &path, const QString &text)
{
    TagLib::ASF::File file(QFile::encodeName(path).constData());
    if (!file.isValid())
        return false;
    file.tag()->setAttribute("WM/Lyrics", TagLib::ASF::Attribute(toTagLib(text)));
    return file.save();
}

// Replaces `from` by `to` (the same length) in the file's bytes: tags with invalid UTF-8 that
// no tag writer would produce.
bool patchBytes(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QFile file(path);
    if (from.size() != to.size() || !file.open(QIODevice::ReadWrite))
        return false;
    QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf(from);
    if (at < 0)
        return false;
    bytes.replace(at, from.size(), to);
    return file.seek(0) && file.write(bytes) == bytes.size();
}

bool copy(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).path());
    QFile::remove(to);
    return QFile::copy(from, to);
}

// Moves the file's modification time on, so the next scan reads it again.
bool touchLater(const QString &path, int seconds)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(seconds), QFileDevice::FileModificationTime);
}

QStringList texts(const Lyrics &lyrics)
{
    QStringList out;
    for (const LyricLine &line : lyrics.lines)
        out << line.text;
    return out;
}

QList<qint64> starts(const Lyrics &lyrics)
{
    QList<qint64> out;
    for (const LyricLine &line : lyrics.lines)
        out << line.startMs;
    return out;
}

qint64 scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

const QString kLrc = u"[ar:Someone]\r\n[offset:-120]\r\n[00:01.00]First line\r\n[00:02.50][00:04.00]Twice\r\n"
                     "[00:03.25]Third line\r\n"_s;

} // namespace

class TestLyrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void usltInTwoLanguages();
    void syltInMilliseconds();
    void syltInMpegFrames();
    void syltBytesOutsideTheEnums();
    void flacLrcIsSynced();
    void opusUnsyncedLyrics();
    void mp4Lyrics();
    void apeLyrics();
    void wmaLyrics();
    void matroskaThroughFfmpeg();
    void noLyrics();
    void videoHasNone();
    void oversizedTagIsCut();
    void invalidUtf8IsNoCrash();
    void unpairedSurrogateIsReplaced();
    void rescanRewritesAndClears();
    void removedTrackTakesItsLyrics();
    void visibility();
    void upgradedCatalogRereadsAudio();

private:
    QString fixture(const QString &name) const { return m_fixtures.filePath(name); }
    QString lib(const QString &relative) const { return m_library->filePath(relative); }
    ScanSummary scan() { return m_scanner->scanNow(); }
    // Copies `source` into the library as `target`, scans, and returns the track's lyrics.
    QList<Lyrics> scanned(const QString &source, const QString &target);
    qint64 trackId(const QString &path) const;

    QTemporaryDir m_fixtures;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_dbDir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    qint64 m_folderId = 0;
};

void TestLyrics::initTestCase()
{
    QVERIFY(m_fixtures.isValid());
    const test::Tags title{{u"title"_s, u"Song"_s}};
    for (const QString &name : {u"plain.mp3"_s, u"uslt.mp3"_s, u"uslt2.mp3"_s, u"sylt.mp3"_s, u"frames.mp3"_s,
                                u"oddtype.mp3"_s, u"oddunit.mp3"_s, u"huge.flac"_s, u"utf8.flac"_s, u"utf16.mp3"_s, u"ape.wv"_s, u"tagged.wma"_s}) {
        const QString error = test::makeAudio(fixture(name), 1.0, title);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QList<std::pair<QString, test::Tags>> withFfmpegTags{
        {u"lrc.flac"_s, {{u"lyrics"_s, kLrc}}},
        {u"unsynced.opus"_s, {{u"UNSYNCEDLYRICS"_s, u"Opus words\nsecond line"_s}}},
        {u"lyrics.m4a"_s, {{u"lyrics"_s, u"MP4 words\rsecond line"_s}}},
        {u"lyrics.mka"_s, {{u"lyrics-eng"_s, u"Matroska words"_s}}},
        {u"ffmpeg.wma"_s, {{u"lyrics"_s, u"FFmpeg WMA words"_s}}},
    };
    for (const auto &[name, tags] : withFfmpegTags) {
        const QString error = test::makeAudio(fixture(name), 1.0, tags);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QString video = test::makeVideo(fixture(u"clip.mp4"_s), 1.0);
    QVERIFY2(video.isEmpty(), qPrintable(video));

    QVERIFY(addUslt(fixture(u"uslt.mp3"_s),
                    {{"eng", u"Verse"_s, u"Hello 😀\r\nsecond line\r\n"_s},
                     {"DEU", QString(), u"Hallo\rzweite Zeile"_s}}));
    QVERIFY(addUslt(fixture(u"uslt2.mp3"_s), {{"fra", QString(), u"Bonjour"_s}}));
    QVERIFY(addSylt(fixture(u"sylt.mp3"_s), SyltFrame::AbsoluteMilliseconds,
                    {{500, u"Eins"_s}, {1500, u"Zwei"_s}, {1000, u"Anderthalb"_s}}));
    QVERIFY(addSylt(fixture(u"frames.mp3"_s), SyltFrame::AbsoluteMpegFrames, {{0, u"Null"_s}, {100, u"Hundert"_s}}));
    // SYLT's time unit and content type bytes as a broken file has them (0x6e, 0x07): after the
    // encoding and the language come the unit (2 = ms) and the type (1 = lyrics).
    for (const QString &name : {u"oddtype.mp3"_s, u"oddunit.mp3"_s})
        QVERIFY(addSylt(fixture(name), SyltFrame::AbsoluteMilliseconds, {{0, u"Eins"_s}, {500, u"Zwei"_s}}));
    QVERIFY(patchBytes(fixture(u"oddtype.mp3"_s), "deu\x02\x01"_ba, "deu\x02\x6e"_ba));
    QVERIFY(patchBytes(fixture(u"oddunit.mp3"_s), "deu\x02\x01"_ba, "deu\x07\x01"_ba));
    QVERIFY(addApeLyrics(fixture(u"ape.wv"_s), u"APE words"_s));
    QVERIFY(addWmaLyrics(fixture(u"tagged.wma"_s), u"WMA words\r\nline two"_s));

    // 600 KiB of plain lines: more than a track may keep.
    QStringList lines;
    for (int i = 0; i < 13000; ++i)
        lines << u"Line %1 of a very long song that goes on and on"_s.arg(i, 5, 10, QChar(u'0'));
    QVERIFY(lines.join(u'\n').toUtf8().size() > 600 * 1024);
    QVERIFY(addFlacLyrics(fixture(u"huge.flac"_s), lines.join(u'\n')));

    QVERIFY(addFlacLyrics(fixture(u"utf8.flac"_s), u"Good line\nBAD-UTF8\nlast line"_s));
    QVERIFY(patchBytes(fixture(u"utf8.flac"_s), "BAD-UTF8"_ba, "\xff\xfe\xc3(\xed\xa0\x80!"_ba));
    // UTF-16 with an unpaired surrogate where the B was (TagLib writes UTF-16 little-endian).
    QVERIFY(addUslt(fixture(u"utf16.mp3"_s), {{"eng", QString(), u"Good\r\nBAD!\r\nend"_s}}, TagLib::String::UTF16));
    QVERIFY(patchBytes(fixture(u"utf16.mp3"_s), QByteArray("B\0A\0D\0!\0", 8), QByteArray("\0\xd8" "A\0D\0!\0", 8)));
}

void TestLyrics::init()
{
    m_library = std::make_unique<QTemporaryDir>();
    m_dbDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_library->isValid() && m_dbDir->isValid());
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dbDir->filePath(u"catalog.sqlite"_s)));
    QVERIFY(!m_db->open());
    const auto folder = FolderRepository(*m_db).add(m_library->path());
    QVERIFY(folder);
    m_folderId = folder->id;
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
}

void TestLyrics::cleanup()
{
    m_scanner.reset();
    m_db.reset();
    m_dbDir.reset();
    m_library.reset();
}

qint64 TestLyrics::trackId(const QString &path) const
{
    const TrackPage page = TrackRepository(*m_db).list(0, 1000);
    for (const Track &track : page.items) {
        if (track.path == path)
            return track.id;
    }
    return 0;
}

QList<Lyrics> TestLyrics::scanned(const QString &source, const QString &target)
{
    if (!copy(fixture(source), lib(target)))
        return {};
    const ScanSummary summary = scan();
    if (summary.errors != 0 || summary.added + summary.updated != 1)
        qWarning() << "unexpected scan of" << source << summary.added << summary.updated << summary.errors;
    const qint64 id = trackId(lib(target));
    if (id == 0)
        qWarning() << source << "did not enter the catalog";
    return LyricsRepository(*m_db).forTrack(id, Visibility::everything());
}

void TestLyrics::usltInTwoLanguages()
{
    const QList<Lyrics> lyrics = scanned(u"uslt.mp3"_s, u"a/uslt.mp3"_s);
    QCOMPARE(lyrics.size(), 2);
    QCOMPARE(lyrics.at(0).language, u"eng"_s);
    QCOMPARE(lyrics.at(0).description, u"Verse"_s);
    QVERIFY(!lyrics.at(0).synced);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"Hello 😀"_s, u"second line"_s}));
    QCOMPARE(starts(lyrics.at(0)), (QList<qint64>{-1, -1}));
    QCOMPARE(lyrics.at(1).language, u"deu"_s);
    QCOMPARE(lyrics.at(1).description, QString());
    QCOMPARE(texts(lyrics.at(1)), (QStringList{u"Hallo"_s, u"zweite Zeile"_s}));
}

void TestLyrics::syltInMilliseconds()
{
    const QList<Lyrics> lyrics = scanned(u"sylt.mp3"_s, u"a/sylt.mp3"_s);
    QCOMPARE(lyrics.size(), 1);
    QVERIFY(lyrics.at(0).synced);
    QCOMPARE(lyrics.at(0).language, u"deu"_s);
    QCOMPARE(lyrics.at(0).description, u"Karaoke"_s);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"Eins"_s, u"Anderthalb"_s, u"Zwei"_s}));
    QCOMPARE(starts(lyrics.at(0)), (QList<qint64>{500, 1000, 1500}));
}

void TestLyrics::syltInMpegFrames()
{
    // 44.1 kHz MPEG-1 Layer III: 1152 samples a frame, 100 frames = 2612 ms.
    const QList<Lyrics> lyrics = scanned(u"frames.mp3"_s, u"a/frames.mp3"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(starts(lyrics.at(0)), (QList<qint64>{0, 2612}));
}

// Found by fuzz_tags (tests/fuzz/regressions/fuzz_tags/sylt-content-type-110): TagLib keeps
// these bytes in its enums as they are, and holding such a value as an enum was undefined
// behaviour (the sanitizer build of this suite fails on it).
void TestLyrics::syltBytesOutsideTheEnums()
{
    QVERIFY(scanned(u"oddtype.mp3"_s, u"a/oddtype.mp3"_s).isEmpty());   // not lyrics: skipped
    const QList<Lyrics> lyrics = scanned(u"oddunit.mp3"_s, u"a/oddunit.mp3"_s);
    QCOMPARE(lyrics.size(), 1);   // words in a time unit we cannot convert: kept, unsynced
    QVERIFY(!lyrics.at(0).synced);
    QCOMPARE(texts(lyrics.at(0)), QStringList{u"EinsZwei"_s});
}

void TestLyrics::flacLrcIsSynced()
{
    const QList<Lyrics> lyrics = scanned(u"lrc.flac"_s, u"a/lrc.flac"_s);
    QCOMPARE(lyrics.size(), 1);
    QVERIFY(lyrics.at(0).synced);
    QCOMPARE(lyrics.at(0).language, u"xxx"_s);
    QCOMPARE(lyrics.at(0).offsetMs, -120);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"First line"_s, u"Twice"_s, u"Third line"_s, u"Twice"_s}));
    QCOMPARE(starts(lyrics.at(0)), (QList<qint64>{1000, 2500, 3250, 4000}));
}

void TestLyrics::opusUnsyncedLyrics()
{
    const QList<Lyrics> lyrics = scanned(u"unsynced.opus"_s, u"a/unsynced.opus"_s);
    QCOMPARE(lyrics.size(), 1);
    QVERIFY(!lyrics.at(0).synced);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"Opus words"_s, u"second line"_s}));
}

void TestLyrics::mp4Lyrics()
{
    const QList<Lyrics> lyrics = scanned(u"lyrics.m4a"_s, u"a/lyrics.m4a"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"MP4 words"_s, u"second line"_s}));
}

void TestLyrics::apeLyrics()
{
    const QList<Lyrics> lyrics = scanned(u"ape.wv"_s, u"a/ape.wv"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(texts(lyrics.at(0)), QStringList{u"APE words"_s});
}

void TestLyrics::wmaLyrics()
{
    QList<Lyrics> lyrics = scanned(u"tagged.wma"_s, u"a/tagged.wma"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"WMA words"_s, u"line two"_s}));
    // FFmpeg names its attribute "lyrics", not WM/Lyrics.
    lyrics = scanned(u"ffmpeg.wma"_s, u"a/ffmpeg.wma"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(texts(lyrics.at(0)), QStringList{u"FFmpeg WMA words"_s});
}

void TestLyrics::matroskaThroughFfmpeg()
{
    // TagLib 1.13 cannot read Matroska: FFmpeg's tags, with the language in the key.
    const QList<Lyrics> lyrics = scanned(u"lyrics.mka"_s, u"a/lyrics.mka"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(lyrics.at(0).language, u"eng"_s);
    QCOMPARE(texts(lyrics.at(0)), QStringList{u"Matroska words"_s});
}

void TestLyrics::noLyrics()
{
    QVERIFY(scanned(u"plain.mp3"_s, u"a/plain.mp3"_s).isEmpty());
    QVERIFY(trackId(lib(u"a/plain.mp3"_s)) > 0);
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM lyrics"_s), 0);
}

void TestLyrics::videoHasNone()
{
    QVERIFY(scanned(u"clip.mp4"_s, u"films/clip.mp4"_s).isEmpty());
    QVERIFY(trackId(lib(u"films/clip.mp4"_s)) > 0);
}

void TestLyrics::oversizedTagIsCut()
{
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"lyrics of .*huge.flac.* cut"_s));
    const QList<Lyrics> lyrics = scanned(u"huge.flac"_s, u"a/huge.flac"_s);
    QCOMPARE(lyrics.size(), 1);
    const QStringList lines = texts(lyrics.at(0));
    QCOMPARE(lines.constFirst(), u"Line 00000 of a very long song that goes on and on"_s);
    const qsizetype bytes = lines.join(u'\n').toUtf8().size() + 1;
    QVERIFY2(bytes <= 256 * 1024, qPrintable(QString::number(bytes)));
    QVERIFY2(bytes > 255 * 1024, qPrintable(QString::number(bytes)));
    QVERIFY(lines.size() < 13000);
}

void TestLyrics::invalidUtf8IsNoCrash()
{
    // TagLib 1.13 drops a Vorbis comment whose UTF-8 is invalid: the track is read, without
    // lyrics; whatever a later TagLib keeps must be valid text.
    const QList<Lyrics> lyrics = scanned(u"utf8.flac"_s, u"a/utf8.flac"_s);
    QVERIFY(trackId(lib(u"a/utf8.flac"_s)) > 0);
    QVERIFY(lyrics.size() <= 1);
    for (const Lyrics &entry : lyrics) {
        const QString text = texts(entry).join(u'\n');
        QCOMPARE(QString::fromUtf8(text.toUtf8()), text);
        QVERIFY(text.startsWith(u"Good line"_s));
    }
}

void TestLyrics::unpairedSurrogateIsReplaced()
{
    const QList<Lyrics> lyrics = scanned(u"utf16.mp3"_s, u"a/utf16.mp3"_s);
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(texts(lyrics.at(0)), (QStringList{u"Good"_s, u"\uFFFDAD!"_s, u"end"_s}));
}

void TestLyrics::rescanRewritesAndClears()
{
    const QString path = lib(u"a/song.mp3"_s);
    QCOMPARE(scanned(u"uslt.mp3"_s, u"a/song.mp3"_s).size(), 2);
    const qint64 id = trackId(path);

    // Other lyrics: replaced, not added.
    QVERIFY(copy(fixture(u"uslt2.mp3"_s), path));
    QVERIFY(touchLater(path, 60));
    QCOMPARE(scan().updated, 1);
    QCOMPARE(trackId(path), id);
    const QList<Lyrics> changed = LyricsRepository(*m_db).forTrack(id, Visibility::everything());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).language, u"fra"_s);
    QCOMPARE(texts(changed.at(0)), QStringList{u"Bonjour"_s});

    // No lyrics any more: cleared.
    QVERIFY(copy(fixture(u"plain.mp3"_s), path));
    QVERIFY(touchLater(path, 120));
    QCOMPARE(scan().updated, 1);
    QVERIFY(LyricsRepository(*m_db).forTrack(id, Visibility::everything()).isEmpty());
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM lyrics"_s), 0);

    // An unchanged file is not read again: its lyrics stay.
    QVERIFY(copy(fixture(u"uslt2.mp3"_s), path));
    QVERIFY(touchLater(path, 180));
    QCOMPARE(scan().updated, 1);
    QCOMPARE(scan().unchanged, 1);
    QCOMPARE(LyricsRepository(*m_db).forTrack(id, Visibility::everything()).size(), 1);
}

void TestLyrics::removedTrackTakesItsLyrics()
{
    QCOMPARE(scanned(u"uslt.mp3"_s, u"a/gone.mp3"_s).size(), 2);
    QCOMPARE(scanned(u"sylt.mp3"_s, u"a/kept.mp3"_s).size(), 1);
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM lyrics"_s), 3);
    const qint64 gone = trackId(lib(u"a/gone.mp3"_s));
    QVERIFY(QFile::remove(lib(u"a/gone.mp3"_s)));
    QCOMPARE(scan().removed, 1);
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM lyrics"_s), 1);
    QVERIFY(LyricsRepository(*m_db).forTrack(gone, Visibility::everything()).isEmpty());
}

void TestLyrics::visibility()
{
    QCOMPARE(scanned(u"uslt.mp3"_s, u"a/uslt.mp3"_s).size(), 2);
    const qint64 id = trackId(lib(u"a/uslt.mp3"_s));
    QTemporaryDir otherDir;
    const auto other = FolderRepository(*m_db).add(otherDir.path());
    QVERIFY(other);
    const LyricsRepository repository(*m_db);

    QCOMPARE(repository.forTrack(id, Visibility::folders({m_folderId})).size(), 2);
    QCOMPARE(repository.forTrack(id, Visibility::folders({other->id, m_folderId})).size(), 2);
    QVERIFY(repository.forTrack(id, Visibility::folders({other->id})).isEmpty());
    QVERIFY(repository.forTrack(id, Visibility::folders({})).isEmpty());
    QVERIFY(repository.forTrack(id, Visibility{}).isEmpty());   // the default sees nothing
    QVERIFY(repository.forTrack(id + 1000, Visibility::everything()).isEmpty());
    QVERIFY(repository.forTrack(0, Visibility::everything()).isEmpty());
    QVERIFY(repository.forTrack(-1, Visibility::everything()).isEmpty());
}

void TestLyrics::upgradedCatalogRereadsAudio()
{
    if (m_db->isPostgres())
        QSKIP("replays an upgrade of an SQLite catalog; PostgreSQL catalogs begin at the current schema");
    // A catalog scanned before lyrics existed: migration 011 makes the next scan read its audio
    // again (and only its audio).
    QVERIFY(copy(fixture(u"uslt.mp3"_s), lib(u"a/uslt.mp3"_s)));
    QVERIFY(copy(fixture(u"clip.mp4"_s), lib(u"films/clip.mp4"_s)));
    QCOMPARE(scan().added, 2);
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"DROP TABLE lyrics"_s));
        QVERIFY(q.exec(u"UPDATE schema_version SET version = 10"_s));
    }
    m_scanner.reset();
    m_db.reset();
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dbDir->filePath(u"catalog.sqlite"_s)));
    const auto error = m_db->open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(m_db->schemaVersion(), MigrationRunner::latestVersion());
    m_scanner = std::make_unique<LibraryScanner>(*m_db);

    const ScanSummary summary = scan();
    QCOMPARE(summary.updated, 1);
    QCOMPARE(summary.unchanged, 1);
    QCOMPARE(LyricsRepository(*m_db).forTrack(trackId(lib(u"a/uslt.mp3"_s)), Visibility::everything()).size(), 2);
}

QTEST_GUILESS_MAIN(TestLyrics)
#include "tst_lyrics.moc"
