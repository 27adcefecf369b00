// Issue 15, finding 6 (part): user names are kept in Unicode NFC, and names with invisible or
// control characters (Cf such as U+200B, U+200E, U+FEFF, U+2060; Cc; line separators) or
// leading/trailing spaces are refused with a message, at creation and at rename, before
// anything is stored. A log-in (web or Subsonic) normalises the name given the same way, so
// "é" typed as e + U+0301 finds the account created with U+00E9, and the other way round.

#include "AuthServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

const QString kDecomposed = u"Rene\u0301e"_s;   // e + COMBINING ACUTE ACCENT
const QString kComposed = u"Ren\u00e9e"_s;      // LATIN SMALL LETTER E WITH ACUTE

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A JSON string with every character outside printable ASCII as a \uXXXX escape, as a client
// may send it (QJsonDocument would write them as UTF-8).
QByteArray jsonString(const QString &text)
{
    QByteArray out = "\"";
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            out += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
        else
            out += char(c.unicode());
    }
    return out + '"';
}

QByteArray userBody(const QString &name, const QString &password = u"long-enough-1"_s)
{
    return "{\"name\":" + jsonString(name) + ",\"password\":" + jsonString(password) + '}';
}

QByteArray loginBody(const QString &name, const QString &password)
{
    return json({{u"name"_s, name}, {u"password"_s, password}});
}

} // namespace

class TestUserNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void userNameStoredInNfc();
    void nfcLoginFindsUserCreatedPrecomposed();
    void invisibleCharactersRefusedAtCreation_data();
    void invisibleCharactersRefusedAtCreation();
    void invisibleCharactersRefusedAtRename_data();
    void invisibleCharactersRefusedAtRename();

private:
    RawResponse asAdmin(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        return request(m_server.port(), method, target, {bearer(m_server.tokenFor(m_server.rootId))}, body);
    }
    int login(const QString &name, const QString &password, const QByteArray &from)
    {
        return request(m_server.port(), "POST", "/api/auth/login", {"X-Forwarded-For: " + from},
                       loginBody(name, password)).status;
    }
    QStringList userNames()
    {
        QStringList names;
        for (const QJsonValue &v : QJsonDocument::fromJson(asAdmin("GET", "/api/users").body).object().value(u"items"_s).toArray())
            names << v.toObject().value(u"name"_s).toString();
        return names;
    }
    void addInvisibleRows();

    AuthServer m_server;
    int m_addresses = 0;   // a client address per refused log-in, so none is throttled
};

void TestUserNames::initTestCase()
{
    QCOMPARE(m_server.start(), QString());
}

void TestUserNames::userNameStoredInNfc()
{
    const RawResponse created = asAdmin("POST", "/api/users", userBody(kDecomposed, u"renee-password"_s));
    QCOMPARE(created.status, 201);
    QCOMPARE(QJsonDocument::fromJson(created.body).object().value(u"name"_s).toString(), kComposed);
    QVERIFY(userNames().contains(kComposed));
    QVERIFY(!userNames().contains(kDecomposed));
    // Either spelling is the same account: a second one is a duplicate.
    QCOMPARE(asAdmin("POST", "/api/users", userBody(kComposed)).status, 409);
    QCOMPARE(asAdmin("POST", "/api/users", userBody(kDecomposed)).status, 409);
    // And either spelling logs in (a wrong password still does not).
    QCOMPARE(login(kDecomposed, u"renee-password"_s, "198.51.100.10"), 200);
    QCOMPARE(login(kComposed, u"renee-password"_s, "198.51.100.10"), 200);
    QCOMPARE(login(kComposed, u"renee-wrong"_s, "198.51.100.11"), 401);
}

