// The Users tab, offscreen, against a real server: validation messages, creating a user with
// folder grants who then logs in over HTTP and sees only those folders' tracks, disabling
// and deleting from the tab taking effect on the running server at once, a user's app
// passwords: created with the secret shown once, listed without it, copied, revoked, and
// "Sign out everywhere" ending the user's tokens and signed URLs (only after the confirmation).

#include "AuthServer.h"
#include "MediaFixtures.h"

#include "AppPasswordsDialog.h"
#include "UserEditDialog.h"
#include "UsersTab.h"
#include "auth/AppPasswordStore.h"
#include "auth/SubsonicAuthenticator.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

struct Form
{
    QString name;
    QString password;
    QList<qint64> folders;
    int maxBitrate = 0;
};

// Fills the dialog like a person would and presses OK; remembers what the dialog said.
struct FormFiller
{
    Form form;
    QString lastMessage;

    int operator()(QDialog &dialog)
    {
        dialog.findChild<QLineEdit *>(u"name"_s)->setText(form.name);
        dialog.findChild<QLineEdit *>(u"password"_s)->setText(form.password);
        dialog.findChild<QSpinBox *>(u"maxBitrate"_s)->setValue(form.maxBitrate);
        auto *folders = dialog.findChild<QListWidget *>(u"folders"_s);
        for (int i = 0; i < folders->count(); ++i) {
            QListWidgetItem *item = folders->item(i);
            item->setCheckState(form.folders.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
        }
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        lastMessage = dialog.findChild<QLabel *>(u"message"_s)->text();
        return dialog.result();
    }
};

int rowOf(QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == name)
            return row;
    return -1;
}

} // namespace

class TestUsersTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validation_data();
    void validation();
    void createdUserSeesOnlyGrantedFolders();
    void appPasswordsRoundTrip();
    void signOutEverywhereFromTheTab();

private:
    AuthServer m_server;
    std::unique_ptr<UsersTab> m_tab;
    FormFiller m_filler;
    std::function<int(AppPasswordsDialog &)> m_appPasswordsScript;
};

void TestUsersTab::initTestCase()
{
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/granted.mp3"_s, 1, {{u"title"_s, u"Granted"_s}}), QString());
    QCOMPARE(makeAudio(m_server.privateDir() + u"/withheld.mp3"_s, 1, {{u"title"_s, u"Withheld"_s}}), QString());
    QCOMPARE(m_server.start(), QString());
    m_tab = std::make_unique<UsersTab>(m_server.users(), *m_server.appPasswords(), m_server.database());
    m_tab->setDialogRunner([this](QDialog &d) {
        if (auto *appPasswords = qobject_cast<AppPasswordsDialog *>(&d))
            return m_appPasswordsScript(*appPasswords);
        return m_filler(d);
    });
    m_tab->setDeletionConfirmation([](const QString &) { return true; });
    m_tab->show();
    QCOMPARE(m_tab->findChild<QTableWidget *>(u"users"_s)->rowCount(), 3);   // root, alice, bob
}

void TestUsersTab::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty name") << QString() << u"long-enough"_s << u"empty"_s;
    QTest::newRow("duplicate name") << u"ALICE"_s << u"long-enough"_s << u"already exists"_s;
    QTest::newRow("weak password") << u"newcomer"_s << u"short"_s << u"at least 8"_s;
    QTest::newRow("zero width space") << u"new\u200Bcomer"_s << u"long-enough"_s << u"U+200B"_s;
    QTest::newRow("byte order mark") << u"\uFEFFnewcomer"_s << u"long-enough"_s << u"U+FEFF"_s;
    QTest::newRow("trailing space") << u"newcomer "_s << u"long-enough"_s << u"spaces"_s;
}

void TestUsersTab::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    m_filler.form = {name, password, {}, 0};
    m_tab->addUser();
    QVERIFY2(m_filler.lastMessage.contains(expected), qPrintable(m_filler.lastMessage));
    QCOMPARE(m_tab->findChild<QTableWidget *>(u"users"_s)->rowCount(), 3);
}

