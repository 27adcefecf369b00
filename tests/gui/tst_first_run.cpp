// The first run as a new user goes through it, on the real runtime: the wizard refuses a bad
// account in place, offers the user's folders, applies LAN or this-computer-only by listening
// again, creates the administrator (who can then log in over HTTP), starts the scan, writes the
// autostart entry and turns DLNA on; its last page shows the address, and the QR code beside
// it decodes (zbarimg, a real reader) to that address. A network choice that cannot be applied
// is reported on the page, which stays, and another choice then succeeds.

#include "ConfigHome.h"
#include "FirstRunSetup.h"
#include "FirstRunWizard.h"
#include "LoginStart.h"
#include "MediaFixtures.h"
#include "Runtime.h"
#include "TestHttpClient.h"
#include "auth/UserAdministration.h"
#include "catalog/FolderRepository.h"
#include "dlna/DlnaSettings.h"
#include "http/HttpServer.h"
#include "DlnaServer.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

template<typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning("no %s", qPrintable(name));
    return found;
}

// The text zbarimg reads from the image, or why it could not.
QString decodeQr(const QImage &image, const QString &dir)
{
    const QString file = dir + u"/qr.png"_s;
    if (!image.save(file))
        return u"cannot save the image"_s;
    const QString zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
    if (zbarimg.isEmpty())
        return u"zbarimg missing (Debian: zbar-tools)"_s;
    QProcess reader;
    reader.start(zbarimg, {u"--quiet"_s, u"--raw"_s, file});
    if (!reader.waitForFinished(20000) || reader.exitCode() != 0)
        return u"zbarimg found no code: "_s + QString::fromUtf8(reader.readAllStandardError());
    return QString::fromUtf8(reader.readAllStandardOutput()).trimmed();
}

// A runtime on a fresh data dir, on loopback and an ephemeral port, with no user yet.
struct FreshRuntime
{
    QTemporaryDir dir;
    std::unique_ptr<Runtime> runtime;

    QString start()
    {
        Options options;
        options.dataDir = dir.filePath(u"data"_s);
        options.port = 0;
        options.bind = QHostAddress::LocalHost;
        runtime = std::make_unique<Runtime>(options);
        if (const auto error = runtime->start())
            return *error;
        return runtime->users().hasUsers() ? u"a user exists already"_s : QString();
    }
};

std::optional<User> userNamed(Runtime &runtime, const QString &name)
{
    for (const User &user : runtime.users().list())
        if (user.name == name)
            return user;
    return std::nullopt;
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lanSetupEndsWithAReadableAddress();
    void thisComputerOnlyAfterARefusedNetworkChoice();
};

void TestFirstRun::lanSetupEndsWithAReadableAddress()
{
    FreshRuntime fresh;
    QCOMPARE(fresh.start(), QString());
    Runtime &runtime = *fresh.runtime;
    const auto restore = configHomeAt(fresh.dir.filePath(u"config"_s));
    const LoginStart loginStart(u"/usr/bin/cairn"_s);

    const QString music = fresh.dir.filePath(u"Music"_s);
    const QString videos = fresh.dir.filePath(u"Videos"_s);
    const QString more = fresh.dir.filePath(u"More music"_s);
    QVERIFY(QDir().mkpath(music) && QDir().mkpath(videos) && QDir().mkpath(more));
    QCOMPARE(makeAudio(music + u"/song.mp3"_s, 1.0, {{u"title"_s, u"First song"_s}}), QString());

    FirstRunWizard wizard({music, fresh.dir.filePath(u"Missing"_s), videos},
                          [&](const FirstRunChoices &c) { return applyFirstRun(runtime, loginStart, c); });
    wizard.setFolderPicker([more] { return more; });
    wizard.show();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPage));

    // A bad account stays on the page with the reason.
    auto *name = child<QLineEdit>(wizard, u"adminName"_s);
    auto *password = child<QLineEdit>(wizard, u"adminPassword"_s);
    auto *repeat = child<QLineEdit>(wizard, u"adminPasswordRepeat"_s);
    auto *accountMessage = child<QLabel>(wizard, u"accountMessage"_s);
    QVERIFY(name && password && repeat && accountMessage);
    name->setText(u"alice"_s);
    password->setText(u"short"_s);
    repeat->setText(u"short"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPage));
    QVERIFY(!accountMessage->text().isEmpty());
    password->setText(u"a long enough secret"_s);
    repeat->setText(u"a long enough secret!"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPage));
    QCOMPARE(accountMessage->text(), u"The two passwords differ."_s);
    repeat->setText(u"a long enough secret"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::LibraryPage));
    QVERIFY(!runtime.users().hasUsers());   // nothing is created before the last step

    // The folders that exist are offered, ticked; one more is added.
    auto *folders = child<QListWidget>(wizard, u"folderList"_s);
    QCOMPARE(folders->count(), 2);
    QTest::mouseClick(child<QPushButton>(wizard, u"addFolderButton"_s), Qt::LeftButton);
    QCOMPARE(folders->count(), 3);
    folders->item(1)->setCheckState(Qt::Unchecked);   // not the videos
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SharingPage));

    child<QRadioButton>(wizard, u"lanAccess"_s)->setChecked(true);
    child<QCheckBox>(wizard, u"dlnaEnabled"_s)->setChecked(true);
    child<QCheckBox>(wizard, u"startAtLogin"_s)->setChecked(true);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::ReadyPage));

    // Applied: listening on every address, the account, the folders, the scan, autostart, DLNA.
    QCOMPARE(QSettings(fresh.dir.filePath(u"data/cairn.ini"_s), QSettings::IniFormat).value(u"server/bind"_s).toString(),
             u"0.0.0.0"_s);
    QVERIFY(runtime.server().isRunning());
    const std::optional<User> alice = userNamed(runtime, u"alice"_s);
    QVERIFY(alice && alice->admin);
    QStringList paths;
    for (const Folder &f : FolderRepository(runtime.database()).list())
        paths << f.path;
    paths.sort();
    QVERIFY2(paths == (QStringList{more, music}), qPrintable(paths.join(u", "_s)));
    QVERIFY(loginStart.isEnabled());
    QTRY_VERIFY(runtime.dlna().status().running || !runtime.dlna().status().problem.isEmpty());
    QVERIFY(runtime.dlna().status().settings.enabled);
    QCOMPARE(runtime.dlna().status().settings.user, u"alice"_s);

    // The account works over HTTP, and the scan found the song.
    TestHttpClient client(runtime.server().port());
    const QByteArray login = R"({"name":"alice","password":"a long enough secret"})";
    client.send("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(login.size()) + "\r\n\r\n" + login);
    const TestHttpResponse answer = client.read();
    QCOMPARE(answer.status, 200);
    const QByteArray token = QJsonDocument::fromJson(answer.body).object().value(u"token"_s).toString().toLatin1();
    QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(client.get("/api/tracks", {"Authorization: Bearer " + token}).body)
                                  .object().value(u"total"_s).toInt(), 1, 30000);

    // The address, as text and as a code a phone reads.
    const QString address = child<QLabel>(wizard, u"addressLabel"_s)->text();
    const QList<QUrl> lan = runtime.server().lanUrls();
    QCOMPARE(address, (lan.isEmpty() ? runtime.server().baseUrl() : lan.first()).toString());
    auto *qr = child<QLabel>(wizard, u"qrCode"_s);
    QVERIFY(qr->isVisible());
    QCOMPARE(decodeQr(qr->pixmap().toImage(), fresh.dir.path()), address);
}

