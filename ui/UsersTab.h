#pragma once
// The Users tab: the accounts that may use the server, with add, edit, enable/disable, reset
// password, app passwords and delete. Changes apply to the running server at once (tokens of a
// disabled or deleted user end, and so do their streams).

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace cairn {

class AppPasswordStore;
class Database;
class UserAdministration;

class UsersTab : public QWidget
{
    Q_OBJECT
public:
    UsersTab(UserAdministration &users, AppPasswordStore &appPasswords, const Database &db, QWidget *parent = nullptr);

    // Runs a dialog and returns its result; defaults to exec(). Tests fill and accept it.
    void setDialogRunner(std::function<int(QDialog &)> runner);
    // Asks whether the user may be deleted; defaults to a QMessageBox question.
    void setDeletionConfirmation(std::function<bool(const QString &name)> confirm);

    void addUser();
    void editSelectedUser();
    void toggleSelectedUser();
    void showAppPasswords();
    void deleteSelectedUser();
    void refresh();

private:
    qint64 selectedUserId() const;
    void updateButtons();
    void showError(const QString &message);

    UserAdministration &m_users;
    AppPasswordStore &m_appPasswords;
    const Database &m_db;
    std::function<int(QDialog &)> m_runDialog;
    std::function<bool(const QString &)> m_confirmDeletion;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    QPushButton *m_appPasswordsButton;
    QPushButton *m_delete;
    QLabel *m_message;
};

} // namespace cairn