void TestUsersTab::createdUserSeesOnlyGrantedFolders()
{
    m_filler.form = {u"kate"_s, u"kate-password"_s, {m_server.sharedFolderId}, 256};
    m_tab->addUser();
    QCOMPARE(m_filler.lastMessage, QString());
    auto *table = m_tab->findChild<QTableWidget *>(u"users"_s);
    const int row = rowOf(table, u"kate"_s);
    QVERIFY(row >= 0);

    const QByteArray body = R"({"name":"kate","password":"kate-password"})";
    const RawResponse login = request(m_server.port(), "POST", "/api/auth/login", {}, body);
    QCOMPARE(login.status, 200);
    const QByteArray token = QJsonDocument::fromJson(login.body).object().value(u"token"_s).toString().toLatin1();
    const RawResponse list = request(m_server.port(), "GET", "/api/tracks", {bearer(token)});
    QCOMPARE(list.status, 200);
    QStringList titles;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.body).object().value(u"items"_s).toArray())
        titles << v.toObject().value(u"title"_s).toString();
    QCOMPARE(titles, QStringList{u"Granted"_s});
    QCOMPARE(request(m_server.port(), "GET", "/api/users", {bearer(token)}).status, 403);

    // Disabling from the tab ends the token at once.
    table->selectRow(row);
    m_tab->toggleSelectedUser();
    QCOMPARE(table->item(rowOf(table, u"kate"_s), 2)->text(), UsersTab::tr("Disabled"));
    QCOMPARE(request(m_server.port(), "GET", "/api/tracks", {bearer(token)}).status, 401);

    table->selectRow(rowOf(table, u"kate"_s));
    m_tab->deleteSelectedUser();
    QCOMPARE(rowOf(table, u"kate"_s), -1);
    QCOMPARE(request(m_server.port(), "POST", "/api/auth/login", {"X-Forwarded-For: 192.0.2.99"}, body).status, 401);
}

void TestUsersTab::appPasswordsRoundTrip()
{
    auto *table = m_tab->findChild<QTableWidget *>(u"users"_s);
    auto *button = m_tab->findChild<QPushButton *>(u"appPasswords"_s);
    table->clearSelection();
    QVERIFY(!button->isEnabled());
    table->selectRow(rowOf(table, u"alice"_s));
    QVERIFY(button->isEnabled());
    SubsonicAuthenticator &check = *m_server.subsonicAuth();
    const auto apiKey = [&check](const QString &key) {
        CredentialParams params;
        params.apiKey = key;
        return check.check(params, QHostAddress(u"192.0.2.30"_s));
    };

    QString secret;
    int opened = 0;
    m_appPasswordsScript = [&](AppPasswordsDialog &dialog) {
        ++opened;
        QString name = u"Symfonium on my phone"_s;
        dialog.setNamePrompt([&name]() -> std::optional<QString> { return name; });
        dialog.setRevokeConfirmation([](const QString &which) { return which == u"Symfonium on my phone"_s; });
        auto *list = dialog.findChild<QTableWidget *>(u"appPasswords"_s);
        auto *field = dialog.findChild<QLineEdit *>(u"secret"_s);
        auto *panel = dialog.findChild<QWidget *>(u"secretPanel"_s);
        auto *message = dialog.findChild<QLabel *>(u"message"_s);
        dialog.show();
        [&] {
            QCOMPARE(list->rowCount(), 0);
            QVERIFY(panel->isHidden());

            // Created: the secret is shown, selectable, once.
            dialog.findChild<QPushButton *>(u"create"_s)->click();
            secret = field->text();
            QCOMPARE(secret.size(), 23);
            QVERIFY(panel->isVisible());
            QVERIFY(field->isReadOnly());
            QCOMPARE(field->selectedText(), secret);
            QCOMPARE(list->rowCount(), 1);
            QCOMPARE(list->item(0, 0)->text(), u"Symfonium on my phone"_s);
            QCOMPARE(list->item(0, 2)->text(), AppPasswordsDialog::tr("never"));
            for (int col = 0; col < list->columnCount(); ++col)
                QVERIFY(!list->item(0, col)->text().contains(secret));
            QCOMPARE(apiKey(secret).user.id, m_server.aliceId);   // the running server takes it

            dialog.findChild<QPushButton *>(u"copy"_s)->click();
            QCOMPARE(QGuiApplication::clipboard()->text(), secret);

            // A bad name: the store's message, nothing created, the secret no longer shown.
            name = QString(101, u'x');
            dialog.findChild<QPushButton *>(u"create"_s)->click();
            QVERIFY2(message->text().contains(u"100"_s), qPrintable(message->text()));
            QCOMPARE(list->rowCount(), 1);
            QVERIFY(panel->isHidden());
            QVERIFY(field->text().isEmpty());
        }();
        return int(QDialog::Rejected);
    };
    m_tab->showAppPasswords();
    QCOMPARE(opened, 1);
    QCOMPARE(m_server.appPasswords()->list(m_server.aliceId).size(), 1);

    // Opened again: listed (and used now), never the secret; revoked after the confirmation.
    m_appPasswordsScript = [&](AppPasswordsDialog &dialog) {
        ++opened;
        dialog.setRevokeConfirmation([](const QString &which) { return which == u"Symfonium on my phone"_s; });
        auto *list = dialog.findChild<QTableWidget *>(u"appPasswords"_s);
        auto *revoke = dialog.findChild<QPushButton *>(u"revoke"_s);
        [&] {
            QVERIFY(dialog.findChild<QLineEdit *>(u"secret"_s)->text().isEmpty());
            QVERIFY(dialog.findChild<QWidget *>(u"secretPanel"_s)->isHidden());
            QCOMPARE(list->rowCount(), 1);
            QVERIFY(list->item(0, 2)->text() != AppPasswordsDialog::tr("never"));
            QVERIFY(!revoke->isEnabled());
            list->selectRow(0);
            QVERIFY(revoke->isEnabled());
            revoke->click();
            QCOMPARE(list->rowCount(), 0);
            QCOMPARE(apiKey(secret).result, CredentialCheck::Result::BadApiKey);   // at once
        }();
        return int(QDialog::Rejected);
    };
    m_tab->showAppPasswords();
    QCOMPARE(opened, 2);
    QVERIFY(m_server.appPasswords()->list(m_server.aliceId).isEmpty());
}

