#pragma once
// The first run of the desktop app: the administrator account, the library folders (the
// user's Music and Videos offered), whether the home network may connect, start at login and
// DLNA; the last page shows the address to open on a phone, as text and as a QR code.

#include <QStringList>
#include <QUrl>
#include <QWizard>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace cairn {

struct FirstRunChoices
{
    QString adminName;
    QString adminPassword;
    QStringList folders;
    bool lanAccess = true;       // false: this computer only
    bool startAtLogin = false;
    bool dlna = false;
};

// What applying the choices gave: the address to show, or why it failed (the wizard stays).
struct FirstRunOutcome
{
    QString error;
    QUrl address;
};

class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    using Apply = std::function<FirstRunOutcome(const FirstRunChoices &)>;
    enum Page { AdminPage, LibraryPage, SharingPage, ReadyPage };

    // `offeredFolders`: folders ticked from the start (those that exist are shown).
    FirstRunWizard(QStringList offeredFolders, Apply apply, QWidget *parent = nullptr);

    // Where "Add folder…" asks for a folder; default: a directory dialog.
    void setFolderPicker(std::function<QString()> picker) { m_pickFolder = std::move(picker); }
    FirstRunChoices choices() const;
    // Checked before a page is left: an invalid account or a failed apply keeps the page.
    bool validateCurrentPage() override;

    // The user's Music and Videos folders, where they exist.
    static QStringList defaultFolders();

private:
    QWizardPage *adminPage();
    QWizardPage *libraryPage();
    QWizardPage *sharingPage();
    QWizardPage *readyPage();
    void addFolder(const QString &path, bool checked);
    bool checkAccount();
    bool applyChoices();

    Apply m_apply;
    std::function<QString()> m_pickFolder;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_accountMessage = nullptr;
    QListWidget *m_folders = nullptr;
    QRadioButton *m_lan = nullptr;
    QRadioButton *m_localOnly = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QCheckBox *m_dlna = nullptr;
    QLabel *m_applyMessage = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_addressHint = nullptr;
    QLabel *m_qrCode = nullptr;
    bool m_applied = false;
};

} // namespace cairn
