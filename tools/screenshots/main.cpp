// cairn_screenshots <output dir>: builds the desktop window over a demo library (tagged songs
// with embedded covers and two short videos, made with the ffmpeg CLI in a temporary folder),
// waits for the scan, keeps two slow streams running for the Activity tab, and saves a PNG of
// every main-window tab, every settings page, the first-run wizard's pages, the user and app
// password dialogs and the tray menu. Meant for a real X server (tools/screenshots.sh: Xvfb).

#include "AppPasswordsDialog.h"
#include "DesktopWindow.h"
#include "FirstRunWizard.h"
#include "MainWindow.h"
#include "MediaFixtures.h"
#include "Runtime.h"
#include "SettingsDialog.h"
#include "TestHttpClient.h"
#include "TrayIcon.h"
#include "UserEditDialog.h"
#include "auth/AppPasswordStore.h"
#include "auth/UserAdministration.h"
#include "catalog/FolderRepository.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

constexpr QSize kWindowSize(1100, 720);

void say(const QString &text)
{
    std::fprintf(stderr, "cairn_screenshots: %s\n", qPrintable(text));
}

// A file name from an English title: "Library" -> "library", "&Settings…" -> "settings".
QString slug(QString title)
{
    title = title.remove(u'&').toLower();
    QString out;
    for (const QChar c : title) {
        if (c.isLetterOrNumber())
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out;
}

// Lets the widgets lay out, paint and load what they load in the background.
void settle(int ms = 300)
{
    QCoreApplication::processEvents();
    QTest::qWait(ms);
}

bool save(QWidget *widget, const QDir &out, const QString &name)
{
    settle();
    const QString path = out.filePath(name + u".png"_s);
    if (!widget->grab().save(path)) {
        say(u"cannot write %1"_s.arg(path));
        return false;
    }
    say(u"wrote %1"_s.arg(path));
    return true;
}

QString ffmpeg(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"ffmpeg"_s, QStringList{u"-nostdin"_s, u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-y"_s} + args);
    if (!p.waitForStarted(10000))
        return u"cannot start ffmpeg"_s;
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return u"ffmpeg timed out"_s;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAll().right(2000));
    return {};
}

struct DemoAlbum
{
    QString artist;
    QString album;
    QString year;
    QString genre;
    QString cover;   // an ffmpeg lavfi source drawing the cover
    QStringList titles;
};

// Songs with tags and an embedded front cover (ID3 APIC), one folder per album, and two videos.
QString makeDemoLibrary(const QString &root)
{
    const QList<DemoAlbum> albums{
        {u"The Granite Owls"_s, u"Low Tide Radio"_s, u"2019"_s, u"Indie Rock"_s,
         u"mandelbrot=size=320x320:start_scale=1.5"_s,
         {u"Harbour Lights"_s, u"Paper Boats"_s, u"Salt in the Wires"_s, u"Northbound"_s}},
        {u"Mira Castell"_s, u"Slow Orbit"_s, u"2021"_s, u"Electronic"_s,
         u"gradients=size=320x320:c0=0x1f3b73:c1=0xf2a65a:seed=7"_s,
         {u"Perihelion"_s, u"Glass Garden"_s, u"Satellite Hum"_s}},
        {u"Oskar Lind Trio"_s, u"Blue Hours"_s, u"2016"_s, u"Jazz"_s,
         u"testsrc2=size=320x320"_s,
         {u"Late Tram"_s, u"Ninth Floor"_s, u"Blue Hours"_s}},
        {u"Field Recordings Society"_s, u"Rain Studies"_s, u"2023"_s, u"Ambient"_s,
         u"gradients=size=320x320:c0=0x0b5d4b:c1=0xd9e8a4:seed=3:type=radial"_s,
         {u"Morning Drizzle"_s, u"Gutter Choir"_s}},
    };
    for (const DemoAlbum &a : albums) {
        const QString dir = root + u"/Music/"_s + a.artist + u'/' + a.album;
        QDir().mkpath(dir);
        const QString cover = dir + u"/.cover.jpg"_s;
        if (const QString e = ffmpeg({u"-f"_s, u"lavfi"_s, u"-i"_s, a.cover, u"-frames:v"_s, u"1"_s, cover}); !e.isEmpty())
            return e;
        for (int i = 0; i < a.titles.size(); ++i) {
            const QString file = dir + u"/%1 %2.mp3"_s.arg(i + 1, 2, 10, QChar(u'0')).arg(a.titles[i]);
            const int seconds = 150 + 23 * i;
            const QStringList args{
                u"-f"_s, u"lavfi"_s, u"-i"_s, u"sine=frequency=%1:sample_rate=44100:duration=%2"_s.arg(220 + 55 * i).arg(seconds),
                u"-i"_s, cover, u"-map"_s, u"0:a"_s, u"-map"_s, u"1:v"_s,
                u"-c:a"_s, u"libmp3lame"_s, u"-b:a"_s, u"192k"_s, u"-ac"_s, u"2"_s,
                u"-c:v"_s, u"copy"_s, u"-disposition:v:0"_s, u"attached_pic"_s, u"-id3v2_version"_s, u"3"_s,
                u"-metadata:s:v"_s, u"title=Album cover"_s, u"-metadata:s:v"_s, u"comment=Cover (front)"_s,
                u"-metadata"_s, u"title="_s + a.titles[i], u"-metadata"_s, u"artist="_s + a.artist,
                u"-metadata"_s, u"album_artist="_s + a.artist, u"-metadata"_s, u"album="_s + a.album,
                u"-metadata"_s, u"date="_s + a.year, u"-metadata"_s, u"genre="_s + a.genre,
                u"-metadata"_s, u"track=%1/%2"_s.arg(i + 1).arg(a.titles.size()), file};
            if (const QString e = ffmpeg(args); !e.isEmpty())
                return e;
        }
        QFile::remove(cover);
    }
    QDir().mkpath(root + u"/Videos"_s);
    if (const QString e = test::makeVideo(root + u"/Videos/Test Pattern.mp4"_s, 8, 640, 360); !e.isEmpty())
        return e;
    return test::makeVideo(root + u"/Videos/Holiday Clip.mkv"_s, 6, 480, 270);
}

// Two clients that play songs slowly (a piece, a pause) until told to stop, so the Activity tab
// lists streams and its chart has a rate to draw. Blocking HTTP on their own threads.
class SlowListeners
{
public:
    SlowListeners(quint16 port, const QByteArray &user, const QByteArray &password)
    {
        for (int i = 0; i < 2; ++i)
            m_threads.emplace_back([this, port, user, password, i] { listen(port, user, password, i); });
    }
    ~SlowListeners()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            t.join();
    }

private:
    void listen(quint16 port, const QByteArray &user, const QByteArray &password, int which)
    {
        test::TestHttpClient client(port, 16 * 1024);
        const QByteArray login = R"({"name":")" + user + R"(","password":")" + password + R"("})";
        client.sendRequest("POST", "/api/auth/login",
                           {"Content-Type: application/json", "Content-Length: " + QByteArray::number(login.size())});
        client.send(login);
        const test::TestHttpResponse answer = client.read();
        const QByteArray token = QJsonDocument::fromJson(answer.body).object().value(u"token"_s).toString().toLatin1();
        if (answer.status != 200 || token.isEmpty()) {
            say(u"slow listener: login failed (%1)"_s.arg(answer.status));
            return;
        }
        const QByteArray auth = "Authorization: Bearer " + token;
        const QJsonArray items = QJsonDocument::fromJson(client.get("/api/tracks?limit=50", {auth}).body)
                                     .object().value(u"items"_s).toArray();
        if (items.isEmpty()) {
            say(u"slow listener: no tracks"_s);
            return;
        }
        const qint64 id = items.at((which * 5) % items.size()).toObject().value(u"id"_s).toInteger();
        const QByteArray target = "/api/tracks/" + QByteArray::number(id) + (which == 0 ? "/stream" : "/download");
        client.sendRequest("GET", target, {auth});
        test::TestHttpClient::ReadOptions options;
        options.framing = test::TestHttpClient::Framing::Any;
        options.timeoutMs = -1;
        options.onBody = [this, which](const QByteArray &) {
            QThread::msleep(which == 0 ? 5 : 10);
            return !m_stop.load();
        };
        client.read(options);
    }

    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"Cairn"_s);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2 || args[1].startsWith(u'-')) {
        std::fprintf(stderr, "usage: cairn_screenshots OUTPUT_DIR\n");
        return 2;
    }
    QDir out(args[1]);
    if (!QDir().mkpath(out.absolutePath())) {
        say(u"cannot make %1"_s.arg(out.absolutePath()));
        return 1;
    }

    QTemporaryDir temp;
    // The settings and the tray's autostart entry stay in the temporary folder too.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(temp.filePath(u"config"_s)));
    say(u"making the demo library in %1"_s.arg(temp.path()));
    if (const QString error = makeDemoLibrary(temp.path()); !error.isEmpty()) {
        say(u"ffmpeg: "_s + error);
        return 1;
    }
    const QString music = temp.filePath(u"Music"_s);
    const QString videos = temp.filePath(u"Videos"_s);

    Options options;
    options.dataDir = temp.filePath(u"data"_s);
    options.port = 0;
    options.bind = QHostAddress::LocalHost;
    options.libraries = {music, videos};
    Runtime runtime(options);
    if (const auto error = runtime.start()) {
        say(u"cannot start: "_s + *error);
        return 1;
    }

    UserChanges admin;
    admin.name = u"alice"_s;
    admin.password = u"correct horse battery"_s;
    admin.admin = true;
    const auto alice = runtime.users().create(admin);
    UserChanges guest;
    guest.name = u"bob"_s;
    guest.password = u"another long secret"_s;
    guest.admin = false;
    guest.maxBitrate = 192;
    const auto bob = runtime.users().create(guest);
    if (!alice || !bob) {
        say(u"cannot create the demo users"_s);
        return 1;
    }
    (void)runtime.appPasswords().create(alice->id, u"Phone (Subsonic app)"_s);
    (void)runtime.appPasswords().create(alice->id, u"Living room TV"_s);

    // A cap on each stream, so the Activity tab's streams last (a song at 48 kB/s: over a minute)
    // instead of ending in the socket buffers at once; the tab shows the limit it applies.
    StreamLimits limits;
    limits.streamBytesPerSecond = 48 * 1024;
    runtime.setStreamLimits(limits);

    DesktopWindow desktop(runtime);
    MainWindow &window = desktop.window();
    window.resize(kWindowSize);
    window.show();

    // The first scan: both folders, every file read.
    bool scanned = false;
    QObject::connect(&runtime.scanner(), &LibraryScanner::scanFinished, &window, [&scanned] { scanned = true; });
    auto *trackCount = window.findChild<QLabel *>(u"trackCountLabel"_s);
    const auto scanDone = [&] {
        return scanned || (!runtime.scanner().isScanning() && trackCount && !trackCount->text().startsWith(u"0 "_s));
    };
    if (!QTest::qWaitFor(scanDone, 180000)) {
        say(u"the scan did not finish"_s);
        return 1;
    }
    // Once more with the window watching (the first may end before it is built): its progress
    // bar and figures show a finished scan.
    scanned = false;
    runtime.scanner().requestScan();
    if (!QTest::qWaitFor([&scanned] { return scanned; }, 180000)) {
        say(u"the rescan did not finish"_s);
        return 1;
    }
    say(u"scan finished: "_s + (trackCount ? trackCount->text() : QString()));

    const auto listeners = std::make_unique<SlowListeners>(runtime.server().port(), "alice", "correct horse battery");
    settle(1000);

    // Every tab of the main window; the Activity tab after a few seconds of streaming.
    auto *tabs = window.findChild<QTabWidget *>(u"tabs"_s);
    int failures = 0;
    for (int i = 0; tabs && i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        const QString name = slug(tabs->tabText(i));
        settle(name == u"albums"_s ? 2500 : name == u"activity"_s ? 8000 : 500);
        failures += !save(&window, out, u"tab-"_s + name);
    }

    // The settings dialog, page by page.
    if (SettingsDialog *settings = desktop.openSettings()) {
        settings->resize(settings->sizeHint().expandedTo(QSize(640, 480)));
        settings->show();
        auto *pages = settings->findChild<QTabWidget *>();
        for (int i = 0; pages && i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            failures += !save(settings, out, u"settings-"_s + slug(pages->tabText(i)));
        }
        settings->reject();
    }

    // The user dialogs.
    const QList<Folder> folders = FolderRepository(runtime.database()).list();
    const auto submit = [](const UserChanges &) -> std::optional<QString> { return std::nullopt; };
    {
        UserEditDialog edit(folders, *bob, submit, &window);
        edit.show();
        failures += !save(&edit, out, u"dialog-user-edit"_s);
    }
    {
        AppPasswordsDialog passwords(runtime.appPasswords(), *alice, &window);
        passwords.show();
        failures += !save(&passwords, out, u"dialog-app-passwords"_s);
    }

    // The tray menu, as it pops up.
    if (QMenu *menu = desktop.tray().menu()) {
        menu->popup(QPoint(900, 100));
        failures += !save(menu, out, u"tray-menu"_s);
        menu->hide();
    }

    // The first run, page by page (applied by a stand-in: nothing is set up).
    {
        FirstRunWizard wizard({music, videos}, [](const FirstRunChoices &) {
            return FirstRunOutcome{{}, QUrl(u"http://192.168.1.20:8096/"_s)};
        });
        wizard.show();
        const char *const names[] = {"admin", "library", "sharing", "ready"};
        for (int page = 0; page < 4; ++page) {
            if (page == 0) {
                if (auto *name = wizard.findChild<QLineEdit *>(u"adminName"_s))
                    name->setText(u"alice"_s);
                wizard.findChild<QLineEdit *>(u"adminPassword"_s)->setText(u"a long secret"_s);
                wizard.findChild<QLineEdit *>(u"adminPasswordRepeat"_s)->setText(u"a long secret"_s);
            }
            failures += !save(&wizard, out, u"first-run-%1-%2"_s.arg(page + 1).arg(QLatin1StringView(names[page])));
            wizard.next();
        }
        if (wizard.currentId() != FirstRunWizard::ReadyPage)
            say(u"the first-run wizard did not reach its last page"_s);
    }
    return failures == 0 ? 0 : 1;
}
