// The library's album grid: one item per album, covers loaded off the GUI thread and shown at
// the grid's size, a placeholder for albums without artwork, refreshed after a scan (in place:
// a kept album keeps its cover until the new one is there).

#include "ArtworkFixtures.h"
#include "MediaFixtures.h"

#include "AlbumGrid.h"
#include "AlbumGridModel.h"

#include <QDir>
#include <QIcon>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestAlbumGrid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsCoversAndRefreshes();
};

void TestAlbumGrid::showsCoversAndRefreshes()
{
    ArtworkBackend backend;
    QCOMPARE(backend.start(), QString());
    QDir library(backend.libraryPath({}));
    library.mkpath(u"A"_s);
    library.mkpath(u"B"_s);
    QCOMPARE(makeAudio(backend.libraryPath(u"A/1.mp3"_s), 1.0, {{u"album"_s, u"Alpha"_s}, {u"artist"_s, u"Ann"_s}}), QString());
    QVERIFY(writeFile(backend.libraryPath(u"A/cover.png"_s), makeImage(400, 200, "png", Qt::red)));
    QCOMPARE(makeAudio(backend.libraryPath(u"B/1.mp3"_s), 1.0, {{u"album"_s, u"Beta"_s}, {u"artist"_s, u"Bob"_s}}), QString());
    // A video is no album: the grid shows music only, as the API's album lists do.
    QCOMPARE(makeVideo(backend.libraryPath(u"film.mp4"_s), 1.0), QString());
    QVERIFY(backend.scan());

    AlbumGrid grid(backend.database(), backend.artwork(), backend.scanner());
    grid.resize(600, 400);
    grid.show();
    QCOMPARE(grid.view()->viewMode(), QListView::IconMode);
    AlbumGridModel *model = grid.model();
    QSignalSpy arrived(model, &AlbumGridModel::coverArrived);   // the view may ask first
    QTRY_VERIFY(model->isLoaded());   // read off the GUI thread
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0).data().toString(), u"Alpha"_s);
    QCOMPARE(model->index(1).data().toString(), u"Beta"_s);

    // Asking for the decoration starts the load; the placeholder shows meanwhile.
    QVERIFY(!model->index(0).data(Qt::DecorationRole).value<QIcon>().isNull());
    model->index(1).data(Qt::DecorationRole);
    QTRY_VERIFY(model->index(0).data(AlbumGridModel::HasCoverRole).toBool());
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(arrived.at(0).at(0).toLongLong(), model->index(0).data(AlbumGridModel::AlbumIdRole).toLongLong());
    const QIcon cover = model->index(0).data(Qt::DecorationRole).value<QIcon>();
    const QSize coverSize = cover.availableSizes().value(0);
    QCOMPARE(coverSize, QSize(AlbumGridModel::kCoverSize, AlbumGridModel::kCoverSize / 2));
    const QColor pixel = cover.pixmap(coverSize).toImage().pixelColor(10, 10);   // JPEG: nearly red
    QVERIFY2(pixel.red() > 240 && pixel.green() < 16 && pixel.blue() < 16, qPrintable(pixel.name()));
    QVERIFY(!model->index(1).data(AlbumGridModel::HasCoverRole).toBool());

    // A scan that adds an album refreshes the grid.
    library.mkpath(u"C"_s);
    QCOMPARE(makeAudio(backend.libraryPath(u"C/1.mp3"_s), 1.0, {{u"album"_s, u"Gamma"_s}, {u"artist"_s, u"Cid"_s}}), QString());
    QVERIFY(backend.scan());
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0).data().toString(), u"Alpha"_s);
    QVERIFY(model->index(0).data(AlbumGridModel::HasCoverRole).toBool());
    QCOMPARE(model->index(2).data().toString(), u"Gamma"_s);
}

QTEST_MAIN(TestAlbumGrid)
#include "tst_album_grid.moc"
