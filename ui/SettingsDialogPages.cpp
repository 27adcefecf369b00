// The settings dialog's pages: which settings each shows, with their labels, defaults and
// ranges (the defaults are Runtime's; README's settings table lists them).

#include "SettingsDialog.h"
#include "SettingsDialogField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QWidget *SettingsDialog::networkPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    QSpinBox *port = addNumber(form, settingkeys::port, tr("Port:"), 8765, 1, 65535, QString(), false);
    QComboBox *bind = addChoice(form, settingkeys::bind, tr("Who may connect:"),
                                {{u"0.0.0.0"_s, tr("Devices on the home network")},
                                 {u"127.0.0.1"_s, tr("This computer only")}},
                                u"0.0.0.0"_s, false);
    // What is in force, which --port and --bind may have set instead of cairn.ini.
    if (m_hooks.listeningPort != 0) {
        port->setValue(m_hooks.listeningPort);
        m_fields.value(settingkeys::port)->shown = port->value();
    }
    if (!m_hooks.listeningAddress.isNull()) {
        const QString address = m_hooks.listeningAddress.toString();
        if (bind->findData(address) < 0)
            bind->addItem(address, address);
        bind->setCurrentIndex(bind->findData(address));
        m_fields.value(settingkeys::bind)->shown = address;
    }
    addFileRow(form, settingkeys::certificate, tr("HTTPS certificate (PEM):"), tr("PEM files (*.pem *.crt *.cer);;All files (*)"), false);
    addFileRow(form, settingkeys::tlsKey, tr("HTTPS private key (PEM):"), tr("PEM files (*.pem *.key);;All files (*)"), false);
    m_certificateResult = addCheckRow(form, tr("Test certificate"), u"testCertificate"_s, u"certificateResult"_s,
                                      &SettingsDialog::testCertificate);
    addText(form, u"server/corsOrigins"_s, tr("Web origins allowed to call the API (CORS):"), QString(), true)
        ->setPlaceholderText(tr("none; e.g. https://player.example, or * for any"));
    addText(form, u"server/trustedProxies"_s, tr("Trusted reverse proxies:"), QString(), true)
        ->setPlaceholderText(tr("none; e.g. 10.0.0.0/8, ::1"));
    addNumber(form, u"server/idleTimeoutSeconds"_s, tr("Close idle connections after:"), 30, 1, 3600, tr(" s"), true);
    addNumber(form, u"server/requestTimeoutSeconds"_s, tr("A request must arrive within:"), 15, 1, 600, tr(" s"), true);
    return page;
}

QWidget *SettingsDialog::streamingPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    addNumber(form, u"transcode/maxConcurrent"_s, tr("FFmpeg processes at once:"), 0, 0, 256, QString(), true)
        ->setSpecialValueText(tr("one per processor core"));
    addNumber(form, u"transcode/maxQueued"_s, tr("FFmpeg jobs that may wait:"), 64, 0, 10000, QString(), true);
    addNumber(form, u"transcode/queueTimeoutSeconds"_s, tr("Longest wait for FFmpeg:"), 30, 1, 3600, tr(" s"), true);
    addNumber(form, settingkeys::upload, tr("Largest upload:"), 4096, 0, 1 << 20, tr(" MiB"), true)
        ->setSpecialValueText(tr("no uploads"));
    addFlag(form, u"metrics/public"_s, tr("Prometheus metrics (/metrics) without signing in"), false, true);
    auto *note = new QLabel(tr("Stream limits and bandwidth caps are on the Activity tab."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::storagePage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    const QString mib = tr(" MiB");
    addNumber(form, u"transcode/cacheMiB"_s, tr("Transcode cache:"), 2048, 0, 1 << 20, mib, false)
        ->setSpecialValueText(tr("no cache"));
    addNumber(form, u"optimised/storeMiB"_s, tr("Optimised versions:"), 20480, 1, 1 << 30, mib, true);
    addNumber(form, u"artwork/cacheMiB"_s, tr("Artwork cache:"), 256, 8, 1 << 20, mib, true);
    addNumber(form, u"preview/thumbnailCacheMiB"_s, tr("Video thumbnail cache:"), 64, 8, 1 << 20, mib, true);
    addNumber(form, u"subtitle/cacheMiB"_s, tr("Subtitle cache:"), 32, 1, 1 << 20, mib, true);
    const QString dir = QDir::toNativeSeparators(m_hooks.dataDir);
    auto *where = new QLabel(tr("The catalog, the settings and every cache live in %1 (caches in its "
                                "\"cache\" folder, optimised versions in \"optimised\"). Another place: "
                                "start Cairn with --data-dir.").arg(dir),
                             page);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(where);
    auto *open = new QPushButton(tr("Open data folder"), page);
    open->setObjectName(u"openDataFolder"_s);
    connect(open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_hooks.dataDir)); });
    form->addRow(QString(), open);
    return page;
}

