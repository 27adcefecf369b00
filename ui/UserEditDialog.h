#pragma once
// The dialog of the Users tab for adding or editing one account: name, password, admin and
// enabled flags, maximum bitrate and the library folders the user may see. It validates
// before closing and shows why it cannot (empty or duplicate name, weak password).

#include "auth/User.h"
#include "catalog/Folder.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace cairn {

class UserEditDialog : public QDialog
{
    Q_OBJECT
public:
    // Saves the changes; returns an error message to show, or nothing when saved.
    using Submit = std::function<std::optional<QString>(const UserChanges &)>;

    // `existing` empty = a new user (a password is then required).
    UserEditDialog(const QList<Folder> &folders, std::optional<User> existing, Submit submit,
                   QWidget *parent = nullptr);

    UserChanges changes() const;
    QString message() const;

private:
    void trySave();

    bool m_isNew;
    Submit m_submit;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QCheckBox *m_admin;
    QCheckBox *m_enabled;
    QCheckBox *m_upload;
    QSpinBox *m_maxBitrate;
    QListWidget *m_folders;
    QLabel *m_message;
};

} // namespace cairn
