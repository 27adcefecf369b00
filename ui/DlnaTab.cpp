#include "DlnaTab.h"

#include "auth/UserAdministration.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

DlnaTab::DlnaTab(const UserAdministration &users, const dlna::DlnaStatus &initial, QWidget *parent)
    : QWidget(parent)
    , m_users(users)
    , m_enabled(new QCheckBox(tr("Serve the library to DLNA devices on the local network"), this))
    , m_account(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_interfaces(new QLineEdit(this))
    , m_applyButton(new QPushButton(tr("Apply"), this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_enabled->setObjectName(u"dlnaEnabled"_s);
    m_account->setObjectName(u"dlnaAccount"_s);
    m_name->setObjectName(u"dlnaName"_s);
    m_name->setMaxLength(64);
    m_name->setPlaceholderText(tr("Cairn on this computer"));
    m_interfaces->setObjectName(u"dlnaInterfaces"_s);
    m_interfaces->setPlaceholderText(tr("all"));
    m_applyButton->setObjectName(u"dlnaApply"_s);
    m_status->setObjectName(u"dlnaStatus"_s);
    m_status->setWordWrap(true);
    m_error->setObjectName(u"dlnaError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    auto *warning = new QLabel(tr("DLNA has no passwords: every device on the chosen networks sees what the "
                                  "account below may see."),
                               this);
    warning->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Account whose folders are shared:"), m_account);
    form->addRow(tr("Name on the network:"), m_name);
    form->addRow(tr("Network interfaces (names or addresses, separated by commas):"), m_interfaces);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_enabled);
    layout->addWidget(warning);
    layout->addLayout(form);
    layout->addWidget(m_applyButton, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    layout->addStretch();

    connect(m_applyButton, &QPushButton::clicked, this, &DlnaTab::apply);
    showSettings(initial.settings);
    showStatus(initial);
}

void DlnaTab::fillAccounts(const QString &current)
{
    m_account->clear();
    m_account->addItem(tr("(choose an account)"), QString());
    for (const User &user : m_users.list()) {
        QString label = user.name;
        if (user.admin)
            label += tr(" (administrator: sees everything)");
        if (!user.enabled)
            label += tr(" (disabled)");
        m_account->addItem(label, user.name);
    }
    const int index = m_account->findData(current);
    m_account->setCurrentIndex(index >= 0 ? index : 0);
}

void DlnaTab::showSettings(const dlna::DlnaSettings &settings)
{
    m_enabled->setChecked(settings.enabled);
    fillAccounts(settings.user);
    m_name->setText(settings.friendlyName);
    m_interfaces->setText(settings.interfaces.join(u", "_s));
}

void DlnaTab::showStatus(const dlna::DlnaStatus &status)
{
    if (status.running)
        m_status->setText(status.networks.isEmpty()
                              ? tr("Running, but no network interface matches yet.")
                              : tr("Running on %1.").arg(status.networks.join(u", "_s)));
    else if (status.settings.enabled)
        m_status->setText(tr("Not running: %1").arg(status.problem.isEmpty() ? tr("starting…") : status.problem));
    else
        m_status->setText(tr("Off."));
}

dlna::DlnaSettings DlnaTab::settings() const
{
    dlna::DlnaSettings s;
    s.enabled = m_enabled->isChecked();
    s.user = m_account->currentData().toString();
    s.friendlyName = m_name->text().trimmed();
    for (const QString &part : m_interfaces->text().split(u','))
        if (!part.trimmed().isEmpty())
            s.interfaces << part.trimmed();
    return s;
}

void DlnaTab::apply()
{
    if (!m_apply)
        return;
    const auto result = m_apply(settings());
    if (!result) {
        m_error->setText(result.error().message);
        return;
    }
    m_error->clear();
    showSettings(result->settings);
    showStatus(*result);
}

} // namespace cairn