void TestUserNames::nfcLoginFindsUserCreatedPrecomposed()
{
    // Created where the desktop and the first-run administrator create accounts.
    UserChanges c;
    c.name = u"Jos\u00e9"_s;
    c.password = u"jose-password"_s;
    QVERIFY(bool(m_server.users().create(c)));
    const QString typed = u"Jose\u0301"_s;
    QCOMPARE(login(typed, u"jose-password"_s, "198.51.100.20"), 200);
    QCOMPARE(login(typed, u"jose-wrong"_s, "198.51.100.21"), 401);

    // Subsonic: u + p with the decomposed name.
    const auto ping = [this](const QString &user, const QString &password) {
        const QByteArray target = "/rest/ping?f=json&v=1.16.1&c=tst&u=" + QUrl::toPercentEncoding(user)
            + "&p=" + QUrl::toPercentEncoding(password);
        const RawResponse r = request(m_server.port(), "GET", target, {"X-Forwarded-For: 198.51.100.22"});
        return QJsonDocument::fromJson(r.body).object().value(u"subsonic-response"_s).toObject()
            .value(u"status"_s).toString();
    };
    QCOMPARE(ping(typed, u"jose-password"_s), u"ok"_s);
    QCOMPARE(ping(typed, u"jose-wrong"_s), u"failed"_s);
}

void TestUserNames::addInvisibleRows()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");   // in the error message
    QTest::newRow("U+200B zero width space") << u"new\u200Buser"_s << u"U+200B"_s;
    QTest::newRow("U+200E left-to-right mark") << u"newuser\u200E"_s << u"U+200E"_s;
    QTest::newRow("U+FEFF byte order mark") << u"\uFEFFnewuser"_s << u"U+FEFF"_s;
    QTest::newRow("U+2060 word joiner") << u"new\u2060user"_s << u"U+2060"_s;
    QTest::newRow("U+00AD soft hyphen") << u"new\u00ADuser"_s << u"U+00AD"_s;
    QTest::newRow("U+202E right-to-left override") << u"new\u202Euser"_s << u"U+202E"_s;
    QTest::newRow("U+0007 control") << u"new\u0007user"_s << u"U+0007"_s;
    QTest::newRow("U+2028 line separator") << u"new\u2028user"_s << u"U+2028"_s;
    QTest::newRow("leading space") << u" newuser"_s << u"spaces"_s;
    QTest::newRow("trailing no-break space") << u"newuser\u00A0"_s << u"spaces"_s;
    QTest::newRow("only a zero width space") << u"\u200B"_s << u"U+200B"_s;
}

void TestUserNames::invisibleCharactersRefusedAtCreation_data()
{
    addInvisibleRows();
}

void TestUserNames::invisibleCharactersRefusedAtCreation()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QStringList before = userNames();
    const RawResponse r = asAdmin("POST", "/api/users", userBody(name));
    QCOMPARE(r.status, 400);
    const QString message = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(userNames(), before);   // nothing created
    QCOMPARE(login(name, u"long-enough-1"_s, "198.51.100." + QByteArray::number(100 + ++m_addresses)), 401);
    // The name without the character is fine: the refusal is about the character.
    const RawResponse ok = asAdmin("POST", "/api/users", userBody(u"newuser"_s));
    QCOMPARE(ok.status, 201);
    const qint64 id = QJsonDocument::fromJson(ok.body).object().value(u"id"_s).toInteger();
    QCOMPARE(asAdmin("DELETE", "/api/users/" + QByteArray::number(id)).status, 204);
}

void TestUserNames::invisibleCharactersRefusedAtRename_data()
{
    addInvisibleRows();
}

void TestUserNames::invisibleCharactersRefusedAtRename()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QByteArray alice = "/api/users/" + QByteArray::number(m_server.aliceId);
    const RawResponse r = asAdmin("PATCH", alice, "{\"name\":" + jsonString(name) + '}');
    QCOMPARE(r.status, 400);
    const QString message = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(QJsonDocument::fromJson(asAdmin("GET", alice).body).object().value(u"name"_s).toString(), u"alice"_s);
    QCOMPARE(login(u"alice"_s, kAlicePassword, "198.51.100.40"), 200);
    // A rename to a decomposed name is kept in NFC.
    QCOMPARE(asAdmin("PATCH", alice, json({{u"name"_s, u"alice-Rene\u0301"_s}})).status, 200);
    QCOMPARE(QJsonDocument::fromJson(asAdmin("GET", alice).body).object().value(u"name"_s).toString(),
             u"alice-Ren\u00e9"_s);
    QCOMPARE(asAdmin("PATCH", alice, json({{u"name"_s, u"alice"_s}})).status, 200);
}

QTEST_MAIN(TestUserNames)
#include "tst_user_names.moc"
