// The desktop window against real core services: a catalog in a temporary directory, the
// scanner on its own thread, a started HTTP server. Runs offscreen (no tray).

#include "AppHarness.h"
#include "HealthClient.h"
#include "LibraryTab.h"
#include "MainWindow.h"
#include "MediaFixtures.h"
#include "ScanStatusPanel.h"
#include "catalog/FolderRepository.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

constexpr int scanTimeoutMs = 60000;

template<typename T>
T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

QString makeMusicFolder(test::AppHarness &app, const QString &name, int tracks)
{
    const QString dir = app.path(name);
    if (!QDir().mkpath(dir))
        return {};
    for (int i = 1; i <= tracks; ++i) {
        const QString error = test::makeAudio(u"%1/track%2.mp3"_s.arg(dir).arg(i), 1.0,
                                              {{u"title"_s, u"Song %1"_s.arg(i)},
                                               {u"artist"_s, u"Tester"_s}});
        if (!error.isEmpty()) {
            qWarning("makeAudio: %s", qPrintable(error));
            return {};
        }
    }
    return dir;
}

} // namespace

class GuiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void windowHasTitleTabsAndServerStatus();
    void serverStatusFollowsPause();
    void closeHidesToTrayOrQuits();
    void showAndRaiseRestoresMinimizedWindow();
    void progressIsBusyUntilTheWalkCountedFiles();
    void addScanAndRemoveFolder();
    void cancelledPickerAddsNothing();
    void declinedRemovalKeepsFolder();
    void guiStaysResponsiveWhileServing();

private:
    std::unique_ptr<test::AppHarness> m_app;
    std::unique_ptr<MainWindow> m_window;
};

