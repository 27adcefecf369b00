#include "FirstRunWizard.h"

#include "QrCodeImage.h"
#include "auth/UserAdministration.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

FirstRunWizard::FirstRunWizard(QStringList offeredFolders, Apply apply, QWidget *parent)
    : QWizard(parent), m_apply(std::move(apply))
{
    setObjectName(u"firstRunWizard"_s);
    setWindowTitle(tr("Welcome to Cairn"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(AdminPage, adminPage());
    setPage(LibraryPage, libraryPage());
    setPage(SharingPage, sharingPage());
    setPage(ReadyPage, readyPage());
    for (const QString &folder : std::as_const(offeredFolders)) {
        if (QFileInfo(folder).isDir())
            addFolder(folder, true);
    }
    m_pickFolder = [this] { return QFileDialog::getExistingDirectory(this, tr("Add a folder to the library")); };
}

QStringList FirstRunWizard::defaultFolders()
{
    QStringList out;
    for (const auto location : {QStandardPaths::MusicLocation, QStandardPaths::MoviesLocation}) {
        const QString path = QStandardPaths::writableLocation(location);
        // Without such a folder Qt answers the home folder, which is not a library.
        if (!path.isEmpty() && path != QDir::homePath() && QFileInfo(path).isDir())
            out << path;
    }
    return out;
}

QWizardPage *FirstRunWizard::adminPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Your administrator account"));
    page->setSubTitle(tr("You log in with it in the browser and in apps. There is no default password."));
    m_name = new QLineEdit(page);
    m_name->setObjectName(u"adminName"_s);
    m_name->setText(u"admin"_s);
    m_password = new QLineEdit(page);
    m_password->setObjectName(u"adminPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(page);
    m_repeat->setObjectName(u"adminPasswordRepeat"_s);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_accountMessage = new QLabel(page);
    m_accountMessage->setObjectName(u"accountMessage"_s);
    m_accountMessage->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Password again:"), m_repeat);
    form->addRow(m_accountMessage);
    return page;
}

QWizardPage *FirstRunWizard::libraryPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Your music and videos"));
    page->setSubTitle(tr("Cairn serves the folders ticked here; you can change them later in the Library tab."));
    m_folders = new QListWidget(page);
    m_folders->setObjectName(u"folderList"_s);
    auto *add = new QPushButton(tr("Add folder…"), page);
    add->setObjectName(u"addFolderButton"_s);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString path = m_pickFolder ? m_pickFolder() : QString();
        if (!path.isEmpty())
            addFolder(QDir(path).absolutePath(), true);
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_folders);
    layout->addWidget(add, 0, Qt::AlignLeft);
    return page;
}

QWizardPage *FirstRunWizard::sharingPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Who may connect"));
    m_lan = new QRadioButton(tr("Phones, TVs and computers on my home network"), page);
    m_lan->setObjectName(u"lanAccess"_s);
    m_lan->setChecked(true);
    m_localOnly = new QRadioButton(tr("Only this computer"), page);
    m_localOnly->setObjectName(u"localOnly"_s);
    m_dlna = new QCheckBox(tr("Let TVs and speakers find the library by DLNA (they need no password)"), page);
    m_dlna->setObjectName(u"dlnaEnabled"_s);
    m_startAtLogin = new QCheckBox(tr("Start Cairn when I log in"), page);
    m_startAtLogin->setObjectName(u"startAtLogin"_s);
    m_applyMessage = new QLabel(page);
    m_applyMessage->setObjectName(u"applyMessage"_s);
    m_applyMessage->setWordWrap(true);
    connect(m_localOnly, &QRadioButton::toggled, this, [this](bool local) {
        m_dlna->setEnabled(!local);
        if (local)
            m_dlna->setChecked(false);
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_lan);
    layout->addWidget(m_localOnly);
    layout->addSpacing(12);
    layout->addWidget(m_dlna);
    layout->addWidget(m_startAtLogin);
    layout->addStretch(1);
    layout->addWidget(m_applyMessage);
    return page;
}

QWizardPage *FirstRunWizard::readyPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Cairn is ready"));
    m_addressHint = new QLabel(page);
    m_addressHint->setWordWrap(true);
    m_address = new QLabel(page);
    m_address->setObjectName(u"addressLabel"_s);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_address->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_address->setFont(big);
    m_qrCode = new QLabel(page);
    m_qrCode->setObjectName(u"qrCode"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_addressHint);
    layout->addWidget(m_address);
    layout->addWidget(m_qrCode, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    return page;
}

void FirstRunWizard::addFolder(const QString &path, bool checked)
{
    for (int i = 0; i < m_folders->count(); ++i) {
        if (m_folders->item(i)->data(Qt::UserRole).toString() == path)
            return;
    }
    auto *item = new QListWidgetItem(QDir::toNativeSeparators(path), m_folders);
    item->setData(Qt::UserRole, path);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

FirstRunChoices FirstRunWizard::choices() const
{
    FirstRunChoices c;
    c.adminName = m_name->text().trimmed();
    c.adminPassword = m_password->text();
    for (int i = 0; i < m_folders->count(); ++i) {
        if (m_folders->item(i)->checkState() == Qt::Checked)
            c.folders << m_folders->item(i)->data(Qt::UserRole).toString();
    }
    c.lanAccess = m_lan->isChecked();
    c.startAtLogin = m_startAtLogin->isChecked();
    c.dlna = c.lanAccess && m_dlna->isChecked();
    return c;
}

bool FirstRunWizard::validateCurrentPage()
{
    switch (currentId()) {
    case AdminPage: return checkAccount();
    case SharingPage: return applyChoices();
    default: return QWizard::validateCurrentPage();
    }
}

bool FirstRunWizard::checkAccount()
{
    const FirstRunChoices c = choices();
    std::optional<DomainError> invalid = UserAdministration::checkName(c.adminName);
    if (!invalid)
        invalid = UserAdministration::checkPassword(c.adminPassword);
    if (invalid) {
        m_accountMessage->setText(invalid->message);
        return false;
    }
    if (c.adminPassword != m_repeat->text()) {
        m_accountMessage->setText(tr("The two passwords differ."));
        return false;
    }
    m_accountMessage->clear();
    return true;
}

bool FirstRunWizard::applyChoices()
{
    if (m_applied)
        return true;   // back and forth after success: the account exists already
    const FirstRunChoices c = choices();
    const FirstRunOutcome outcome = m_apply(c);
    if (!outcome.error.isEmpty()) {
        m_applyMessage->setText(outcome.error);
        return false;
    }
    m_applied = true;
    m_applyMessage->clear();
    const QString address = outcome.address.toString();
    m_address->setText(address);
    m_addressHint->setText(c.lanAccess ? tr("Open this address on a phone, a TV or another computer at home, or scan the code:")
                                       : tr("Open this address in a browser on this computer:"));
    const QImage code = qrCodeImage(address);
    m_qrCode->setPixmap(QPixmap::fromImage(code));
    m_qrCode->setVisible(c.lanAccess && !code.isNull());
    return true;
}

} // namespace cairn
