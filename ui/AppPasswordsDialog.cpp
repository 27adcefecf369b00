#include "AppPasswordsDialog.h"

#include "auth/AppPasswordStore.h"

#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString timeText(qint64 secs)
{
    return secs > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat)
                    : AppPasswordsDialog::tr("never");
}

} // namespace

AppPasswordsDialog::AppPasswordsDialog(AppPasswordStore &store, const User &user, QWidget *parent)
    : QDialog(parent), m_store(store), m_user(user), m_table(new QTableWidget(0, 3, this)),
      m_create(new QPushButton(tr("New app password…"), this)), m_revoke(new QPushButton(tr("Revoke…"), this)),
      m_secretPanel(new QWidget(this)), m_secret(new QLineEdit(m_secretPanel)),
      m_copy(new QPushButton(tr("Copy"), m_secretPanel)), m_message(new QLabel(this))
{
    setWindowTitle(tr("App passwords of %1").arg(user.name));
    m_promptName = [this]() -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("New app password"), tr("A name that says where it is used, e.g. \"Symfonium on my phone\":"),
            QLineEdit::Normal, QString(), &ok);
        return ok ? std::optional<QString>(name) : std::nullopt;
    };
    m_confirmRevoke = [this](const QString &name) {
        return QMessageBox::question(this, tr("Revoke app password"),
                                     tr("Revoke the app password \"%1\"? Apps using it are refused at once.").arg(name))
            == QMessageBox::Yes;
    };

    auto *intro = new QLabel(tr("Music apps (Subsonic clients such as Symfonium or DSub) log in with an app password "
                                "instead of the account password. Give each app its own, so you can revoke it alone."),
                             this);
    intro->setWordWrap(true);
    m_table->setObjectName(u"appPasswords"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Created"), tr("Last used")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_create->setObjectName(u"create"_s);
    m_revoke->setObjectName(u"revoke"_s);

    // Shown once, right after creation: the store keeps the secret only encrypted for checks.
    m_secretPanel->setObjectName(u"secretPanel"_s);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setReadOnly(true);
    m_secret->setFont(QFont(u"monospace"_s));
    m_copy->setObjectName(u"copy"_s);
    auto *note = new QLabel(tr("Enter this in the app now: it will not be shown again."), m_secretPanel);
    note->setWordWrap(true);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copy);
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(note);
    secretLayout->addLayout(secretRow);
    m_secretPanel->hide();

    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_revoke);
    buttons->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(m_secretPanel);
    layout->addWidget(m_message);
    layout->addWidget(close);

    connect(m_create, &QPushButton::clicked, this, &AppPasswordsDialog::createAppPassword);
    connect(m_revoke, &QPushButton::clicked, this, &AppPasswordsDialog::revokeSelected);
    connect(m_copy, &QPushButton::clicked, this, &AppPasswordsDialog::copySecret);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_revoke->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The secret leaves the widget with the dialog.
    connect(this, &QDialog::finished, this, &AppPasswordsDialog::hideSecret);
    resize(560, 420);
    refresh();
}

void AppPasswordsDialog::setNamePrompt(std::function<std::optional<QString>()> prompt)
{
    m_promptName = std::move(prompt);
}

void AppPasswordsDialog::setRevokeConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmRevoke = std::move(confirm);
}

void AppPasswordsDialog::refresh()
{
    const QList<AppPasswordInfo> items = m_store.list(m_user.id);
    m_table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const AppPasswordInfo &info = items.at(row);
        const QStringList cells{info.name, timeText(info.createdAt), timeText(info.lastUsedAt)};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setData(Qt::UserRole, info.id);
            m_table->setItem(row, col, item);
        }
    }
    m_revoke->setEnabled(!m_table->selectedItems().isEmpty());
}

qint64 AppPasswordsDialog::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(Qt::UserRole).toLongLong();
}

void AppPasswordsDialog::hideSecret()
{
    m_secret->clear();
    m_secretPanel->hide();
}

void AppPasswordsDialog::showMessage(const QString &message)
{
    m_message->setText(message);
}

void AppPasswordsDialog::createAppPassword()
{
    hideSecret();
    const std::optional<QString> name = m_promptName();
    if (!name)
        return;
    const auto created = m_store.create(m_user.id, *name);
    if (!created)
        return showMessage(created.error().message);
    showMessage(QString());
    refresh();
    m_secret->setText(created->secret);
    m_secretPanel->show();
    m_secret->selectAll();
    m_secret->setFocus();
}

void AppPasswordsDialog::revokeSelected()
{
    const qint64 id = selectedId();
    if (id == 0)
        return;
    hideSecret();
    const QString name = m_table->item(m_table->selectedItems().first()->row(), 0)->text();
    if (!m_confirmRevoke(name))
        return;
    if (const Outcome revoked = m_store.revoke(m_user.id, id); !revoked)
        showMessage(revoked.error().message);
    else
        showMessage(QString());
    refresh();
}

void AppPasswordsDialog::copySecret()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_secret->text());
}

} // namespace cairn
