#include "UsersTab.h"

#include "AppPasswordsDialog.h"
#include "UserEditDialog.h"
#include "auth/UserAdministration.h"
#include "catalog/FolderRepository.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

std::optional<QString> messageOf(const Result<User> &result)
{
    if (!result)
        return result.error().message;
    return std::nullopt;
}

} // namespace

UsersTab::UsersTab(UserAdministration &users, AppPasswordStore &appPasswords, const Database &db, QWidget *parent)
    : QWidget(parent), m_users(users), m_appPasswords(appPasswords), m_db(db),
      m_runDialog([](QDialog &d) { return d.exec(); }),
      m_table(new QTableWidget(0, 5, this)), m_add(new QPushButton(tr("Add…"), this)),
      m_edit(new QPushButton(tr("Edit / reset password…"), this)), m_toggle(new QPushButton(tr("Disable"), this)),
      m_appPasswordsButton(new QPushButton(tr("App passwords…"), this)),
      m_signOut(new QPushButton(tr("Sign out everywhere"), this)),
      m_delete(new QPushButton(tr("Delete"), this)), m_message(new QLabel(this))
{
    m_confirmDeletion = [this](const QString &name) {
        return QMessageBox::question(this, tr("Delete user"), tr("Delete the user %1? Their sessions end at once.").arg(name))
            == QMessageBox::Yes;
    };
    m_confirmSignOut = [this](const QString &name) {
        return QMessageBox::question(this, tr("Sign out everywhere"),
                                     tr("Sign %1 out on every device? Their log-ins, streams and shared stream links "
                                        "end at once; app passwords keep working.").arg(name))
            == QMessageBox::Yes;
    };
    m_table->setObjectName(u"users"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("State"), tr("Max bitrate"), tr("Last seen")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    m_appPasswordsButton->setObjectName(u"appPasswords"_s);
    m_signOut->setObjectName(u"signOut"_s);
    for (QPushButton *b : {m_add, m_edit, m_toggle, m_appPasswordsButton, m_signOut, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &UsersTab::addUser);
    connect(m_edit, &QPushButton::clicked, this, &UsersTab::editSelectedUser);
    connect(m_toggle, &QPushButton::clicked, this, &UsersTab::toggleSelectedUser);
    connect(m_appPasswordsButton, &QPushButton::clicked, this, &UsersTab::showAppPasswords);
    connect(m_signOut, &QPushButton::clicked, this, &UsersTab::signOutSelectedUser);
    connect(m_delete, &QPushButton::clicked, this, &UsersTab::deleteSelectedUser);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersTab::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &UsersTab::editSelectedUser);
    refresh();
}

void UsersTab::setDialogRunner(std::function<int(QDialog &)> runner) { m_runDialog = std::move(runner); }
void UsersTab::setDeletionConfirmation(std::function<bool(const QString &)> confirm) { m_confirmDeletion = std::move(confirm); }
void UsersTab::setSignOutConfirmation(std::function<bool(const QString &)> confirm) { m_confirmSignOut = std::move(confirm); }

void UsersTab::refresh()
{
    const qint64 selected = selectedUserId();
    const QList<User> users = m_users.list();
    m_table->setRowCount(int(users.size()));
    for (int row = 0; row < users.size(); ++row) {
        const User &u = users.at(row);
        const QStringList cells{
            u.name, u.admin ? tr("Administrator") : tr("User"), u.enabled ? tr("Enabled") : tr("Disabled"),
            u.maxBitrate > 0 ? tr("%1 kbit/s").arg(u.maxBitrate) : tr("unlimited"),
            u.lastSeenAt > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(u.lastSeenAt), QLocale::ShortFormat) : tr("never")};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setData(Qt::UserRole, u.id);
            item->setData(Qt::UserRole + 1, u.enabled);
            m_table->setItem(row, col, item);
        }
        if (u.id == selected)
            m_table->selectRow(row);
    }
    updateButtons();
}

qint64 UsersTab::selectedUserId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(Qt::UserRole).toLongLong();
}

void UsersTab::updateButtons()
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    const bool any = !items.isEmpty();
    m_edit->setEnabled(any);
    m_toggle->setEnabled(any);
    m_appPasswordsButton->setEnabled(any);
    m_signOut->setEnabled(any);
    m_delete->setEnabled(any);
    m_toggle->setText(any && !items.first()->data(Qt::UserRole + 1).toBool() ? tr("Enable") : tr("Disable"));
}

void UsersTab::showError(const QString &message)
{
    m_message->setText(message);
}

void UsersTab::addUser()
{
    UserEditDialog dialog(FolderRepository(m_db).list(), std::nullopt,
                          [this](const UserChanges &c) { return messageOf(m_users.create(c)); }, this);
    if (m_runDialog(dialog) == QDialog::Accepted) {
        m_message->clear();
        refresh();
    }
}

void UsersTab::editSelectedUser()
{
    const auto user = m_users.find(selectedUserId());
    if (!user)
        return;
    UserEditDialog dialog(FolderRepository(m_db).list(), user,
                          [this, id = user->id](const UserChanges &c) { return messageOf(m_users.update(id, c)); }, this);
    if (m_runDialog(dialog) == QDialog::Accepted) {
        m_message->clear();
        refresh();
    }
}

void UsersTab::toggleSelectedUser()
{
    const auto user = m_users.find(selectedUserId());
    if (!user)
        return;
    UserChanges c;
    c.enabled = !user->enabled;
    if (const auto error = messageOf(m_users.update(user->id, c)))
        showError(*error);
    else
        m_message->clear();
    refresh();
}

void UsersTab::showAppPasswords()
{
    const auto user = m_users.find(selectedUserId());
    if (!user)
        return;
    AppPasswordsDialog dialog(m_appPasswords, *user, this);
    m_runDialog(dialog);
}

void UsersTab::signOutSelectedUser()
{
    const auto user = m_users.find(selectedUserId());
    if (!user || !m_confirmSignOut(user->name))
        return;
    if (const Outcome signedOut = m_users.signOutEverywhere(user->id); !signedOut)
        showError(signedOut.error().message);
    else
        m_message->setText(tr("%1 is signed out everywhere.").arg(user->name));
}

void UsersTab::deleteSelectedUser()
{
    const auto user = m_users.find(selectedUserId());
    if (!user || !m_confirmDeletion(user->name))
        return;
    if (const Outcome removed = m_users.remove(user->id); !removed)
        showError(removed.error().message);
    else
        m_message->clear();
    refresh();
}

} // namespace cairn
