#include "UserEditDialog.h"

#include "auth/UserAdministration.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

UserEditDialog::UserEditDialog(const QList<Folder> &folders, std::optional<User> existing, Submit submit, QWidget *parent)
    : QDialog(parent), m_isNew(!existing), m_submit(std::move(submit)),
      m_name(new QLineEdit(this)), m_password(new QLineEdit(this)), m_admin(new QCheckBox(tr("Administrator"), this)),
      m_enabled(new QCheckBox(tr("Enabled"), this)), m_upload(new QCheckBox(tr("May upload media files"), this)),
      m_maxBitrate(new QSpinBox(this)), m_folders(new QListWidget(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(m_isNew ? tr("Add user") : tr("Edit user"));
    m_name->setObjectName(u"name"_s);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_isNew ? tr("at least %1 characters").arg(UserAdministration::kMinPasswordLength)
                                           : tr("leave empty to keep the current password"));
    m_admin->setObjectName(u"admin"_s);
    m_enabled->setObjectName(u"enabled"_s);
    m_upload->setObjectName(u"upload"_s);
    m_upload->setToolTip(tr("Into the folders this user may see. Administrators always may."));
    m_maxBitrate->setObjectName(u"maxBitrate"_s);
    m_maxBitrate->setRange(0, 100000);
    m_maxBitrate->setSuffix(tr(" kbit/s"));
    m_maxBitrate->setSpecialValueText(tr("unlimited"));
    m_folders->setObjectName(u"folders"_s);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020"_s);

    const User user = existing.value_or(User{});
    m_name->setText(user.name);
    m_admin->setChecked(user.admin);
    m_enabled->setChecked(user.enabled);
    m_upload->setChecked(user.upload);
    m_maxBitrate->setValue(user.maxBitrate);
    for (const Folder &f : folders) {
        auto *item = new QListWidgetItem(f.path, m_folders);
        item->setData(Qt::UserRole, f.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(user.folderIds.contains(f.id) ? Qt::Checked : Qt::Unchecked);
    }
    // Admins see every folder: the grants do not apply to them.
    m_folders->setEnabled(!user.admin);
    m_upload->setEnabled(!user.admin);
    connect(m_admin, &QCheckBox::toggled, m_folders, [this](bool admin) {
        m_folders->setEnabled(!admin);
        m_upload->setEnabled(!admin);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_admin);
    form->addRow(QString(), m_enabled);
    form->addRow(QString(), m_upload);
    form->addRow(tr("Maximum bitrate:"), m_maxBitrate);
    form->addRow(tr("Folders this user may see:"), m_folders);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &UserEditDialog::trySave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

UserChanges UserEditDialog::changes() const
{
    UserChanges c;
    c.name = m_name->text();
    if (m_isNew || !m_password->text().isEmpty())
        c.password = m_password->text();
    c.admin = m_admin->isChecked();
    c.enabled = m_enabled->isChecked();
    c.upload = m_upload->isChecked();
    c.maxBitrate = m_maxBitrate->value();
    QList<qint64> ids;
    for (int i = 0; i < m_folders->count(); ++i)
        if (m_folders->item(i)->checkState() == Qt::Checked)
            ids << m_folders->item(i)->data(Qt::UserRole).toLongLong();
    c.folderIds = ids;
    return c;
}

QString UserEditDialog::message() const
{
    return m_message->text();
}

void UserEditDialog::trySave()
{
    const UserChanges c = changes();
    std::optional<DomainError> invalid = UserAdministration::checkName(*c.name);
    if (!invalid && c.password)
        invalid = UserAdministration::checkPassword(*c.password);
    const std::optional<QString> error = invalid ? std::optional<QString>(invalid->message) : m_submit(c);
    if (error) {
        m_message->setText(*error);
        return;
    }
    accept();
}

} // namespace cairn
