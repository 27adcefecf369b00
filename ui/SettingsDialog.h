#pragma once
// The settings dialog: the cairn.ini settings a user may want, on pages, checked in place before
// anything is kept. Listening (address, port, HTTPS), the transcode cache, the history bounds
// and start at login apply at once through hooks; the rest is kept for the next start.

#include <QDialog>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProcess;
class QSettings;
class QSpinBox;
class QTabWidget;

namespace cairn {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // What the application does when a setting that applies at once changes. Each returns the
    // reason when it failed (then nothing at all is kept).
    struct Hooks
    {
        std::function<std::optional<QString>(const QHostAddress &, quint16, const QString &certificate,
                                             const QString &key)> listen;
        std::function<void(int mib)> transcodeCacheMiB;
        std::function<void(int maxRows, int maxDays)> historyRetention;
        std::function<bool()> startsAtLogin;
        std::function<std::optional<QString>(bool)> setStartAtLogin;
        QString dataDir;   // shown, and opened by "Open data folder"
        // Where the server listens now (the command line may override cairn.ini): shown as is.
        QHostAddress listeningAddress;
        quint16 listeningPort = 0;
    };

    SettingsDialog(QSettings &settings, Hooks hooks, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Checks every field; on the first problem shows it beside the field and keeps nothing.
    // Otherwise applies what applies at once, then writes the changed settings.
    bool save();
    void accept() override;

    QString problem() const;            // the message shown, empty when none
    bool restartNeeded() const { return m_restartNeeded; }   // after save(): a kept setting waits for the next start

Q_SIGNALS:
    // After a successful save; `restartNeeded`: some changes take effect at the next start.
    void saved(bool restartNeeded);

private:
    struct Field;
    QWidget *networkPage();
    QWidget *streamingPage();
    QWidget *storagePage();
    QWidget *videoPage();
    QWidget *generalPage();
    QSpinBox *addNumber(QFormLayout *form, const QString &key, const QString &label, int defaultValue, int min,
                        int max, const QString &suffix, bool atStart);
    QLineEdit *addText(QFormLayout *form, const QString &key, const QString &label, const QString &defaultValue,
                       bool atStart);
    QComboBox *addChoice(QFormLayout *form, const QString &key, const QString &label,
                         const QList<QPair<QString, QString>> &choices, const QString &defaultValue, bool atStart);
    QCheckBox *addFlag(QFormLayout *form, const QString &key, const QString &label, bool defaultValue,
                       bool atStart);
    // A button that checks something and the label beside it where the answer goes.
    QLabel *addCheckRow(QFormLayout *form, const QString &buttonText, const QString &buttonName,
                        const QString &resultName, void (SettingsDialog::*check)());
    QLineEdit *newText(const QString &key, const QString &defaultValue, bool atStart);
    QString rowLabel(const QString &label, bool atStart) const;
    void remember(QWidget *widget, const QString &key, const QVariant &shown, bool atStart);
    QVariant valueOf(const QWidget *widget) const;
    bool changed(const QString &key) const;
    QWidget *field(const QString &key) const;
    std::optional<QString> check(QWidget **where) const;
    bool listeningChanged() const;
    void showProblem(QWidget *where, const QString &message);
    void checkFfmpeg();
    void testCertificate();
    QLineEdit *addFileRow(QFormLayout *form, const QString &key, const QString &label, const QString &filter,
                          bool atStart);

    QSettings &m_settings;
    Hooks m_hooks;
    QTabWidget *m_pages;
    QLabel *m_problem;
    QLabel *m_ffmpegVersion = nullptr;
    QLabel *m_certificateResult = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    bool m_loginShown = false;
    QProcess *m_ffmpegProbe = nullptr;
    QHash<QString, Field *> m_fields;   // by setting key
    QList<Field *> m_order;             // the order shown, for the first problem
    bool m_restartNeeded = false;
};

} // namespace cairn