void GuiTest::init()
{
    m_app = std::make_unique<test::AppHarness>();
    QVERIFY2(m_app->error().isEmpty(), qPrintable(m_app->error()));
    // Thousands of /health requests would each log an access line. Set after the server
    // started: HttpServer::start() replaces the filter rules.
    QLoggingCategory::setFilterRules(u"cairn.http.access.info=false"_s);
    m_window = std::make_unique<MainWindow>(m_app->database(), m_app->scanner(), m_app->server());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void GuiTest::cleanup()
{
    m_window.reset();
    m_app.reset();
}

void GuiTest::windowHasTitleTabsAndServerStatus()
{
    QCOMPARE(m_window->windowTitle(), u"Cairn"_s);
    QVERIFY(!m_window->windowIcon().isNull());
    auto *tabs = child<QTabWidget>(m_window.get(), u"tabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(tabs->tabText(0), u"Library"_s);

    auto *url = child<QLabel>(m_window.get(), u"serverUrlLabel"_s);
    auto *port = child<QLabel>(m_window.get(), u"serverPortLabel"_s);
    auto *state = child<QLabel>(m_window.get(), u"serverStateLabel"_s);
    QVERIFY(url && port && state);
    const QString baseUrl = m_app->server().baseUrl().toString();
    QVERIFY2(url->text().contains(u"href=\""_s + baseUrl), qPrintable(url->text()));
    QVERIFY(url->openExternalLinks());
    QVERIFY(m_app->server().port() != 0);
    QVERIFY2(port->text().contains(QString::number(m_app->server().port())), qPrintable(port->text()));
    QCOMPARE(state->text(), u"Server running"_s);
}

void GuiTest::serverStatusFollowsPause()
{
    auto *state = child<QLabel>(m_window.get(), u"serverStateLabel"_s);
    auto *button = child<QPushButton>(m_window.get(), u"pauseServerButton"_s);
    QVERIFY(state && button);
    QCOMPARE(button->text(), u"Pause"_s);

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_app->server().isPaused());
    QTRY_COMPARE(state->text(), u"Server paused"_s);
    QCOMPARE(button->text(), u"Resume"_s);

    // Paused from elsewhere (the tray): the widget follows stateChanged.
    m_app->server().setPaused(false);
    QTRY_COMPARE(state->text(), u"Server running"_s);
    QCOMPARE(button->text(), u"Pause"_s);
}

void GuiTest::closeHidesToTrayOrQuits()
{
    const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
    // Accepted (quit) without a tray; ignored (hidden to the tray) with one.
    QCOMPARE(m_window->close(), !tray);
    QVERIFY(!m_window->isVisible());
}

void GuiTest::showAndRaiseRestoresMinimizedWindow()
{
    m_window->hide();
    m_window->showMinimized();
    QTRY_VERIFY(m_window->isMinimized());
    m_window->showAndRaise();
    QVERIFY(m_window->isVisible());
    QTRY_VERIFY(!m_window->isMinimized());
}

void GuiTest::progressIsBusyUntilTheWalkCountedFiles()
{
    ScanStatusPanel panel;
    auto *bar = child<QProgressBar>(&panel, u"scanProgress"_s);
    auto *file = child<QLabel>(&panel, u"currentFileLabel"_s);
    QVERIFY(bar && file);

    panel.showScanStarted();
    QCOMPARE(bar->maximum(), 0);   // busy indicator
    panel.showProgress({0, 0, u"/music/a.mp3"_s});
    QCOMPARE(bar->maximum(), 0);
    QCOMPARE(file->text(), QDir::toNativeSeparators(u"/music/a.mp3"_s));
    panel.showProgress({2, 5, u"/music/b.mp3"_s});
    QCOMPARE(bar->maximum(), 5);
    QCOMPARE(bar->value(), 2);
    panel.showProgress({9, 5, u"/music/c.mp3"_s});   // never past the end
    QCOMPARE(bar->value(), 5);

    ScanSummary summary;
    summary.filesSeen = 5;
    panel.showScanFinished(summary);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(file->text().isEmpty());

    panel.showScanFinished(ScanSummary{});   // an empty library still ends at 100 %
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    panel.showTrackCount(0);
    QCOMPARE(child<QLabel>(&panel, u"trackCountLabel"_s)->text(), u"0 tracks"_s);
    panel.showTrackCount(12);
    QCOMPARE(child<QLabel>(&panel, u"trackCountLabel"_s)->text(), u"12 tracks"_s);
}

void GuiTest::addScanAndRemoveFolder()
{
    const QString music = makeMusicFolder(*m_app, u"music"_s, 3);
    QVERIFY(!music.isEmpty());
    QFile fake(music + u"/not-audio.mp3"_s);
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("this is a text file, not an MP3 stream\n");
    fake.close();

    LibraryTab *tab = m_window->libraryTab();
    auto *add = child<QPushButton>(tab, u"addFolderButton"_s);
    auto *remove = child<QPushButton>(tab, u"removeFolderButton"_s);
    auto *folders = child<QListWidget>(tab, u"folderList"_s);
    auto *count = child<QLabel>(tab, u"trackCountLabel"_s);
    auto *progress = child<QProgressBar>(tab, u"scanProgress"_s);
    auto *errors = child<QTreeWidget>(tab, u"scanErrorList"_s);
    QVERIFY(add && remove && folders && count && progress && errors);
    QCOMPARE(count->text(), u"0 tracks"_s);
    QVERIFY(!remove->isEnabled());   // nothing selected

    QSignalSpy finished(&m_app->scanner(), &LibraryScanner::scanFinished);
    tab->setFolderPicker([music] { return music; });
    QTest::mouseClick(add, Qt::LeftButton);

    QTRY_COMPARE(folders->count(), 1);
    QCOMPARE(folders->item(0)->text(), QDir::toNativeSeparators(music));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), u"3 tracks"_s, scanTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), scanTimeoutMs);
    QVERIFY(progress->maximum() > 0);
    QCOMPARE(progress->value(), progress->maximum());

    QTRY_COMPARE(errors->topLevelItemCount(), 1);
    QCOMPARE(QFileInfo(errors->topLevelItem(0)->text(0)).fileName(), u"not-audio.mp3"_s);
    QVERIFY(!errors->topLevelItem(0)->text(1).isEmpty());   // the reason

    QString asked;
    tab->setRemovalConfirmation([&asked](const QString &path) {
        asked = path;
        return true;
    });
    folders->setCurrentRow(0);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(asked, QDir::toNativeSeparators(music));
    QTRY_COMPARE(folders->count(), 0);
    QTRY_COMPARE(count->text(), u"0 tracks"_s);
    QCOMPARE(errors->topLevelItemCount(), 0);   // its files' errors went with it
    QVERIFY(FolderRepository(m_app->database()).list().isEmpty());
}

