// Finding: the caches beside the catalog (resized covers, transcodes, thumbnails, preview
// clips, HLS segments) were created with the default umask, readable by every local account,
// while the catalog itself is owner-only. They tell what the users have and play; now they are
// owner-only too. Checked on the real `cairn --headless` after it served one of each.

#include "HeadlessCairn.h"
#include "MediaFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestOwnerOnlyCaches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheFilesAreNotReadableByOtherAccounts();
};

namespace {

constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                                   | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                                   | QFileDevice::WriteOther | QFileDevice::ExeOther;

qint64 firstId(const TestHttpResponse &list)
{
    return QJsonDocument::fromJson(list.body).object().value(u"items"_s).toArray().first().toObject().value(u"id"_s)
        .toInteger();
}

// The paths (not starting with '#') of an HLS playlist.
QList<QByteArray> uris(const QByteArray &playlist)
{
    QList<QByteArray> result;
    for (const QByteArray &line : playlist.split('\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            result << line.trimmed();
    return result;
}

} // namespace

void TestOwnerOnlyCaches::cacheFilesAreNotReadableByOtherAccounts()
{
    // The usual umask: files 0644 and folders 0755 unless Cairn asks for less.
    const mode_t previous = ::umask(022);
    const auto restore = qScopeGuard([previous] { ::umask(previous); });
    QTemporaryDir dir;
    const QString album = dir.filePath(u"Music/Album"_s);
    QVERIFY(QDir().mkpath(album));
    QCOMPARE(makeAudio(QDir(album).filePath(u"song.mp3"_s), 3, {{u"title"_s, u"Song"_s}}), QString());
    runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s, u"color=red:s=300x300"_s,
                             u"-frames:v"_s, u"1"_s, QDir(album).filePath(u"cover.jpg"_s)});
    QVERIFY(QFile::exists(QDir(album).filePath(u"cover.jpg"_s)));
    QCOMPARE(makeVideo(dir.filePath(u"Music/clip.mp4"_s), 8), QString());

    HeadlessCairn cairn(dir.filePath(u"data"_s), {dir.filePath(u"Music"_s)});
    QCOMPARE(cairn.start(), QString());
    QCOMPARE(cairn.waitForTracks(2), 2);
    const QByteArray song = QByteArray::number(firstId(cairn.call("GET", "/api/tracks?q=Song")));
    const QByteArray video = QByteArray::number(firstId(cairn.call("GET", "/api/videos")));

    QCOMPARE(cairn.call("GET", "/api/tracks/" + song + "/art?size=64").status, 200);     // a resized cover
    QCOMPARE(cairn.call("GET", "/api/tracks/" + video + "/art?size=64").status, 200);    // a poster frame
    QCOMPARE(cairn.call("GET", "/api/tracks/" + song + "/transcode?format=mp3&bitrate=128").status, 200);
    QCOMPARE(cairn.call("GET", "/api/videos/" + video + "/thumbnail?t=1&width=160").status, 200);
    QCOMPARE(cairn.call("GET", "/api/videos/" + video + "/preview").status, 200);
    TestHttpClient hls(cairn.port());
    TestHttpClient::ReadOptions any;
    any.framing = TestHttpClient::Framing::Any;
    any.timeoutMs = 60000;
    const TestHttpResponse master = hls.request("GET", "/api/videos/" + video + "/hls/master.m3u8",
                                                {cairn.authorization()}, any);
    QCOMPARE(master.status, 200);
    const TestHttpResponse variant = hls.request("GET", uris(master.body).value(0), {}, any);
    QCOMPARE(variant.status, 200);
    const TestHttpResponse segment = hls.request("GET", uris(variant.body).value(0), {}, any);
    QCOMPARE(segment.status, 200);
    QVERIFY(segment.bodyBytes > 0);

    // Every kind of cache holds something now (so the walk below checks real files).
    const QDir cache(QDir(cairn.dataDir()).filePath(u"cache"_s));
    for (const QString &kind : {u"artwork"_s, u"thumbnails"_s})
        QTRY_VERIFY2_WITH_TIMEOUT(!QDir(cache.filePath(kind)).entryList(QDir::Files).isEmpty(), qPrintable(kind), 10000);
    // The transcode, the preview clip and the finished segment.
    QTRY_VERIFY_WITH_TIMEOUT(QDir(cache.filePath(u"transcodes"_s)).entryList(QDir::Files).size() >= 3, 20000);
    QVERIFY(QFileInfo(cache.filePath(u"hls-work"_s)).isDir());

    QStringList open;
    int checked = 0;
    QDirIterator it(cache.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    QStringList entries{cache.path()};
    while (it.hasNext())
        entries << it.next();
    for (const QString &entry : std::as_const(entries)) {
        ++checked;
        if (QFile::permissions(entry) & kGroupOrOther)
            open << u"%1 (%2)"_s.arg(entry).arg(int(QFile::permissions(entry)), 0, 16);
    }
    QVERIFY2(open.isEmpty(), qPrintable(open.join(u'\n')));
    QVERIFY2(checked >= 8, qPrintable(entries.join(u'\n')));
    QVERIFY(cairn.stop());
}

QTEST_GUILESS_MAIN(TestOwnerOnlyCaches)
#include "tst_owner_only_caches.moc"
