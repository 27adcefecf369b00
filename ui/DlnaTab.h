#pragma once
// The DLNA server's settings in the desktop window: on or off, the account whose folders TVs on
// the LAN may browse, the name they show and the networks it answers on, with what it is doing
// now (running on which networks, or why not).

#include "base/Result.h"
#include "dlna/DlnaSettings.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cairn {

class UserAdministration;

class DlnaTab : public QWidget
{
    Q_OBJECT
public:
    using Apply = std::function<Result<dlna::DlnaStatus>(const dlna::DlnaSettings &)>;

    DlnaTab(const UserAdministration &users, const dlna::DlnaStatus &initial, QWidget *parent = nullptr);

    // Receives the edited settings on Apply; its error is shown and the fields stay as typed.
    void setApply(Apply apply) { m_apply = std::move(apply); }
    // What the server does now (after Apply, or when discovery starts or fails); the fields
    // being edited stay as they are.
    void showStatus(const dlna::DlnaStatus &status);
    dlna::DlnaSettings settings() const;

private:
    void fillAccounts(const QString &current);
    void showSettings(const dlna::DlnaSettings &settings);
    void apply();

    const UserAdministration &m_users;
    Apply m_apply;
    QCheckBox *m_enabled;
    QComboBox *m_account;
    QLineEdit *m_name;
    QLineEdit *m_interfaces;
    QPushButton *m_applyButton;
    QLabel *m_status;
    QLabel *m_error;
};

} // namespace cairn