void TestUsersTab::signOutEverywhereFromTheTab()
{
    auto *table = m_tab->findChild<QTableWidget *>(u"users"_s);
    auto *button = m_tab->findChild<QPushButton *>(u"signOut"_s);
    const quint16 port = m_server.port();
    const QByteArray track = "/api/tracks/" + QByteArray::number(m_server.trackIdFor(u"granted.mp3"_s));
    const QByteArray aliceToken = m_server.tokenFor(m_server.aliceId);
    const QByteArray bobToken = m_server.tokenFor(m_server.bobId);
    const RawResponse signedUrl = request(port, "GET", track + "/stream-url", {bearer(aliceToken)});
    QCOMPARE(signedUrl.status, 200);
    const QByteArray url = QJsonDocument::fromJson(signedUrl.body).object().value(u"url"_s).toString().toLatin1();
    QCOMPARE(request(port, "GET", url).status, 200);

    table->clearSelection();
    QVERIFY(!button->isEnabled());
    table->selectRow(rowOf(table, u"alice"_s));
    QVERIFY(button->isEnabled());

    // Not confirmed: nothing ends.
    QString asked;
    m_tab->setSignOutConfirmation([&asked](const QString &name) { asked = name; return false; });
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(asked, u"alice"_s);
    QCOMPARE(request(port, "GET", "/api/auth/me", {bearer(aliceToken)}).status, 200);
    QCOMPARE(request(port, "GET", url).status, 200);

    m_tab->setSignOutConfirmation([](const QString &) { return true; });
    QTest::mouseClick(button, Qt::LeftButton);
    const QString message = m_tab->findChild<QLabel *>(u"message"_s)->text();
    QVERIFY2(message.contains(u"alice"_s) && message.contains(u"signed out"_s), qPrintable(message));
    QCOMPARE(request(port, "GET", "/api/auth/me", {bearer(aliceToken)}).status, 401);
    QCOMPARE(request(port, "GET", url).status, 403);
    QCOMPARE(request(port, "GET", "/api/auth/me", {bearer(bobToken)}).status, 200);   // only alice
    // Alice herself still logs in, and what she signs now opens.
    const RawResponse fresh = request(port, "GET", track + "/stream-url", {bearer(m_server.tokenFor(m_server.aliceId))});
    QCOMPARE(fresh.status, 200);
    QCOMPARE(request(port, "GET", QJsonDocument::fromJson(fresh.body).object().value(u"url"_s).toString().toLatin1()).status,
             200);
}

QTEST_MAIN(TestUsersTab)
#include "tst_users_tab.moc"