void TestFirstRun::thisComputerOnlyAfterARefusedNetworkChoice()
{
    FreshRuntime fresh;
    QCOMPARE(fresh.start(), QString());
    Runtime &runtime = *fresh.runtime;
    const auto restore = configHomeAt(fresh.dir.filePath(u"config"_s));
    const LoginStart loginStart(u"/usr/bin/cairn"_s);
    const quint16 port = runtime.server().port();

    // Another program holds the port on another local address: every-address listening fails.
    QTcpServer squatter;
    QVERIFY2(squatter.listen(QHostAddress(u"127.0.0.2"_s), port), qPrintable(squatter.errorString()));

    FirstRunWizard wizard({}, [&](const FirstRunChoices &c) { return applyFirstRun(runtime, loginStart, c); });
    wizard.show();
    child<QLineEdit>(wizard, u"adminName"_s)->setText(u"bob"_s);
    child<QLineEdit>(wizard, u"adminPassword"_s)->setText(u"another long secret"_s);
    child<QLineEdit>(wizard, u"adminPasswordRepeat"_s)->setText(u"another long secret"_s);
    wizard.next();
    QCOMPARE(child<QListWidget>(wizard, u"folderList"_s)->count(), 0);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SharingPage));

    wizard.next();   // LAN, the default
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SharingPage));
    const QString refused = child<QLabel>(wizard, u"applyMessage"_s)->text();
    QVERIFY2(refused.startsWith(u"Cannot listen on 0.0.0.0:%1"_s.arg(port)), qPrintable(refused));
    // Back where it was, still serving.
    QVERIFY(runtime.server().isRunning());
    QCOMPARE(runtime.server().port(), port);
    QCOMPARE(TestHttpClient(port).get("/health").status, 200);

    auto *dlna = child<QCheckBox>(wizard, u"dlnaEnabled"_s);
    child<QRadioButton>(wizard, u"localOnly"_s)->setChecked(true);
    QVERIFY(!dlna->isEnabled());   // DLNA is for the network
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::ReadyPage));
    QCOMPARE(runtime.server().lanUrls(), QList<QUrl>());
    QCOMPARE(child<QLabel>(wizard, u"addressLabel"_s)->text(), runtime.server().baseUrl().toString());
    QVERIFY(!child<QLabel>(wizard, u"qrCode"_s)->isVisible());   // a phone cannot open loopback
    QVERIFY(userNamed(runtime, u"bob"_s));
    QVERIFY(!loginStart.isEnabled());
    QVERIFY(!runtime.dlna().status().settings.enabled);
    QCOMPARE(QSettings(fresh.dir.filePath(u"data/cairn.ini"_s), QSettings::IniFormat).value(u"server/bind"_s).toString(),
             u"127.0.0.1"_s);
}

QTEST_MAIN(TestFirstRun)
#include "tst_first_run.moc"
