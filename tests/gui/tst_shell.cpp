// The desktop shell around the window: tray icon and menu, single instance per data
// directory, and the embedded translations.

#include "AppHarness.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "http/HttpServer.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

// Receives what QDesktopServices::openUrl would give the system's browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

} // namespace

class ShellTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trayShowsOnlyWhereATrayExists();
    void trayMenuTogglesPauseAndOpensWindow();

    void secondInstanceOnSameDirActivatesFirst();
    void instancesOnDifferentDirsRunSideBySide();
    void serverNameDependsOnCanonicalDir();
    void staleSocketIsReplaced();
    void releasedClaimCanBeTakenAgain();

    void germanTranslationIsEmbedded();
    void installTranslationsPicksLocale_data();
    void installTranslationsPicksLocale();
};

void ShellTest::trayShowsOnlyWhereATrayExists()
{
    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    QWidget window;
    TrayIcon tray(app.server(), window);
    QCOMPARE(tray.show(), QSystemTrayIcon::isSystemTrayAvailable());
}

void ShellTest::trayMenuTogglesPauseAndOpensWindow()
{
    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    MainWindow window(app.database(), app.scanner(), app.server());
    TrayIcon tray(app.server(), window);

    QVERIFY(tray.menu());
    auto *open = tray.menu()->findChild<QAction *>(u"openAction"_s);
    auto *pause = tray.menu()->findChild<QAction *>(u"pauseAction"_s);
    auto *quit = tray.menu()->findChild<QAction *>(u"quitAction"_s);
    QVERIFY(open && pause && quit);
    QCOMPARE(open->text(), u"Open Cairn"_s);
    QCOMPARE(quit->text(), u"Quit"_s);

    // "Open in browser" hands the server's address to the system (caught here, no browser runs).
    auto *browser = tray.menu()->findChild<QAction *>(u"browserAction"_s);
    QVERIFY(browser);
    QCOMPARE(browser->text(), u"Open in browser"_s);
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"http"_s, &catcher, "open");
    browser->trigger();
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QCOMPARE(catcher.opened, QList<QUrl>{app.server().baseUrl()});

    const QString url = app.server().baseUrl().toString();
    QVERIFY(!url.isEmpty());
    QVERIFY2(tray.toolTip().startsWith(u"Cairn — "_s + url), qPrintable(tray.toolTip()));
    QCOMPARE(pause->text(), u"Pause server"_s);
    QVERIFY(pause->isEnabled());

    pause->trigger();
    QVERIFY(app.server().isPaused());
    QCOMPARE(pause->text(), u"Resume server"_s);
    QVERIFY2(tray.toolTip().startsWith(u"Cairn — %1 (paused)"_s.arg(url)), qPrintable(tray.toolTip()));

    pause->trigger();
    QVERIFY(!app.server().isPaused());
    QCOMPARE(pause->text(), u"Pause server"_s);

    // Paused from the window: the menu follows stateChanged.
    app.server().setPaused(true);
    QTRY_COMPARE(pause->text(), u"Resume server"_s);
    app.server().setPaused(false);
    QTRY_COMPARE(pause->text(), u"Pause server"_s);

    QVERIFY(!window.isVisible());
    open->trigger();
    QVERIFY(window.isVisible());
}

void ShellTest::secondInstanceOnSameDirActivatesFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance first(dir.path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QVERIFY(first.claim());
    QCOMPARE(activated.count(), 0);

    SingleInstance second(dir.path() + u"/./"_s);   // same directory, spelled differently
    QVERIFY(!second.claim());
    QTRY_COMPARE(activated.count(), 1);

    SingleInstance third(dir.path());
    QVERIFY(!third.claim());
    QTRY_COMPARE(activated.count(), 2);
}

void ShellTest::instancesOnDifferentDirsRunSideBySide()
{
    QTemporaryDir a;
    QTemporaryDir b;
    QVERIFY(a.isValid() && b.isValid());
    SingleInstance first(a.path());
    SingleInstance second(b.path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QVERIFY(first.claim());
    QVERIFY(second.claim());
    QTest::qWait(50);   // give a wrongly delivered activation a chance to show up
    QCOMPARE(activated.count(), 0);
}

void ShellTest::serverNameDependsOnCanonicalDir()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"data"_s));
    const QString data = dir.filePath(u"data"_s);
    const QString name = SingleInstance::serverName(data);
    QVERIFY(name.startsWith(u"cairn-"_s));
    QVERIFY(!name.contains(u'/') && !name.contains(u'\\'));
    QCOMPARE(SingleInstance::serverName(dir.path() + u"/data/../data/"_s), name);
    QVERIFY(SingleInstance::serverName(dir.path()) != name);
#ifndef Q_OS_WIN
    QVERIFY(QFile::link(data, dir.filePath(u"alias"_s)));
    QCOMPARE(SingleInstance::serverName(dir.filePath(u"alias"_s)), name);
#endif
}

void ShellTest::staleSocketIsReplaced()
{
#ifdef Q_OS_WIN
    QSKIP("named pipes leave nothing behind when a process dies");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // What a crashed instance leaves: the socket's file, nobody listening.
    const QString socketPath = QDir::temp().filePath(SingleInstance::serverName(dir.path()));
    QFile stale(socketPath);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();

    SingleInstance first(dir.path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QVERIFY(first.claim());
    SingleInstance second(dir.path());
    QVERIFY(!second.claim());   // proves the first really listens on the name
    QTRY_COMPARE(activated.count(), 1);
#endif
}

void ShellTest::releasedClaimCanBeTakenAgain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        SingleInstance first(dir.path());
        QVERIFY(first.claim());
    }
    SingleInstance next(dir.path());
    QVERIFY(next.claim());
}

void ShellTest::germanTranslationIsEmbedded()
{
    QTranslator german;
    QVERIFY(german.load(u":/i18n/cairn_de.qm"_s));
    QCoreApplication::installTranslator(&german);

    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    MainWindow window(app.database(), app.scanner(), app.server());
    auto *tabs = window.findChild<QTabWidget *>(u"tabs"_s);
    auto *count = window.findChild<QLabel *>(u"trackCountLabel"_s);
    QVERIFY(tabs && count);
    QCOMPARE(tabs->tabText(0), u"Bibliothek"_s);
    QCOMPARE(count->text(), u"0 Titel"_s);

    QCoreApplication::removeTranslator(&german);
}

void ShellTest::installTranslationsPicksLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("oneTrack");

    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << true << u"1 Titel"_s;
    QTest::newRow("Austrian German") << QLocale(QLocale::German, QLocale::Austria) << true << u"1 Titel"_s;
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates) << true << u"1 track"_s;
    QTest::newRow("French (none)") << QLocale(QLocale::French, QLocale::France) << false << u"1 tracks"_s;
}

void ShellTest::installTranslationsPicksLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(bool, found);
    QFETCH(QString, oneTrack);

    QCOMPARE(installTranslations(*qApp, locale), found);
    QCOMPARE(QCoreApplication::translate("cairn::ScanStatusPanel", "%n tracks", nullptr, 1), oneTrack);

    const auto translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QTEST_MAIN(ShellTest)
#include "tst_shell.moc"
