// The Albums tab: the search box filters by title or album artist (case and accents ignored,
// CJK too), "n of m albums", a message when nothing matches, and a filter and scroll position
// that survive the refresh after a scan; a 10,000-album catalog is all there and filters right.

#include "ArtworkFixtures.h"
#include "MediaFixtures.h"

#include "AlbumFilterModel.h"
#include "AlbumGrid.h"
#include "AlbumGridModel.h"
#include "catalog/Track.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kFilterWaitMs = 5000;

// One track per album, written straight into the catalog (no files: never rescanned).
void insertAlbums(ArtworkBackend &backend, int first, int count, const QString &artist)
{
    TrackRepository repo(backend.database());
    WriteTransaction batch(backend.database());
    for (int i = first; i < first + count; ++i) {
        Track t;
        t.folderId = backend.libraryFolderId();
        t.path = backend.libraryPath(u"a%1/1.mp3"_s.arg(i));
        t.size = 1000;
        t.mtime = QDateTime::currentDateTimeUtc();
        t.format = u"mp3"_s;
        t.codec = u"mp3"_s;
        t.durationMs = 1000;
        t.title = u"Song"_s;
        t.artist = artist.isEmpty() ? u"Artist %1"_s.arg(i % 500) : artist;
        t.albumArtist = t.artist;
        t.album = u"Album %1"_s.arg(i, 5, 10, QChar(u'0'));
        repo.upsert(t);
    }
    batch.commit();
}

QString makeAlbum(ArtworkBackend &backend, const QString &dir, const QString &album, const QString &artist)
{
    QDir(backend.libraryPath({})).mkpath(dir);
    return makeAudio(backend.libraryPath(dir + u"/1.mp3"_s), 0.5, {{u"album"_s, album}, {u"album_artist"_s, artist}, {u"artist"_s, artist}});
}

// What an input method sends when the user picks CJK characters (keyClicks types Latin-1 only).
void commitText(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class TestAlbumsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void foldIgnoresCaseAndAccents();
    void searchFiltersAndSurvivesRescan();
    void tenThousandAlbums();
};

void TestAlbumsTab::foldIgnoresCaseAndAccents()
{
    QCOMPARE(AlbumFilterModel::fold(u"Sigur Rós"_s), u"sigur ros"_s);
    QCOMPARE(AlbumFilterModel::fold(u"ÉMILE Ünïcode"_s), u"emile unicode"_s);
    QCOMPARE(AlbumFilterModel::fold(u"東京"_s), u"東京"_s);
}

void TestAlbumsTab::searchFiltersAndSurvivesRescan()
{
    ArtworkBackend backend;
    QCOMPARE(backend.start(), QString());
    QCOMPARE(makeAlbum(backend, u"A"_s, u"Ágætis byrjun"_s, u"Sigur Rós"_s), QString());
    QCOMPARE(makeAlbum(backend, u"B"_s, u"Takk"_s, u"Sigur Rós"_s), QString());
    QCOMPARE(makeAlbum(backend, u"C"_s, u"東京の空"_s, u"ネオ"_s), QString());
    QCOMPARE(makeAlbum(backend, u"D"_s, u"Déjà Vu"_s, u"Crosby"_s), QString());
    QVERIFY(backend.scan());

    AlbumGrid grid(backend.database(), backend.artwork(), backend.scanner());
    grid.resize(800, 600);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    auto *search = grid.findChild<QLineEdit *>(u"albumSearch"_s);
    auto *count = grid.findChild<QLabel *>(u"albumCountLabel"_s);
    auto *noMatch = grid.findChild<QLabel *>(u"albumNoMatchLabel"_s);
    QVERIFY(search && count && noMatch);
    QVERIFY(search->isClearButtonEnabled());
    QVERIFY(!search->placeholderText().isEmpty());
    QTRY_COMPARE(count->text(), u"4 albums"_s);
    QCOMPARE(grid.view()->model()->rowCount(), 4);

    // Accents and case ignored, title or album artist, every word.
    search->setFocus();
    QTest::keyClicks(search, u"sigur ros"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"2 of 4 albums"_s, kFilterWaitMs);
    QAbstractItemModel *shown = grid.view()->model();
    QCOMPARE(shown->rowCount(), 2);
    const QStringList titles{shown->index(0, 0).data().toString(), shown->index(1, 0).data().toString()};
    QVERIFY2(titles.contains(u"Ágætis byrjun"_s) && titles.contains(u"Takk"_s), qPrintable(titles.join(u", "_s)));
    QVERIFY(noMatch->isHidden());

    search->clear();
    QTest::keyClicks(search, u"DEJA"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"1 of 4 albums"_s, kFilterWaitMs);
    QCOMPARE(shown->index(0, 0).data().toString(), u"Déjà Vu"_s);

    search->clear();
    commitText(search, u"東京"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"1 of 4 albums"_s, kFilterWaitMs);
    QCOMPARE(shown->index(0, 0).data().toString(), u"東京の空"_s);
    search->clear();
    commitText(search, u"ネオ"_s);   // the album artist
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, kFilterWaitMs);

    // Nothing matches: the message instead of the grid.
    search->clear();
    QTest::keyClicks(search, u"zzz nothing"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"0 of 4 albums"_s, kFilterWaitMs);
    QVERIFY(noMatch->isVisible());
    QVERIFY2(noMatch->text().contains(u"zzz nothing"_s), qPrintable(noMatch->text()));
    QVERIFY(grid.view()->isHidden());

    // Clearing (the clear button's clear()) restores everything at once.
    search->clear();
    QCOMPARE(count->text(), u"4 albums"_s);
    QCOMPARE(shown->rowCount(), 4);
    QVERIFY(noMatch->isHidden());
    QVERIFY(grid.view()->isVisible());

    // A rescan adding one album that matches and one that does not keeps the filter.
    QTest::keyClicks(search, u"sigur"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"2 of 4 albums"_s, kFilterWaitMs);
    QCOMPARE(makeAlbum(backend, u"E"_s, u"( )"_s, u"Sigur Rós"_s), QString());
    QCOMPARE(makeAlbum(backend, u"F"_s, u"Other"_s, u"Someone"_s), QString());
    QSignalSpy loaded(grid.model(), &AlbumGridModel::loaded);
    QVERIFY(backend.scan());   // emits scanFinished: the grid refreshes
    QTRY_VERIFY(!loaded.isEmpty());
    QCOMPARE(search->text(), u"sigur"_s);
    QCOMPARE(count->text(), u"3 of 6 albums"_s);
    QCOMPARE(shown->rowCount(), 3);
}

