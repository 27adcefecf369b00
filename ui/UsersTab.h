#pragma once
// The Users tab: the accounts that may use the server, with add, edit, enable/disable, reset
// password, app passwords, sign out everywhere and delete. Changes apply to the running server
// at once (tokens, streams and signed URLs of a disabled, re-keyed, signed-out or deleted user end).

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
    // Asks whether the user's sessions may all be ended; defaults to a QMessageBox question.
    void setSignOutConfirmation(std::function<bool(const QString &name)> confirm);

    void addUser();
    void editSelectedUser();
    void toggleSelectedUser();
    void showAppPasswords();
    void signOutSelectedUser();
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
    std::function<bool(const QString &)> m_confirmSignOut;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    QPushButton *m_appPasswordsButton;
    QPushButton *m_signOut;
    QPushButton *m_delete;
    QLabel *m_message;
};

} // namespace cairn
