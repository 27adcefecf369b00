// The Albums tab with 10,000 albums, offscreen: prints the one album-list query, the time from
// opening the tab to its first paint (list read off the GUI thread, rows inserted, laid out,
// drawn), applying a filter (proxy + layout + paint, without the typing pause) and clearing it,
// a refresh merged in place, and the paint time per frame while scrolling (median, p95, max).
// The GUI thread's budget is 16 ms a frame. Prints figures, never asserts.
// Usage: bench_albums_gui [albums]

#include "ArtworkFixtures.h"

#include "AlbumFilterModel.h"
#include "AlbumGrid.h"
#include "AlbumGridModel.h"
#include "catalog/ArtworkRepository.h"
#include "catalog/Track.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QLoggingCategory>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double ms(qint64 nanos)
{
    return double(nanos) / 1e6;
}

// One track per album, 500 artists, accented titles so folding is exercised.
void fillAlbums(ArtworkBackend &backend, int albums)
{
    QElapsedTimer timer;
    timer.start();
    TrackRepository repo(backend.database());
    WriteTransaction batch(backend.database());
    for (int i = 0; i < albums; ++i) {
        Track t;
        t.folderId = backend.libraryFolderId();
        t.path = backend.libraryPath(u"a%1/1.mp3"_s.arg(i));
        t.size = 4'000'000;
        t.mtime = QDateTime::currentDateTimeUtc();
        t.format = u"mp3"_s;
        t.codec = u"mp3"_s;
        t.durationMs = 180'000;
        t.title = u"Chanson"_s;
        t.artist = u"Artiste %1 Ünïcode"_s.arg(i % 500);
        t.albumArtist = t.artist;
        t.album = u"Album %1 été"_s.arg(i);
        repo.upsert(t);
    }
    batch.commit();
    out() << "catalog: " << albums << " albums written in " << timer.elapsed() << " ms" << Qt::endl;
}

void paintNow(QListView *view)
{
    view->viewport()->repaint();
}

bool waitLoaded(AlbumGridModel *model, int count)
{
    QSignalSpy loaded(model, &AlbumGridModel::loaded);
    for (int i = 0; i < count; ++i) {
        if (!loaded.wait(60'000))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"cairn.*.info=false"_s);
    const int albums = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10'000;

    ArtworkBackend backend;
    if (const QString error = backend.start(); !error.isEmpty()) {
        out() << "cannot start: " << error << Qt::endl;
        return 1;
    }
    fillAlbums(backend, albums);

    QElapsedTimer timer;
    timer.start();
    const qsizetype listed = ArtworkRepository(backend.database()).albums(Visibility::everything()).size();
    out() << "album list, one query (" << listed << " albums): " << ms(timer.nsecsElapsed()) << " ms" << Qt::endl;

    // Open the tab: construction (starts the read), the rows arriving, the first paint.
    timer.restart();
    AlbumGrid grid(backend.database(), backend.artwork(), backend.scanner());
    grid.resize(1200, 800);
    grid.show();
    const double constructed = ms(timer.nsecsElapsed());
    if (!grid.model()->isLoaded() && !waitLoaded(grid.model(), 1)) {
        out() << "the album list never arrived" << Qt::endl;
        return 1;
    }
    const double arrived = ms(timer.nsecsElapsed());
    QListView *view = grid.view();
    QApplication::processEvents();   // the batched layout
    paintNow(view);
    out() << "open the tab: constructed " << constructed << " ms, rows in " << arrived
          << " ms, first paint " << ms(timer.nsecsElapsed()) << " ms  (" << grid.model()->rowCount()
          << " rows)" << Qt::endl;

    // Filters, straight on the proxy (the search box waits kFilterDelayMs after the last key).
    for (const QString &text : {u"artiste 42"_s, u"ete 9999"_s, u"unicode"_s, u"zzz"_s, QString()}) {
        timer.restart();
        grid.filter()->setSearchText(text);
        const double filtered = ms(timer.nsecsElapsed());
        QApplication::processEvents();
        paintNow(view);
        out() << "filter \"" << text << "\": " << grid.filter()->rowCount() << " shown, proxy " << filtered
              << " ms, with layout and paint " << ms(timer.nsecsElapsed()) << " ms" << Qt::endl;
    }

    // Scrolling: a frame is a step of the scroll bar and a paint of what shows.
    QTest::qWait(500);   // the batched layout of every row
    QScrollBar *bar = view->verticalScrollBar();
    QList<qint64> frames;
    const int steps = 120;
    const int step = qMax(1, bar->maximum() / steps);
    for (int value = 0; value <= bar->maximum(); value += step) {
        timer.restart();
        bar->setValue(value);
        paintNow(view);
        frames << timer.nsecsElapsed();
        QApplication::processEvents();   // covers arriving
    }
    std::sort(frames.begin(), frames.end());
    if (!frames.isEmpty())
        out() << "scrolling " << frames.size() << " frames: median " << ms(frames.at(frames.size() / 2))
              << " ms, p95 " << ms(frames.at(qMin(frames.size() - 1, frames.size() * 95 / 100))) << " ms, max "
              << ms(frames.constLast()) << " ms  (target < 16 ms)" << Qt::endl;

    // A refresh after a scan, merged in place (scroll position kept).
    bar->setValue(bar->maximum() / 2);
    const int place = bar->value();
    timer.restart();
    grid.model()->refresh();
    if (waitLoaded(grid.model(), 1)) {
        out() << "refresh (no change): " << ms(timer.nsecsElapsed()) << " ms, scroll "
              << (bar->value() == place ? "kept" : "moved") << Qt::endl;
    }
    return 0;
}
