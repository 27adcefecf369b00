// The settings dialog as a user goes through it, opened from the window's menu on the real
// runtime: it shows cairn.ini's values (defaults where none), a new port really moves the
// server (the old port then refuses), HTTPS is switched on and answers over TLS, and bad values
// (a port in use, a missing certificate, a key without its certificate, an FFmpeg that is not a
// program, a malformed CORS origin or proxy) are refused in place with the reason while the
// server keeps serving as before and cairn.ini stays byte for byte the same. Only changed
// settings are written; the status line says which wait for the next start.

#include "ConfigHome.h"
#include "DesktopWindow.h"
#include "MainWindow.h"
#include "Runtime.h"
#include "SettingsDialog.h"
#include "TestHttpClient.h"
#include "TestTls.h"
#include "http/HttpServer.h"
#include "transcode/TranscodeCache.h"
#include "transcode/TranscodeService.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

struct Desktop
{
    QTemporaryDir dir;
    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<DesktopWindow> desktop;

    // `ini`: lines written to cairn.ini before the start.
    QString start(const QByteArray &ini = {})
    {
        Options options;
        options.dataDir = dir.filePath(u"data"_s);
        options.port = 0;
        options.bind = QHostAddress::LocalHost;
        QDir().mkpath(options.dataDir);
        QFile file(QDir(options.dataDir).filePath(u"cairn.ini"_s));
        if (!file.open(QIODevice::WriteOnly) || file.write(ini) != ini.size())
            return u"cannot write cairn.ini"_s;
        file.close();
        runtime = std::make_unique<Runtime>(options);
        if (const auto error = runtime->start())
            return *error;
        desktop = std::make_unique<DesktopWindow>(*runtime);
        return {};
    }
    QByteArray ini() const
    {
        QFile file(QDir(runtime->dataDir()).filePath(u"cairn.ini"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // Opens the dialog as a user does: the window's Settings… action.
    SettingsDialog *open()
    {
        auto *action = desktop->window().findChild<QAction *>(u"settingsAction"_s);
        if (!action)
            return nullptr;
        action->trigger();
        // The newest: one closed before may wait for its deletion.
        const auto dialogs = desktop->window().findChildren<SettingsDialog *>();
        for (SettingsDialog *dialog : dialogs) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
};

template<typename W>
W *fieldOf(SettingsDialog *dialog, const QString &key)
{
    return dialog->findChild<W *>(key);
}

void clickOk(SettingsDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void setText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClicks(edit, text);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

int healthStatus(quint16 port)
{
    return request(port, "GET", "/health").status;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Start at login writes here (Linux), never into the real user's autostart folder.
        QVERIFY(m_configHome.isValid());
        m_configGuard.emplace(configHomeAt(m_configHome.path()));
    }

    void showsStoredValuesAndDefaults()
    {
        Desktop d;
        QCOMPARE(d.start("[transcode]\ncacheMiB=100\n[hls]\nsegmentFormat=mpegts\n"), QString());
        SettingsDialog *dialog = d.open();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(fieldOf<QSpinBox>(dialog, u"transcode/cacheMiB"_s)->value(), 100);
        QCOMPARE(fieldOf<QComboBox>(dialog, u"hls/segmentFormat"_s)->currentData().toString(), u"mpegts"_s);
        QCOMPARE(fieldOf<QSpinBox>(dialog, u"hls/segmentSeconds"_s)->value(), 6);
        QCOMPARE(fieldOf<QSpinBox>(dialog, u"upload/maxBytes"_s)->value(), 4096);
        QCOMPARE(fieldOf<QLineEdit>(dialog, u"transcode/ffmpeg"_s)->text(), u"ffmpeg"_s);
        // The window listens on loopback (--bind), which the dialog shows as "this computer only".
        QCOMPARE(fieldOf<QComboBox>(dialog, u"server/bind"_s)->currentData().toString(), u"127.0.0.1"_s);

        // OK with nothing changed writes nothing: defaults stay defaults.
        const QByteArray before = d.ini();
        clickOk(dialog);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(!dialog->isVisible());
        QCOMPARE(d.ini(), before);
    }

    void portChangeMovesTheServer()
    {
        Desktop d;
        QCOMPARE(d.start(), QString());
        const quint16 before = d.runtime->server().port();
        QCOMPARE(healthStatus(before), 200);
        const quint16 wanted = freePort();
        QVERIFY(wanted != 0 && wanted != before);

        SettingsDialog *dialog = d.open();
        QVERIFY(dialog);
        auto *port = fieldOf<QSpinBox>(dialog, u"server/port"_s);
        port->setValue(wanted);
        clickOk(dialog);
        QCOMPARE(dialog->problem(), QString());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        QCOMPARE(d.runtime->server().port(), wanted);
        QCOMPARE(healthStatus(wanted), 200);
        QCOMPARE(healthStatus(before), 0);   // nothing listens there any more
        QVERIFY(d.ini().contains(QByteArray(QByteArray("port=") + QByteArray::number(wanted))));
        // The status line above the tabs follows; the one below says the settings were saved.
        QVERIFY(d.desktop->window().statusBar()->currentMessage().contains(u"saved"_s));
    }

    void portInUseIsRefusedAndNothingIsKept()
    {
        Desktop d;
        QCOMPARE(d.start(), QString());
        const quint16 before = d.runtime->server().port();
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const QByteArray ini = d.ini();

        SettingsDialog *dialog = d.open();
        fieldOf<QSpinBox>(dialog, u"transcode/cacheMiB"_s)->setValue(77);   // must not be kept either
        fieldOf<QSpinBox>(dialog, u"server/port"_s)->setValue(squatter.serverPort());
        clickOk(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problem().contains(QString::number(squatter.serverPort())), qPrintable(dialog->problem()));
        QCOMPARE(d.ini(), ini);
        QCOMPARE(d.runtime->server().port(), before);
        QCOMPARE(healthStatus(before), 200);
        // The port's page is in front with the field focused.
        auto *pages = dialog->findChild<QTabWidget *>();
        QVERIFY(pages->currentWidget()->isAncestorOf(fieldOf<QSpinBox>(dialog, u"server/port"_s)));

        // Another, free port then succeeds from the same dialog.
        const quint16 free = freePort();
        fieldOf<QSpinBox>(dialog, u"server/port"_s)->setValue(free);
        clickOk(dialog);
        QCOMPARE(dialog->problem(), QString());
        QCOMPARE(healthStatus(free), 200);
        QVERIFY(d.ini().contains("cacheMiB=77"));
    }

    void badCertificateIsRefused_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing file") << u"missing.pem"_s << u"key.pem"_s << u"missing.pem"_s;
        QTest::newRow("key without certificate") << QString() << u"key.pem"_s << u"both"_s;
        QTest::newRow("certificate without key") << u"cert.pem"_s << QString() << u"both"_s;
        QTest::newRow("key as certificate") << u"key.pem"_s << u"key.pem"_s << u"no PEM certificate"_s;
        QTest::newRow("certificate as key") << u"cert.pem"_s << u"cert.pem"_s << u"private key"_s;
    }

    void badCertificateIsRefused()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        Desktop d;
        QCOMPARE(d.start(), QString());
        QCOMPARE(makeSelfSignedCertificate(d.dir.filePath(u"cert.pem"_s), d.dir.filePath(u"key.pem"_s)), QString());
        const quint16 port = d.runtime->server().port();
        const QByteArray ini = d.ini();
        SettingsDialog *dialog = d.open();
        setText(fieldOf<QLineEdit>(dialog, u"server/tlsCertificate"_s),
                certificate.isEmpty() ? QString() : d.dir.filePath(certificate));
        setText(fieldOf<QLineEdit>(dialog, u"server/tlsKey"_s), key.isEmpty() ? QString() : d.dir.filePath(key));
        clickOk(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problem().contains(expected), qPrintable(dialog->problem()));
        QCOMPARE(d.ini(), ini);
        QCOMPARE(healthStatus(port), 200);   // still plain HTTP on the same port
        QVERIFY(!d.runtime->server().isHttps());
    }

    void httpsIsSwitchedOnAndTested()
    {
        Desktop d;
        QCOMPARE(d.start(), QString());
        const QString cert = d.dir.filePath(u"cert.pem"_s);
        QCOMPARE(makeSelfSignedCertificate(cert, d.dir.filePath(u"key.pem"_s)), QString());
        SettingsDialog *dialog = d.open();
        setText(fieldOf<QLineEdit>(dialog, u"server/tlsCertificate"_s), cert);
        setText(fieldOf<QLineEdit>(dialog, u"server/tlsKey"_s), d.dir.filePath(u"key.pem"_s));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"testCertificate"_s), Qt::LeftButton);
        QVERIFY2(dialog->findChild<QLabel *>(u"certificateResult"_s)->text().contains(u"localhost"_s),
                 qPrintable(dialog->findChild<QLabel *>(u"certificateResult"_s)->text()));
        clickOk(dialog);
        QCOMPARE(dialog->problem(), QString());
        QVERIFY(d.runtime->server().isHttps());
        QCOMPARE(d.runtime->server().baseUrl().scheme(), u"https"_s);
        QFile pem(cert);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const TlsReply reply = tlsRequest(d.runtime->server().port(), QSslCertificate(pem.readAll()),
                                          requestBytes("GET", "/health", {"Connection: close"}));
        QVERIFY(reply.encrypted);
        QVERIFY2(reply.raw.startsWith("HTTP/1.1 200"), reply.raw.left(200).constData());
        QVERIFY(d.ini().contains("tlsCertificate="));
    }