void GuiTest::cancelledPickerAddsNothing()
{
    LibraryTab *tab = m_window->libraryTab();
    auto *add = child<QPushButton>(tab, u"addFolderButton"_s);
    auto *folders = child<QListWidget>(tab, u"folderList"_s);
    QVERIFY(add && folders);
    const QString empty = makeMusicFolder(*m_app, u"empty"_s, 0);
    QVERIFY(!empty.isEmpty());

    int picks = 0;
    tab->setFolderPicker([&picks] { ++picks; return QString(); });   // the user cancelled
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(picks, 1);

    // A later add is queued behind anything the cancelled one could have started.
    tab->setFolderPicker([empty] { return empty; });
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(folders->count(), 1);
    QCOMPARE(folders->item(0)->text(), QDir::toNativeSeparators(empty));
    QCOMPARE(FolderRepository(m_app->database()).list().size(), 1);
}

void GuiTest::declinedRemovalKeepsFolder()
{
    LibraryTab *tab = m_window->libraryTab();
    auto *add = child<QPushButton>(tab, u"addFolderButton"_s);
    auto *remove = child<QPushButton>(tab, u"removeFolderButton"_s);
    auto *folders = child<QListWidget>(tab, u"folderList"_s);
    QVERIFY(add && remove && folders);
    const QString first = makeMusicFolder(*m_app, u"first"_s, 0);
    const QString second = makeMusicFolder(*m_app, u"second"_s, 0);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    tab->setFolderPicker([first] { return first; });
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(folders->count(), 1);

    int asked = 0;
    tab->setRemovalConfirmation([&asked](const QString &) { ++asked; return false; });
    folders->setCurrentRow(0);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(asked, 1);

    // Folder changes run in order on the scanner's thread: once the second folder shows up,
    // a removal started by the declined click would already have happened.
    tab->setFolderPicker([second] { return second; });
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(folders->count(), 2);
    QCOMPARE(FolderRepository(m_app->database()).list().size(), 2);
}

void GuiTest::guiStaysResponsiveWhileServing()
{
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 largestGap = 0;
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        largestGap = qMax(largestGap, now - lastTick);
        lastTick = now;
        ++ticks;
    });

    const quint16 port = m_app->server().port();
    test::HealthClient first(QHostAddress::LocalHost, port);
    test::HealthClient second(QHostAddress::LocalHost, port);
    first.start();
    second.start();
    clock.start();
    timer.start();
    QTest::qWait(1000);
    timer.stop();
    first.stop();
    second.stop();
    QVERIFY(first.wait(10000));
    QVERIFY(second.wait(10000));

    const int answered = first.answered() + second.answered();
    qInfo("%d /health answers, %d failures, %d ticks, largest gap %lld ms", answered,
          first.failed() + second.failed(), ticks, largestGap);
    QVERIFY2(answered >= 50, "the server must really have been busy answering");
    QCOMPARE(first.failed() + second.failed(), 0);
    QVERIFY(ticks >= 10);
    QVERIFY2(largestGap < 200, qPrintable(u"GUI thread stalled for %1 ms"_s.arg(largestGap)));
}

QTEST_MAIN(GuiTest)
#include "tst_gui.moc"
