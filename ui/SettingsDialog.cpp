#include "SettingsDialog.h"
#include "SettingsDialogField.h"

#include "http/auth/TlsFiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

QStringList commaList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString item = part.trimmed(); !item.isEmpty())
            items << item;
    }
    return items;
}

bool isOrigin(const QString &text)
{
    if (text == u"*"_s)
        return true;
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty()
        && (url.path().isEmpty()) && !url.hasQuery() && !url.hasFragment() && url.userInfo().isEmpty();
}

bool isAddressOrSubnet(const QString &text)
{
    if (text.contains(u'/'))
        return !QHostAddress::parseSubnet(text).first.isNull();
    return !QHostAddress(text).isNull();
}

} // namespace

SettingsDialog::SettingsDialog(QSettings &settings, Hooks hooks, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_hooks(std::move(hooks))
    , m_pages(new QTabWidget(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Cairn settings"));
    m_problem->setObjectName(u"settingsProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #b00020;"_s);
    m_problem->hide();

    m_pages->addTab(networkPage(), tr("Network"));
    m_pages->addTab(streamingPage(), tr("Streaming"));
    m_pages->addTab(storagePage(), tr("Storage"));
    m_pages->addTab(videoPage(), tr("Video"));
    m_pages->addTab(generalPage(), tr("General"));

    auto *note = new QLabel(tr("* takes effect when Cairn starts again."), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_problem);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

SettingsDialog::~SettingsDialog()
{
    qDeleteAll(m_order);
}

QLabel *SettingsDialog::addCheckRow(QFormLayout *form, const QString &buttonText, const QString &buttonName,
                                    const QString &resultName, void (SettingsDialog::*check)())
{
    auto *button = new QPushButton(buttonText);
    button->setObjectName(buttonName);
    auto *result = new QLabel;
    result->setObjectName(resultName);
    result->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(button);
    row->addWidget(result, 1);
    form->addRow(QString(), row);
    connect(button, &QPushButton::clicked, this, check);
    return result;
}

QString SettingsDialog::rowLabel(const QString &label, bool atStart) const
{
    return atStart ? label + u" *"_s : label;
}

void SettingsDialog::remember(QWidget *widget, const QString &key, const QVariant &shown, bool atStart)
{
    widget->setObjectName(key);
    auto *f = new Field{widget, key, shown, atStart};
    m_fields.insert(key, f);
    m_order.append(f);
}

QSpinBox *SettingsDialog::addNumber(QFormLayout *form, const QString &key, const QString &label, int defaultValue,
                                    int min, int max, const QString &suffix, bool atStart)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setSuffix(suffix);
    qint64 value = m_settings.value(key, defaultValue).toLongLong();
    if (key == settingkeys::upload && m_settings.contains(key))
        value >>= 20;
    box->setValue(int(qBound(qint64(min), value, qint64(max))));
    remember(box, key, box->value(), atStart);
    form->addRow(rowLabel(label, atStart), box);
    return box;
}

QLineEdit *SettingsDialog::newText(const QString &key, const QString &defaultValue, bool atStart)
{
    auto *edit = new QLineEdit;
    // Lists are kept as QSettings lists (comma-separated in the .ini).
    const QVariant stored = m_settings.value(key, defaultValue);
    edit->setText(stored.typeId() == QMetaType::QStringList ? stored.toStringList().join(u", "_s) : stored.toString());
    remember(edit, key, edit->text(), atStart);
    return edit;
}

QLineEdit *SettingsDialog::addText(QFormLayout *form, const QString &key, const QString &label,
                                   const QString &defaultValue, bool atStart)
{
    QLineEdit *edit = newText(key, defaultValue, atStart);
    form->addRow(rowLabel(label, atStart), edit);
    return edit;
}

QLineEdit *SettingsDialog::addFileRow(QFormLayout *form, const QString &key, const QString &label,
                                      const QString &filter, bool atStart)
{
    QLineEdit *edit = newText(key, QString(), atStart);
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        const QString file = QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(QDir::toNativeSeparators(file));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(rowLabel(label, atStart), row);
    return edit;
}

QComboBox *SettingsDialog::addChoice(QFormLayout *form, const QString &key, const QString &label,
                                     const QList<QPair<QString, QString>> &choices, const QString &defaultValue,
                                     bool atStart)
{
    auto *combo = new QComboBox;
    for (const auto &[value, text] : choices)
        combo->addItem(text, value);
    const QString current = m_settings.value(key, defaultValue).toString();
    int index = combo->findData(current);
    if (index < 0) {   // a value set in cairn.ini that the list does not name: keep it choosable
        combo->addItem(current, current);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
    remember(combo, key, current, atStart);
    form->addRow(rowLabel(label, atStart), combo);
    return combo;
}

QCheckBox *SettingsDialog::addFlag(QFormLayout *form, const QString &key, const QString &label, bool defaultValue,
                                   bool atStart)
{
    auto *box = new QCheckBox(rowLabel(label, atStart));
    box->setChecked(m_settings.value(key, defaultValue).toBool());
    remember(box, key, box->isChecked(), atStart);
    form->addRow(box);
    return box;
}

QVariant SettingsDialog::valueOf(const QWidget *widget) const
{
    if (const auto *box = qobject_cast<const QSpinBox *>(widget))
        return box->value();
    if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
        return edit->text().trimmed();
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->currentData().toString();
    if (const auto *box = qobject_cast<const QCheckBox *>(widget))
        return box->isChecked();
    return {};
}

QWidget *SettingsDialog::field(const QString &key) const
{
    const Field *f = m_fields.value(key);
    return f ? f->widget : nullptr;
}

bool SettingsDialog::changed(const QString &key) const
{
    const Field *f = m_fields.value(key);
    return f && valueOf(f->widget) != f->shown;
}

bool SettingsDialog::listeningChanged() const
{
    return changed(settingkeys::port) || changed(settingkeys::bind) || changed(settingkeys::certificate) || changed(settingkeys::tlsKey);
}

std::optional<QString> SettingsDialog::check(QWidget **where) const
{
    for (const QString &origin : commaList(valueOf(field(u"server/corsOrigins"_s)).toString())) {
        if (!isOrigin(origin)) {
            *where = field(u"server/corsOrigins"_s);
            return tr("\"%1\" is not a web origin such as https://player.example (scheme and host, no path), nor *.")
                .arg(origin);
        }
    }
    for (const QString &proxy : commaList(valueOf(field(u"server/trustedProxies"_s)).toString())) {
        if (!isAddressOrSubnet(proxy)) {
            *where = field(u"server/trustedProxies"_s);
            return tr("\"%1\" is not an address or a subnet such as 10.0.0.0/8.").arg(proxy);
        }
    }
    const QString certificate = valueOf(field(settingkeys::certificate)).toString();
    const QString key = valueOf(field(settingkeys::tlsKey)).toString();
    if (certificate.isEmpty() != key.isEmpty()) {
        *where = field(certificate.isEmpty() ? settingkeys::certificate : settingkeys::tlsKey);
        return tr("HTTPS needs both a certificate and its private key (or neither, for plain HTTP).");
    }
    if (!certificate.isEmpty() && (changed(settingkeys::certificate) || changed(settingkeys::tlsKey))) {
        if (const auto tls = loadTlsFiles(certificate, key); !tls) {
            *where = field(settingkeys::certificate);
            return tr("Cannot use the HTTPS certificate: %1").arg(tls.error().message);
        }
    }
    const QString ffmpeg = valueOf(field(settingkeys::ffmpeg)).toString();
    if (changed(settingkeys::ffmpeg)) {
        const bool isPath = ffmpeg.contains(u'/') || ffmpeg.contains(u'\\');
        const QFileInfo file(isPath ? ffmpeg : QStandardPaths::findExecutable(ffmpeg));
        if (ffmpeg.isEmpty() || !file.isFile() || !file.isExecutable()) {
            *where = field(settingkeys::ffmpeg);
            return isPath ? tr("%1 is not a program Cairn can run.").arg(QDir::toNativeSeparators(ffmpeg))
                          : tr("There is no program \"%1\" on the PATH.").arg(ffmpeg);
        }
    }
    return std::nullopt;
}

void SettingsDialog::showProblem(QWidget *where, const QString &message)
{
    for (const Field *f : std::as_const(m_order))
        f->widget->setStyleSheet(QString());
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    if (!where)
        return;
    // The page holding the field comes to the front, with the field marked and focused.
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->isAncestorOf(where))
            m_pages->setCurrentIndex(i);
    }
    where->setStyleSheet(u"border: 1px solid #b00020;"_s);
    where->setFocus();
}

QString SettingsDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool SettingsDialog::save()
{
    QWidget *where = nullptr;
    if (const auto problem = check(&where)) {
        showProblem(where, *problem);
        return false;
    }
    const bool login = m_startAtLogin->isChecked();
    if (login != m_loginShown && m_hooks.setStartAtLogin) {
        if (const auto error = m_hooks.setStartAtLogin(login)) {
            showProblem(m_startAtLogin, *error);
            return false;
        }
        m_loginShown = login;
    }
    if (listeningChanged() && m_hooks.listen) {
        const QHostAddress address(valueOf(field(settingkeys::bind)).toString());
        const auto port = quint16(valueOf(field(settingkeys::port)).toInt());
        const QString certificate = valueOf(field(settingkeys::certificate)).toString();
        if (const auto error = m_hooks.listen(address, port, certificate, valueOf(field(settingkeys::tlsKey)).toString())) {
            showProblem(field(changed(settingkeys::certificate) || changed(settingkeys::tlsKey) ? settingkeys::certificate : settingkeys::port), *error);
            return false;
        }
    }
    const bool cacheChanged = changed(u"transcode/cacheMiB"_s);
    const bool historyChanged = changed(u"history/maxRows"_s) || changed(u"history/maxDays"_s);
    bool restart = false;
    for (Field *f : std::as_const(m_order)) {
        const QVariant value = valueOf(f->widget);
        if (value == f->shown)
            continue;
        if (f->key == settingkeys::upload)
            m_settings.setValue(f->key, qint64(value.toInt()) << 20);
        else if (f->key == u"server/corsOrigins"_s || f->key == u"server/trustedProxies"_s)
            m_settings.setValue(f->key, commaList(value.toString()));
        else if (f->key == u"ui/language"_s && value.toString().isEmpty())
            m_settings.remove(f->key);
        else
            m_settings.setValue(f->key, value);
        f->shown = value;
        restart = restart || f->atStart;
    }
    if (m_hooks.transcodeCacheMiB && cacheChanged)
        m_hooks.transcodeCacheMiB(valueOf(field(u"transcode/cacheMiB"_s)).toInt());
    if (m_hooks.historyRetention && historyChanged)
        m_hooks.historyRetention(valueOf(field(u"history/maxRows"_s)).toInt(),
                                 valueOf(field(u"history/maxDays"_s)).toInt());
    m_settings.sync();
    showProblem(nullptr, QString());
    m_restartNeeded = restart;
    Q_EMIT saved(restart);
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

void SettingsDialog::testCertificate()
{
    const QString certificate = valueOf(field(settingkeys::certificate)).toString();
    const QString key = valueOf(field(settingkeys::tlsKey)).toString();
    if (certificate.isEmpty() || key.isEmpty()) {
        m_certificateResult->setText(tr("Choose a certificate and its key first."));
        return;
    }
    const auto tls = loadTlsFiles(certificate, key);
    if (!tls) {
        m_certificateResult->setText(tr("Cannot use the HTTPS certificate: %1").arg(tls.error().message));
        return;
    }
    const QSslCertificate cert = tls->localCertificate();
    m_certificateResult->setText(tr("Usable: %1, valid until %2.")
                                     .arg(cert.subjectDisplayName(),
                                          QLocale().toString(cert.expiryDate().date(), QLocale::ShortFormat)));
}

void SettingsDialog::checkFfmpeg()
{
    // Never waits on the process: the answer comes back by signal.
    if (m_ffmpegProbe)
        m_ffmpegProbe->kill();
    auto *probe = new QProcess(this);
    m_ffmpegProbe = probe;
    m_ffmpegVersion->setText(tr("Checking…"));
    probe->setProcessChannelMode(QProcess::MergedChannels);
    connect(probe, &QProcess::finished, this, [this, probe](int code, QProcess::ExitStatus status) {
        const QString first = QString::fromLocal8Bit(probe->readAll()).section(u'\n', 0, 0).trimmed();
        if (m_ffmpegProbe == probe) {
            m_ffmpegVersion->setText(status == QProcess::NormalExit && code == 0 && first.startsWith(u"ffmpeg"_s)
                                         ? first
                                         : tr("This is not FFmpeg: %1").arg(first.isEmpty() ? tr("no answer") : first));
            m_ffmpegProbe = nullptr;
        }
        probe->deleteLater();
    });
    connect(probe, &QProcess::errorOccurred, this, [this, probe](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        if (m_ffmpegProbe == probe) {
            m_ffmpegVersion->setText(tr("Cannot start it: %1").arg(probe->errorString()));
            m_ffmpegProbe = nullptr;
        }
        probe->deleteLater();
    });
    probe->start(valueOf(field(settingkeys::ffmpeg)).toString(), {u"-hide_banner"_s, u"-version"_s});
}

} // namespace cairn