    void badFfmpegIsRefused_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing path") << u"/nonexistent/bin/ffmpeg"_s << u"not a program"_s;
        QTest::newRow("not executable") << u"@notes.txt"_s << u"not a program"_s;
        QTest::newRow("a directory") << u"@"_s << u"not a program"_s;
        QTest::newRow("unknown name") << u"no-such-ffmpeg-here"_s << u"PATH"_s;
        QTest::newRow("empty") << QString() << u"PATH"_s;
    }

    void badFfmpegIsRefused()
    {
        QFETCH(QString, program);
        QFETCH(QString, expected);
        Desktop d;
        QCOMPARE(d.start(), QString());
        QFile notes(d.dir.filePath(u"notes.txt"_s));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a program\n");
        notes.close();
        if (program.startsWith(u'@'))
            program = d.dir.filePath(program.mid(1));
        const QByteArray ini = d.ini();
        SettingsDialog *dialog = d.open();
        setText(fieldOf<QLineEdit>(dialog, u"transcode/ffmpeg"_s), program);
        clickOk(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problem().contains(expected), qPrintable(dialog->problem()));
        QCOMPARE(d.ini(), ini);
    }

    void ffmpegIsCheckedWithoutBlocking()
    {
        Desktop d;
        QCOMPARE(d.start(), QString());
        SettingsDialog *dialog = d.open();
        auto *version = dialog->findChild<QLabel *>(u"ffmpegVersion"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"checkFfmpeg"_s), Qt::LeftButton);
        QVERIFY(!version->text().startsWith(u"ffmpeg version"_s));   // the answer comes later
        QTRY_VERIFY2_WITH_TIMEOUT(version->text().startsWith(u"ffmpeg version"_s), qPrintable(version->text()), 10000);

        setText(fieldOf<QLineEdit>(dialog, u"transcode/ffmpeg"_s), u"/nonexistent/ffmpeg"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"checkFfmpeg"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(version->text().contains(u"Cannot start"_s), qPrintable(version->text()), 10000);
    }

    void badListsAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("origin with a path") << u"server/corsOrigins"_s << u"https://a.example/player"_s << u"a.example/player"_s;
        QTest::newRow("origin without scheme") << u"server/corsOrigins"_s << u"https://ok.example, player.example"_s << u"\"player.example\""_s;
        QTest::newRow("ftp origin") << u"server/corsOrigins"_s << u"ftp://files.example"_s << u"ftp://"_s;
        QTest::newRow("proxy name") << u"server/trustedProxies"_s << u"10.0.0.1, proxy.lan"_s << u"\"proxy.lan\""_s;
        QTest::newRow("proxy prefix") << u"server/trustedProxies"_s << u"10.0.0.0/40"_s << u"10.0.0.0/40"_s;
    }

    void badListsAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Desktop d;
        QCOMPARE(d.start(), QString());
        const QByteArray ini = d.ini();
        SettingsDialog *dialog = d.open();
        setText(fieldOf<QLineEdit>(dialog, key), value);
        clickOk(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problem().contains(expected), qPrintable(dialog->problem()));
        QCOMPARE(d.ini(), ini);
    }

    void goodValuesAreKeptAndAppliedWhereTheyCan()
    {
        Desktop d;
        QCOMPARE(d.start(), QString());
        SettingsDialog *dialog = d.open();
        setText(fieldOf<QLineEdit>(dialog, u"server/corsOrigins"_s), u"https://player.example, http://tv.lan:8080"_s);
        setText(fieldOf<QLineEdit>(dialog, u"server/trustedProxies"_s), u"10.0.0.0/8, ::1"_s);
        fieldOf<QSpinBox>(dialog, u"transcode/cacheMiB"_s)->setValue(300);
        fieldOf<QSpinBox>(dialog, u"upload/maxBytes"_s)->setValue(10);
        auto *language = fieldOf<QComboBox>(dialog, u"ui/language"_s);
        language->setCurrentIndex(language->findData(u"fr"_s));
        fieldOf<QCheckBox>(dialog, u"ui/startMinimized"_s)->setChecked(true);
        dialog->findChild<QCheckBox *>(u"startAtLogin"_s)->setChecked(true);
        clickOk(dialog);
        QCOMPARE(dialog->problem(), QString());
        QVERIFY(dialog->restartNeeded());
        QVERIFY(d.desktop->window().statusBar()->currentMessage().contains(u"*"_s));

        QSettings ini(QDir(d.runtime->dataDir()).filePath(u"cairn.ini"_s), QSettings::IniFormat);
        QCOMPARE(ini.value(u"server/corsOrigins"_s).toStringList(),
                 QStringList({u"https://player.example"_s, u"http://tv.lan:8080"_s}));
        QCOMPARE(ini.value(u"server/trustedProxies"_s).toStringList(), QStringList({u"10.0.0.0/8"_s, u"::1"_s}));
        QCOMPARE(ini.value(u"upload/maxBytes"_s).toLongLong(), 10LL << 20);
        QCOMPARE(ini.value(u"ui/language"_s).toString(), u"fr"_s);
        QCOMPARE(ini.value(u"ui/startMinimized"_s).toBool(), true);
        QVERIFY(!ini.contains(u"hls/segmentSeconds"_s));   // untouched: not written
        // The transcode cache is resized at once.
        QCOMPARE(d.runtime->transcoding().cache().maxBytes(), 300LL << 20);
        // Start at login: the autostart entry exists (Linux), and the dialog shows it next time.
        QVERIFY(QFile::exists(m_configHome.filePath(u"autostart/cairn.desktop"_s)));
        SettingsDialog *again = d.open();
        QVERIFY(again->findChild<QCheckBox *>(u"startAtLogin"_s)->isChecked());
        again->findChild<QCheckBox *>(u"startAtLogin"_s)->setChecked(false);
        clickOk(again);
        QVERIFY(!QFile::exists(m_configHome.filePath(u"autostart/cairn.desktop"_s)));
    }

private:
    QTemporaryDir m_configHome;
    std::optional<decltype(configHomeAt(QString()))> m_configGuard;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
