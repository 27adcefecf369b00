// The Users tab, offscreen, against a real server: validation messages, creating a user with
// folder grants who then logs in over HTTP and sees only those folders' tracks, and disabling
// and deleting from the tab taking effect on the running server at once.

#include "AuthServer.h"
#include "MediaFixtures.h"

#include "UserEditDialog.h"
#include "UsersTab.h"

#include <QApplication>
#include <QCheckBox>
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

private:
    AuthServer m_server;
    std::unique_ptr<UsersTab> m_tab;
    FormFiller m_filler;
};

void TestUsersTab::initTestCase()
{
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/granted.mp3"_s, 1, {{u"title"_s, u"Granted"_s}}), QString());
    QCOMPARE(makeAudio(m_server.privateDir() + u"/withheld.mp3"_s, 1, {{u"title"_s, u"Withheld"_s}}), QString());
    QCOMPARE(m_server.start(), QString());
    m_tab = std::make_unique<UsersTab>(m_server.users(), m_server.database());
    m_tab->setDialogRunner([this](QDialog &d) { return m_filler(d); });
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

QTEST_MAIN(TestUsersTab)
#include "tst_users_tab.moc"
