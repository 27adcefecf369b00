// The desktop shell around the window: tray icon and menu, single instance per data
// directory, and the embedded translations.

#include "AppHarness.h"
#include "ConfigHome.h"
#include "UrlCatcher.h"
#include "LoginStart.h"
#include "MediaFixtures.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "activity/ActivityRegistry.h"
#include "catalog/FolderRepository.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QAction>
#include <QClipboard>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QScopeGuard>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using cairn::test::configHomeAt;

class ShellTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trayShowsOnlyWhereATrayExists();
    void trayMenuTogglesPauseAndOpensWindow();
    void trayCopiesTheAddress();
    void trayStartsAtLogin();
    void trayStartAtLoginRefusedKeepsNothing();
    void trayNotifiesScansThatChangedSomething();
    void trayNotifiesANewDevice();

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
    test::UrlCatcher catcher;
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

void ShellTest::trayCopiesTheAddress()
{
    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    QWidget window;
    TrayIcon tray(app.server(), window);
    auto *copy = tray.menu()->findChild<QAction *>(u"copyAddressAction"_s);
    QVERIFY(copy);
    QCOMPARE(copy->text(), u"Copy address"_s);
    QGuiApplication::clipboard()->setText(u"something else"_s);
    copy->trigger();
    // Bound to loopback here, so no LAN address: the local one.
    QCOMPARE(QGuiApplication::clipboard()->text(), app.server().baseUrl().toString());
}

void ShellTest::trayStartsAtLogin()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    QSKIP("the XDG autostart entry is checked on Linux");
#endif
    QTemporaryDir config;
    const auto restore = configHomeAt(config.path());
    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    QWidget window;
    TrayIcon tray(app.server(), window);
    auto *login = tray.menu()->findChild<QAction *>(u"loginAction"_s);
    QVERIFY(login);
    QVERIFY(!login->isVisible());   // nothing to offer until the app says how it is started

    // A path with a space and a dollar: the Exec line must quote and escape them.
    const QString program = u"/opt/My Apps/cai$rn"_s;
    tray.setLoginStart(LoginStart(program));
    QVERIFY(login->isVisible());
    QCOMPARE(login->text(), u"Start at login"_s);
    QVERIFY(!login->isChecked());

    const QString entry = config.filePath(u"autostart/cairn.desktop"_s);
    login->trigger();
    QVERIFY(login->isChecked());
    QFile file(entry);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(entry));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.startsWith(u"[Desktop Entry]\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nType=Application\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nExec=\"/opt/My Apps/cai\\$rn\" --minimized\n"_s), qPrintable(text));
    QVERIFY(LoginStart(program).isEnabled());
    if (const QString validate = QStandardPaths::findExecutable(u"desktop-file-validate"_s); !validate.isEmpty()) {
        QProcess check;
        check.start(validate, {entry});
        QVERIFY(check.waitForFinished());
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
    }

    // A new tray (the next start) sees the entry.
    TrayIcon again(app.server(), window);
    again.setLoginStart(LoginStart(program));
    auto *loginAgain = again.menu()->findChild<QAction *>(u"loginAction"_s);
    QVERIFY(loginAgain->isChecked());

    login->trigger();
    QVERIFY(!login->isChecked());
    QVERIFY(!QFile::exists(entry));
    QVERIFY(!LoginStart(program).isEnabled());
}