void TestAlbumsTab::tenThousandAlbums()
{
    constexpr int kAlbums = 10000;
    ArtworkBackend backend;
    QCOMPARE(backend.start(), QString());
    insertAlbums(backend, 0, kAlbums, {});

    AlbumGrid grid(backend.database(), backend.artwork(), backend.scanner());
    grid.resize(1000, 700);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    auto *search = grid.findChild<QLabel *>(u"albumCountLabel"_s);
    QVERIFY(search);
    QTRY_VERIFY(grid.model()->isLoaded());
    QCOMPARE(grid.model()->rowCount(), kAlbums);
    QCOMPARE(grid.view()->model()->rowCount(), kAlbums);
    QCOMPARE(search->text(), u"10,000 albums"_s);
    QCOMPARE(grid.view()->uniformItemSizes(), true);
    QCOMPARE(grid.view()->layoutMode(), QListView::Batched);

    // Every word anywhere in title or artist: "234" is artist 234's 20 albums and the titles
    // holding 234 (counted here the plain way).
    int expected = 0;
    for (int i = 0; i < kAlbums; ++i)
        expected += u"Album %1 Artist %2"_s.arg(i, 5, 10, QChar(u'0')).arg(i % 500).contains(u"234"_s);
    QLineEdit *box = grid.searchBox();
    box->setFocus();
    QTest::keyClicks(box, u"artist 234 album"_s);
    QTRY_COMPARE_WITH_TIMEOUT(search->text(), u"%L1 of 10,000 albums"_s.arg(expected), kFilterWaitMs);
    box->clear();
    QTest::keyClicks(box, u"ALBUM 01234"_s);
    QTRY_COMPARE_WITH_TIMEOUT(search->text(), u"1 of 10,000 albums"_s, kFilterWaitMs);
    QCOMPARE(grid.view()->model()->index(0, 0).data().toString(), u"Album 01234"_s);
    box->clear();
    QCOMPARE(grid.view()->model()->rowCount(), kAlbums);

    // Scrolled half-way, a refresh that adds albums keeps the place and the filter.
    QTRY_VERIFY(grid.view()->verticalScrollBar()->maximum() > 0);
    QScrollBar *bar = grid.view()->verticalScrollBar();
    bar->setValue(bar->maximum() / 2);
    const int place = bar->value();
    QVERIFY(place > 0);
    insertAlbums(backend, kAlbums, 5, u"Zed"_s);
    QSignalSpy loaded(grid.model(), &AlbumGridModel::loaded);
    grid.model()->refresh();
    QTRY_VERIFY(!loaded.isEmpty());
    QCOMPARE(grid.model()->rowCount(), kAlbums + 5);
    QTest::qWait(50);   // the batched layout runs
    QCOMPARE(bar->value(), place);

    QTest::keyClicks(box, u"zed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(search->text(), u"5 of 10,005 albums"_s, kFilterWaitMs);
    insertAlbums(backend, kAlbums + 5, 1, u"Zed"_s);
    grid.model()->refresh();
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(box->text(), u"zed"_s);
    QCOMPARE(search->text(), u"6 of 10,006 albums"_s);
}

QTEST_MAIN(TestAlbumsTab)
#include "tst_albums_tab.moc"
