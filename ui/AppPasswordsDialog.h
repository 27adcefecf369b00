#pragma once
// The app passwords of one user, opened from the Users tab: lists them (name, created, last
// used), creates one and shows its secret this once (selectable, with Copy), and revokes one
// after a confirmation. Changes apply to the running server at once.

#include "auth/User.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QWidget;

namespace cairn {

class AppPasswordStore;

class AppPasswordsDialog : public QDialog
{
    Q_OBJECT
public:
    AppPasswordsDialog(AppPasswordStore &store, const User &user, QWidget *parent = nullptr);

    // Asks for the new app password's name; nullopt = cancelled. Defaults to QInputDialog.
    void setNamePrompt(std::function<std::optional<QString>()> prompt);
    // Asks whether the app password `name` may be revoked. Defaults to a QMessageBox question.
    void setRevokeConfirmation(std::function<bool(const QString &name)> confirm);

    void createAppPassword();
    void revokeSelected();
    void copySecret();
    void refresh();

private:
    qint64 selectedId() const;
    void hideSecret();
    void showMessage(const QString &message);

    AppPasswordStore &m_store;
    User m_user;
    std::function<std::optional<QString>()> m_promptName;
    std::function<bool(const QString &)> m_confirmRevoke;
    QTableWidget *m_table;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QWidget *m_secretPanel;
    QLineEdit *m_secret;
    QPushButton *m_copy;
    QLabel *m_message;
};

} // namespace cairn