void ShellTest::trayStartAtLoginRefusedKeepsNothing()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    QSKIP("the XDG autostart entry is checked on Linux");
#endif
    QTemporaryDir config;
    const auto restore = configHomeAt(config.path());
    // A file where the autostart folder should be: nothing can be written (even as root).
    QFile blocker(config.filePath(u"autostart"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    QWidget window;
    TrayIcon tray(app.server(), window);
    tray.setLoginStart(LoginStart(u"/usr/bin/cairn"_s));
    auto *login = tray.menu()->findChild<QAction *>(u"loginAction"_s);
    login->trigger();
    QVERIFY(!login->isChecked());
    QVERIFY2(tray.lastNotification().startsWith(u"Cannot create the folder of "_s), qPrintable(tray.lastNotification()));
    QVERIFY(QFileInfo(config.filePath(u"autostart"_s)).isFile());
}

void ShellTest::trayNotifiesScansThatChangedSomething()
{
    test::AppHarness app;
    QVERIFY2(app.error().isEmpty(), qPrintable(app.error()));
    QWidget window;
    TrayIcon tray(app.server(), window);
    tray.setScanner(&app.scanner());
    QCOMPARE(tray.lastNotification(), QString());

    const QString music = app.path(u"music"_s);
    QVERIFY(QDir().mkpath(music));
    QCOMPARE(test::makeAudio(music + u"/one.mp3"_s, 1.0), QString());
    QFile bad(music + u"/bad.mp3"_s);
    QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("not audio at all") > 0);
    bad.close();
    QVERIFY(FolderRepository(app.database()).add(music));

    QSignalSpy finished(&app.scanner(), &LibraryScanner::scanFinished);
    app.scanner().requestScan();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    // (No translator here, so the plural reads as written in the source.)
    QTRY_COMPARE(tray.lastNotification(),
                 u"Scan finished: 1 added, 0 updated, 0 removed. 1 file(s) could not be read."_s);

    QVERIFY(QFile::remove(music + u"/one.mp3"_s));
    app.scanner().requestScan();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QTRY_COMPARE(tray.lastNotification(),
                 u"Scan finished: 0 added, 0 updated, 1 removed. 1 file(s) could not be read."_s);
    // Only the unreadable file is left, counted again: nothing changes in the catalog, so quiet.
    QCOMPARE(tray.notificationCount(), 2);
    app.scanner().requestScan();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
    QCoreApplication::processEvents();   // the queued summary reaches the tray
    QCOMPARE(tray.notificationCount(), 2);
}

namespace {

// A whole stream of `path` from the source address `from` (a loopback alias on Linux).
bool streamFrom(const QHostAddress &from, quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    if (!socket.bind(from, 0))
        return false;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer.startsWith("HTTP/1.1 200");
}

} // namespace

void ShellTest::trayNotifiesANewDevice()
{
    test::TestServer server;
    QCOMPARE(server.open(), QString());
    QCOMPARE(test::makeAudio(server.libraryPath(u"one.mp3"_s), 1.0), QString());
    QVERIFY(server.scan());
    test::TestServerOptions options;
    options.activity = true;
    QCOMPARE(server.start(options), QString());
    QSettings settings(server.filePath(u"cairn.ini"_s), QSettings::IniFormat);
    const QByteArray path = server.streamPath(u"one.mp3"_s);

    QWidget window;
    int notified = 0;
    {
        TrayIcon tray(server.server(), window);
        tray.setActivity(server.activity());
        tray.setNewDeviceNotices(settings);
        QVERIFY(streamFrom(QHostAddress::LocalHost, server.port(), path));
        QTRY_COMPARE(tray.notificationCount(), 1);
        QVERIFY2(tray.lastNotification().endsWith(u"started streaming from a new device: this computer."_s),
                 qPrintable(tray.lastNotification()));
        // The same device again: quiet.
        QVERIFY(streamFrom(QHostAddress::LocalHost, server.port(), path));
        QTest::qWait(200);
        QCOMPARE(tray.notificationCount(), 1);
#ifdef Q_OS_LINUX
        // Another address (every 127/8 address is this machine's on Linux) is another device.
        QVERIFY(streamFrom(QHostAddress(u"127.0.0.2"_s), server.port(), path));
        QTRY_COMPARE(tray.notificationCount(), 2);
        QVERIFY2(tray.lastNotification().endsWith(u"started streaming from a new device: this computer."_s),
                 qPrintable(tray.lastNotification()));
        notified = 2;
#else
        notified = 1;
#endif
    }
    QCOMPARE(settings.value(u"activity/knownDevices"_s).toStringList().size(), notified);

    // The next start remembers them; a new device is quiet when the setting says so.
    TrayIcon again(server.server(), window);
    again.setActivity(server.activity());
    again.setNewDeviceNotices(settings);
    QVERIFY(streamFrom(QHostAddress::LocalHost, server.port(), path));
    settings.setValue(u"ui/notifyNewDevices"_s, false);
#ifdef Q_OS_LINUX
    QVERIFY(streamFrom(QHostAddress(u"127.0.0.3"_s), server.port(), path));
    QTRY_COMPARE(settings.value(u"activity/knownDevices"_s).toStringList().size(), notified + 1);
#endif
    QTest::qWait(200);
    QCOMPARE(again.notificationCount(), 0);
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
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::France) << true << u"1 morceau"_s;
    QTest::newRow("Mexican Spanish") << QLocale(QLocale::Spanish, QLocale::Mexico) << true << u"1 pista"_s;
    QTest::newRow("Italian (none)") << QLocale(QLocale::Italian, QLocale::Italy) << false << u"1 tracks"_s;
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