QWidget *SettingsDialog::videoPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    QLineEdit *ffmpeg = addFileRow(form, settingkeys::ffmpeg, tr("FFmpeg program:"), QString(), true);
    if (ffmpeg->text().isEmpty())
        ffmpeg->setText(u"ffmpeg"_s);
    m_fields.value(settingkeys::ffmpeg)->shown = ffmpeg->text();
    m_ffmpegVersion = addCheckRow(form, tr("Check FFmpeg"), u"checkFfmpeg"_s, u"ffmpegVersion"_s,
                                  &SettingsDialog::checkFfmpeg);

    addNumber(form, u"hls/segmentSeconds"_s, tr("HLS segment length:"), 6, 2, 20, tr(" s"), true);
    addChoice(form, u"hls/segmentFormat"_s, tr("HLS segments:"),
              {{u"fmp4"_s, tr("fragmented MP4 (CMAF; also DASH)")}, {u"mpegts"_s, tr("MPEG-TS (old players)")}},
              u"fmp4"_s, true);
    QList<QPair<QString, QString>> speeds;
    for (const QString &speed : {u"ultrafast"_s, u"superfast"_s, u"veryfast"_s, u"faster"_s, u"fast"_s,
                                 u"medium"_s, u"slow"_s, u"slower"_s, u"veryslow"_s})
        speeds.append({speed, speed});
    addChoice(form, u"hls/x264Preset"_s, tr("x264 speed (slower: smaller, fewer sessions):"), speeds,
              u"veryfast"_s, true);
    addNumber(form, u"hls/aheadSegments"_s, tr("Segments made ahead of the player:"), 10, 1, 1000, QString(), true);
    addNumber(form, u"hls/producerIdleSeconds"_s, tr("Stop FFmpeg after no request for:"), 20, 1, 3600, tr(" s"), true);
    addNumber(form, u"hls/sessionIdleSeconds"_s, tr("End a silent HLS session after:"), 120, 1, 86400, tr(" s"), true);
    return page;
}

QWidget *SettingsDialog::generalPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    addChoice(form, u"ui/language"_s, tr("Language:"),
              {{QString(), tr("Automatic (the system's language)")}, {u"en"_s, u"English"_s},
               {u"de"_s, u"Deutsch"_s}, {u"fr"_s, u"Français"_s}, {u"es"_s, u"Español"_s}},
              QString(), true);
    m_startAtLogin = new QCheckBox(tr("Start Cairn when I log in"), page);
    m_startAtLogin->setObjectName(u"startAtLogin"_s);
    m_loginShown = m_hooks.startsAtLogin && m_hooks.startsAtLogin();
    m_startAtLogin->setChecked(m_loginShown);
    m_startAtLogin->setEnabled(bool(m_hooks.setStartAtLogin));
    form->addRow(m_startAtLogin);
    addFlag(form, u"ui/startMinimized"_s, tr("Start in the tray, without opening the window"), false, true);
    addFlag(form, u"ui/notifyNewDevices"_s, tr("Notify when a device starts streaming for the first time"), true, false);
    addNumber(form, u"history/maxRows"_s, tr("Finished streams kept:"), 10000, 0, 100000000, QString(), false)
        ->setSpecialValueText(tr("no limit"));
    addNumber(form, u"history/maxDays"_s, tr("Keep finished streams for:"), 365, 0, 36500, tr(" days"), false)
        ->setSpecialValueText(tr("no limit"));
    return page;
}

} // namespace cairn
