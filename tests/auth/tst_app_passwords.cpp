// App passwords and the Subsonic credential check on their own, against a real SQLite catalog:
// the store (secrets shown once, encrypted at rest, revoked per owner), the credentials key
// file, every credential mode good and bad, disabled users, the login throttle shared with
// POST /api/auth/login, and the memo of successful checks (spares Argon2id, forgotten at once).

#include "TestCatalog.h"

#include "auth/AppPasswordStore.h"
#include "auth/Authenticator.h"
#include "auth/CredentialsKey.h"
#include "auth/PasswordHash.h"
#include "auth/SigningSecret.h"
#include "auth/SubsonicAuthenticator.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "catalog/Database.h"

#include "CredentialMemo.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using Check = CredentialCheck::Result;

namespace {

const QString kAlicePassword = u"alice-Pass-22"_s;
const QString kBobPassword = u"bob-Pass-333"_s;
const QString kSalt = u"c19b2d"_s;

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString md5Hex(const QString &secret, const QString &salt)
{
    return QString::fromLatin1(QCryptographicHash::hash((secret + salt).toUtf8(), QCryptographicHash::Md5).toHex());
}

QString enc(const QString &text)
{
    return u"enc:"_s + QString::fromLatin1(text.toUtf8().toHex());
}

CredentialParams userPassword(const QString &u, const QString &p)
{
    CredentialParams c;
    c.u = u;
    c.p = p;
    return c;
}

CredentialParams userToken(const QString &u, const QString &secret, const QString &salt = kSalt)
{
    CredentialParams c;
    c.u = u;
    c.t = md5Hex(secret, salt);
    c.s = salt;
    return c;
}

CredentialParams apiKey(const QString &key)
{
    CredentialParams c;
    c.apiKey = key;
    return c;
}

} // namespace

class TestAppPasswords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    // The store.
    void createShowsTheSecretOnce();
    void names_data();
    void names();
    void unknownUserAndLimit();
    void revokeOnlyYourOwn();
    void encryptedAtRest();
    void anotherKeyOpensNothing();
    void credentialsKeyFile();
    void keysOfASharedCatalog();

    // The check.
    void modes_data();
    void modes();
    void disabledUser();
    void throttledWithoutPasswordWork();
    void throttleSharedWithLogin();
    void memoSparesArgon2id();
    void memoForgottenOnPasswordChange();
    void memoForgottenOnRevoke();
    void memoForgottenOnDisableAndDelete();
    void memoForgottenOnRename();
    void memoExpires();
    void memoStaleResultNotStored();
    void memoBounded();
    void recordsUse();
    void concurrentChecks();

private:
    QString secretOf(const Result<CreatedAppPassword> &created) const { return created ? created->secret : QString(); }
    QHostAddress nextAddress() { return QHostAddress(u"198.51.100.%1"_s.arg(++m_addresses % 250 + 1)); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserRevocations> m_revocations;
    std::unique_ptr<UserAdministration> m_users;
    std::unique_ptr<AppPasswordStore> m_store;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<SubsonicAuthenticator> m_check;
    qint64 m_now = 1'700'000'000;
    qint64 m_aliceId = 0, m_bobId = 0;
    QString m_aliceApp, m_bobApp;
    int m_addresses = 0;
};

void TestAppPasswords::initTestCase()
{
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dir.filePath(u"catalog.sqlite"_s)));
    QVERIFY(!m_db->open());
    m_revocations = std::make_unique<UserRevocations>();
    m_users = std::make_unique<UserAdministration>(*m_db, *m_revocations);
    const auto key = loadOrCreateCredentialsKey(m_dir.path());
    QVERIFY(key);
    const auto clock = [this] { return m_now; };
    m_store = std::make_unique<AppPasswordStore>(*m_db, *key, *m_revocations, clock);
    m_auth = std::make_unique<Authenticator>(*m_db, QByteArray(32, 'k'), *m_revocations, AuthSettings{}, clock);
    UserChanges c;
    c.name = u"alice"_s;
    c.password = kAlicePassword;
    m_aliceId = m_users->create(c)->id;
    c.name = u"bob"_s;
    c.password = kBobPassword;
    m_bobId = m_users->create(c)->id;
    QVERIFY(m_aliceId && m_bobId);
}

void TestAppPasswords::init()
{
    // Every test starts with one app password each, a fresh check (empty memo), a clean throttle.
    for (qint64 user : {m_aliceId, m_bobId})
        for (const AppPasswordInfo &p : m_store->list(user))
            QVERIFY(m_store->revoke(user, p.id).ok());
    m_aliceApp = secretOf(m_store->create(m_aliceId, u"alice's phone"_s));
    m_bobApp = secretOf(m_store->create(m_bobId, u"bob's laptop"_s));
    QVERIFY(!m_aliceApp.isEmpty() && !m_bobApp.isEmpty());
    m_check = std::make_unique<SubsonicAuthenticator>(*m_db, *m_store, m_auth->throttle(), *m_revocations,
                                                      SubsonicAuthSettings{}, [this] { return m_now; });
}

// --- the store ---

void TestAppPasswords::createShowsTheSecretOnce()
{
    const auto a = m_store->create(m_aliceId, u"  Symfonium on my phone "_s);
    const auto b = m_store->create(m_aliceId, u"Symfonium on my phone"_s);
    QVERIFY(a && b);
    QCOMPARE(a->name, u"Symfonium on my phone"_s);   // trimmed
    QCOMPARE(a->createdAt, m_now);
    QVERIFY(a->id > 0 && b->id != a->id);
    static const QRegularExpression shape(u"^[a-z2-9]{5}(-[a-z2-9]{5}){3}$"_s);
    QVERIFY2(shape.match(a->secret).hasMatch(), qPrintable(a->secret));
    QVERIFY(!a->secret.contains(QRegularExpression(u"[01ilo]"_s)));
    QVERIFY(a->secret != b->secret);

    const QList<AppPasswordInfo> listed = m_store->list(m_aliceId);
    QCOMPARE(listed.size(), 3);   // init()'s and these two, oldest first
    QCOMPARE(listed.at(1).id, a->id);
    QCOMPARE(listed.at(1).name, a->name);
    QCOMPARE(listed.at(1).createdAt, m_now);
    QCOMPARE(listed.at(1).lastUsedAt, 0);
    QCOMPARE(m_store->list(m_bobId).size(), 1);
}

void TestAppPasswords::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << u"DSub"_s << true;
    QTest::newRow("unicode") << u"Zoës Tablet 📱"_s << true;
    QTest::newRow("100 characters") << QString(100, u'x') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << u"   "_s << false;
    QTest::newRow("101 characters") << QString(101, u'x') << false;
    QTest::newRow("control character") << u"my\nphone"_s << false;
}

void TestAppPasswords::names()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    const auto created = m_store->create(m_aliceId, name);
    QCOMPARE(created.ok(), ok);
    QCOMPARE(m_store->list(m_aliceId).size(), ok ? 2 : 1);
    if (!ok) {
        QCOMPARE(created.error().kind, DomainError::Kind::InvalidInput);
        QVERIFY(!created.error().message.isEmpty());
    }
}

void TestAppPasswords::unknownUserAndLimit()
{
    QCOMPARE(m_store->create(m_bobId + 1000, u"ghost"_s).error().kind, DomainError::Kind::NotFound);
    for (int i = 1; i < AppPasswordStore::kMaxPerUser; ++i)
        QVERIFY(m_store->create(m_bobId, u"client %1"_s.arg(i)).ok());
    const auto tooMany = m_store->create(m_bobId, u"one too many"_s);
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.error().kind, DomainError::Kind::Conflict);
    QCOMPARE(m_store->list(m_bobId).size(), AppPasswordStore::kMaxPerUser);
}

void TestAppPasswords::revokeOnlyYourOwn()
{
    const qint64 alices = m_store->list(m_aliceId).first().id;
    QCOMPARE(m_store->revoke(m_bobId, alices).error().kind, DomainError::Kind::NotFound);
    QCOMPARE(m_store->list(m_aliceId).size(), 1);
    QCOMPARE(m_store->revoke(m_aliceId, alices + 1000).error().kind, DomainError::Kind::NotFound);
    QVERIFY(m_store->revoke(m_aliceId, alices).ok());
    QVERIFY(m_store->list(m_aliceId).isEmpty());
    QCOMPARE(m_store->revoke(m_aliceId, alices).error().kind, DomainError::Kind::NotFound);   // twice
    QVERIFY(!m_store->findByApiKey(m_aliceApp));
    QVERIFY(m_store->findByApiKey(m_bobApp));
}

void TestAppPasswords::encryptedAtRest()
{
    if (m_db->isPostgres())
        QSKIP("reads the bytes of the SQLite file");
    QStringList secrets{m_aliceApp, m_bobApp};
    for (int i = 0; i < 5; ++i)
        secrets << secretOf(m_store->create(m_aliceId, u"more %1"_s.arg(i)));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"PRAGMA wal_checkpoint(FULL)"_s));
    const QByteArray all = fileBytes(m_db->path()) + fileBytes(m_db->path() + u"-wal"_s);
    QVERIFY(all.contains("alice's phone"));   // the check below looks at the right bytes
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!all.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY(!all.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
        QVERIFY(!all.contains(secret.toUtf8().toHex()));
        QVERIFY(!all.contains(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256)));
        QVERIFY(!all.contains(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Md5)));
    }
    // Each row: a 24-byte nonce, ciphertext = secret + 16-byte MAC, a 32-byte lookup hash.
    QVERIFY(q.exec(u"SELECT length(secret_nonce), length(secret_ciphertext), length(key_hash) FROM app_passwords"_s));
    int rows = 0;
    while (q.next()) {
        ++rows;
        QCOMPARE(q.value(0).toInt(), 24);
        QCOMPARE(q.value(1).toInt(), 23 + 16);
        QCOMPARE(q.value(2).toInt(), 32);
    }
    QCOMPARE(rows, 7);
}

void TestAppPasswords::anotherKeyOpensNothing()
{
    // The catalog with another credentials.key (a lost or replaced key file).
    AppPasswordStore other(*m_db, QByteArray(32, 'x'), *m_revocations, [this] { return m_now; });
    SubsonicAuthenticator check(*m_db, other, m_auth->throttle(), *m_revocations, {}, [this] { return m_now; });
    QVERIFY(!other.findByApiKey(m_aliceApp));
    QCOMPARE(check.check(apiKey(m_aliceApp), nextAddress()).result, Check::BadApiKey);
    QCOMPARE(check.check(userToken(u"alice"_s, m_aliceApp), nextAddress()).result, Check::Wrong);
    QCOMPARE(check.check(userPassword(u"alice"_s, m_aliceApp), nextAddress()).result, Check::Wrong);
    QCOMPARE(check.check(userPassword(u"alice"_s, kAlicePassword), nextAddress()).result, Check::Ok);   // still
    QCOMPARE(other.list(m_aliceId).size(), 1);   // listed, so it can be revoked
    // A key that is too short makes a store that refuses to create anything.
    AppPasswordStore keyless(*m_db, QByteArray(8, 'x'), *m_revocations);
    QCOMPARE(keyless.create(m_aliceId, u"x"_s).error().kind, DomainError::Kind::Failed);
}

void TestAppPasswords::credentialsKeyFile()
{
    QTemporaryDir a, b;
    const QString path = QDir(a.path()).filePath(u"credentials.key"_s);
    const auto first = loadOrCreateCredentialsKey(a.path());
    QVERIFY(first);
    QCOMPARE(first->size(), kCredentialsKeyBytes);
    QCOMPARE(loadOrCreateCredentialsKey(a.path()), first);   // kept
    QVERIFY(loadOrCreateCredentialsKey(b.path()) != first);  // random
    QVERIFY(!(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
    QVERIFY(!fileBytes(path).isEmpty());

    // Loosened permissions (a restored backup) are tightened again.
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther | QFileDevice::ReadGroup);
    QCOMPARE(loadOrCreateCredentialsKey(a.path()), first);
    QVERIFY(!(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));

    // A damaged key is not silently replaced: that would make every app password unreadable.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("c2hvcnQ\n");
    }
    QVERIFY(!loadOrCreateCredentialsKey(a.path()));
    QCOMPARE(fileBytes(path), "c2hvcnQ\n"_ba);
    // The signing key, whose loss only ends signed URLs, is replaced.
    const QString signing = QDir(a.path()).filePath(u"signing.key"_s);
    {
        QFile f(signing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("c2hvcnQ\n");
    }
    const auto replaced = loadOrCreateSigningSecret(a.path());
    QVERIFY(replaced && replaced->size() >= 32);
}

// Nodes sharing a PostgreSQL catalog, each with its own data directory, hold the same keys, kept
// in the catalog: an app password made on one opens on the other, a URL one signs is good on the
// other. An SQLite catalog has one node, whose keys stay in files of its data directory.
void TestAppPasswords::keysOfASharedCatalog()
{
    QTemporaryDir nodeA, nodeB;
    const auto keyA = loadOrCreateCredentialsKey(*m_db, nodeA.path());
    const auto keyB = loadOrCreateCredentialsKey(*m_db, nodeB.path());
    const auto signingA = loadOrCreateSigningSecret(*m_db, nodeA.path());
    const auto signingB = loadOrCreateSigningSecret(*m_db, nodeB.path());
    QVERIFY(keyA && keyB && signingA && signingB);
    QCOMPARE(keyA->size(), kCredentialsKeyBytes);
    QVERIFY(signingA->size() >= 32);
    const bool keyFiles = QFile::exists(QDir(nodeA.path()).filePath(u"credentials.key"_s))
                          && QFile::exists(QDir(nodeA.path()).filePath(u"signing.key"_s));
    if (!m_db->isPostgres()) {
        QVERIFY(keyFiles);
        QVERIFY(*keyB != *keyA);
        QVERIFY(*signingB != *signingA);
        return;
    }
    QVERIFY(!keyFiles);
    QCOMPARE(*keyB, *keyA);
    QCOMPARE(*signingB, *signingA);
    QCOMPARE(loadOrCreateCredentialsKey(*m_db, nodeA.path()), keyA);   // kept

    const auto clock = [this] { return m_now; };
    AppPasswordStore onA(*m_db, *keyA, *m_revocations, clock), onB(*m_db, *keyB, *m_revocations, clock);
    SubsonicAuthenticator checkOnB(*m_db, onB, m_auth->throttle(), *m_revocations, {}, clock);
    const auto made = onA.create(m_bobId, u"node A"_s);
    QVERIFY(made);
    QCOMPARE(checkOnB.check(userToken(u"bob"_s, made->secret), nextAddress()).result, Check::Ok);
    QVERIFY(onA.revoke(m_bobId, made->id));

    // A damaged key is refused, not replaced (every app password would be lost); the signing
    // secret, whose loss only ends signed URLs, is made again.
    QSqlQuery damage(m_db->connection());
    QVERIFY(damage.exec(u"UPDATE shared_secrets SET value = 'c2hvcnQ'"_s));
    QVERIFY(!loadOrCreateCredentialsKey(*m_db, nodeA.path()));
    const auto renewed = loadOrCreateSigningSecret(*m_db, nodeB.path());
    QVERIFY(renewed && renewed->size() >= 32 && *renewed != *signingA);
    QCOMPARE(loadOrCreateSigningSecret(*m_db, nodeA.path()), renewed);
    QVERIFY(damage.exec(u"DELETE FROM shared_secrets"_s));
}

// --- the check ---

void TestAppPasswords::modes_data()
{
    // Placeholders: {pw} alice's account password, {app} her app password, {bobapp} bob's;
    // {enc:X} "enc:" + hex of X; {t:X} md5(X + s); {t0:X} md5(X + kSalt).
    QTest::addColumn<QString>("u");
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("t");
    QTest::addColumn<QString>("s");
    QTest::addColumn<QString>("key");
    QTest::addColumn<Check>("expected");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("viaAppPassword");

    const QString salt = kSalt;
    const QString alice = u"alice"_s;
    // Fields left out are absent; `user` is who an Ok names, `viaApp` whether an app password did.
    const auto row = [](const char *name, const CredentialParams &c, Check expected, const QString &user = {},
                        bool viaApp = false) {
        QTest::newRow(name) << c.u << c.p << c.t << c.s << c.apiKey << expected << user << viaApp;
    };
    row("u+p account password", {.u = alice, .p = u"{pw}"_s}, Check::Ok, alice);
    row("u+p name in another case", {.u = u"ALICE"_s, .p = u"{pw}"_s}, Check::Ok, alice);
    row("u+p wrong password", {.u = alice, .p = u"alice-pass-22"_s}, Check::Wrong);
    row("u+p enc:hex", {.u = alice, .p = u"{enc:pw}"_s}, Check::Ok, alice);
    row("u+p enc:HEX upper case", {.u = alice, .p = u"{ENC:pw}"_s}, Check::Ok, alice);
    row("u+p enc: of a wrong password", {.u = alice, .p = enc(u"nope-nope"_s)}, Check::Wrong);
    row("u+p enc: bad hex", {.u = alice, .p = u"enc:zz"_s}, Check::Wrong);
    row("u+p enc: odd hex", {.u = alice, .p = u"enc:616"_s}, Check::Wrong);
    row("u+p enc: empty", {.u = alice, .p = u"enc:"_s}, Check::Wrong);
    row("u+p enc: not UTF-8", {.u = alice, .p = u"enc:ff"_s}, Check::Wrong);
    row("u+p app password", {.u = alice, .p = u"{app}"_s}, Check::Ok, alice, true);
    row("u+p app password enc:", {.u = alice, .p = u"{enc:app}"_s}, Check::Ok, alice, true);
    row("u+p another user's app password", {.u = alice, .p = u"{bobapp}"_s}, Check::Wrong);
    row("u+p unknown user", {.u = u"zed"_s, .p = u"{pw}"_s}, Check::Wrong);
    row("u+t+s app password", {.u = alice, .t = u"{t:app}"_s, .s = salt}, Check::Ok, alice, true);
    row("u+t+s upper-case token", {.u = alice, .t = u"{T:app}"_s, .s = salt}, Check::Ok, alice, true);
    row("u+t+s other salt", {.u = alice, .t = u"{t0:app}"_s, .s = u"c19b2e"_s}, Check::Wrong);
    row("u+t+s bad token", {.u = alice, .t = u"0123456789abcdef0123456789abcdef"_s, .s = salt}, Check::Wrong);
    row("u+t+s account password", {.u = alice, .t = u"{t:pw}"_s, .s = salt}, Check::Wrong);
    row("u+t+s another user's", {.u = alice, .t = u"{t:bobapp}"_s, .s = salt}, Check::Wrong);
    row("u+t+s unknown user", {.u = u"zed"_s, .t = u"{t:app}"_s, .s = salt}, Check::Wrong);
    row("apiKey", {.apiKey = u"{app}"_s}, Check::Ok, alice, true);
    row("apiKey bob's", {.apiKey = u"{bobapp}"_s}, Check::Ok, u"bob"_s, true);
    row("apiKey bad", {.apiKey = u"abcde-fghjk-mnpqr-stuvw"_s}, Check::BadApiKey);
    row("apiKey account password", {.apiKey = u"{pw}"_s}, Check::BadApiKey);
    row("apiKey + u", {.u = alice, .apiKey = u"{app}"_s}, Check::Conflicting);
    row("apiKey + p", {.p = u"{pw}"_s, .apiKey = u"{app}"_s}, Check::Conflicting);
    row("apiKey + t+s", {.t = u"{t:app}"_s, .s = salt, .apiKey = u"{app}"_s}, Check::Conflicting);
    row("p + t", {.u = alice, .p = u"{pw}"_s, .t = u"{t:app}"_s}, Check::Conflicting);
    row("p + s", {.u = alice, .p = u"{pw}"_s, .s = salt}, Check::Conflicting);
    row("nothing", {}, Check::Missing);
    row("u alone", {.u = alice}, Check::Missing);
    row("u+t without s", {.u = alice, .t = u"{t:app}"_s}, Check::Missing);
    row("u+s without t", {.u = alice, .s = salt}, Check::Missing);
    row("p without u", {.p = u"{pw}"_s}, Check::Missing);
    row("t+s without u", {.t = u"{t:app}"_s, .s = salt}, Check::Missing);
    row("huge password", {.u = alice, .p = QString(5000, u'x')}, Check::Wrong);
}

void TestAppPasswords::modes()
{
    QFETCH(QString, u);
    QFETCH(QString, p);
    QFETCH(QString, t);
    QFETCH(QString, s);
    QFETCH(QString, key);
    QFETCH(Check, expected);
    QFETCH(QString, user);
    QFETCH(bool, viaAppPassword);
    const QHash<QString, QString> values{{u"pw"_s, kAlicePassword}, {u"app"_s, m_aliceApp}, {u"bobapp"_s, m_bobApp}};
    const auto fill = [&](const QString &text) -> QString {
        static const QRegularExpression placeholder(u"^\\{(?:(enc|ENC|t|T|t0):)?(\\w+)\\}$"_s);
        const auto m = placeholder.match(text);
        if (!m.hasMatch())
            return text;
        const QString value = values.value(m.captured(2));
        const QString how = m.captured(1);
        if (how == u"enc"_s)
            return enc(value);
        if (how == u"ENC"_s)
            return u"enc:"_s + QString::fromLatin1(value.toUtf8().toHex().toUpper());
        if (how == u"t"_s)
            return md5Hex(value, s);
        if (how == u"t0"_s)
            return md5Hex(value, kSalt);
        if (how == u"T"_s)
            return md5Hex(value, s).toUpper();
        return value;
    };
    CredentialParams params;
    params.u = fill(u);
    params.p = fill(p);
    params.t = fill(t);
    params.s = s;
    params.apiKey = fill(key);
    const CredentialCheck check = m_check->check(params, nextAddress());
    QCOMPARE(check.result, expected);
    QCOMPARE(check.user.name, user);
    QCOMPARE(check.appPasswordId > 0, viaAppPassword);
    if (expected == Check::Ok)
        QCOMPARE(check.user.id, user == u"bob"_s ? m_bobId : m_aliceId);
}

void TestAppPasswords::disabledUser()
{
    UserChanges off;
    off.enabled = false;
    QVERIFY(m_users->update(m_aliceId, off).ok());
    const QHostAddress from = nextAddress();
    QCOMPARE(m_check->check(userPassword(u"alice"_s, kAlicePassword), from).result, Check::Disabled);
    QCOMPARE(m_check->check(userPassword(u"alice"_s, u"wrong-password"_s), from).result, Check::Wrong);
    QCOMPARE(m_check->check(apiKey(m_aliceApp), from).result, Check::Disabled);
    QCOMPARE(m_check->check(userToken(u"alice"_s, m_aliceApp), from).result, Check::Disabled);
    QVERIFY(m_check->check(apiKey(m_aliceApp), from).user.name.isEmpty());
    // Each refusal of a disabled user counted as a failure: the address is locked out now.
    QVERIFY(m_check->check(userPassword(u"bob"_s, kBobPassword), from).result == Check::Throttled);
    UserChanges on;
    on.enabled = true;
    QVERIFY(m_users->update(m_aliceId, on).ok());
    QCOMPARE(m_check->check(apiKey(m_aliceApp), nextAddress()).result, Check::Ok);
}

void TestAppPasswords::throttledWithoutPasswordWork()
{
    const QHostAddress from = nextAddress();
    const QHostAddress elsewhere = nextAddress();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_check->check(userPassword(u"alice"_s, u"guess-%1"_s.arg(i)), from).result, Check::Wrong);
    QCOMPARE(m_check->check(apiKey(u"guessed-key"_s), from).result, Check::BadApiKey);   // 5th: locked
    const quint64 verifications = m_check->passwordVerifications();
    const CredentialCheck locked = m_check->check(userPassword(u"alice"_s, kAlicePassword), from);
    QCOMPARE(locked.result, Check::Throttled);
    QCOMPARE(locked.retryAfterSecs, 2);
    QVERIFY(locked.user.name.isEmpty());
    QCOMPARE(m_check->check(apiKey(m_aliceApp), from).result, Check::Throttled);
    QCOMPARE(m_check->passwordVerifications(), verifications);   // no Argon2id for a locked address
    QCOMPARE(m_check->check(userPassword(u"alice"_s, kAlicePassword), elsewhere).result, Check::Ok);   // per address
    // Missing and conflicting sets are no guesses: they neither count nor get throttled answers.
    QCOMPARE(m_check->check(CredentialParams{}, from).result, Check::Missing);
    m_now += 2;
    QCOMPARE(m_check->check(userPassword(u"alice"_s, kAlicePassword), from).result, Check::Ok);   // and clears it
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_check->check(userPassword(u"alice"_s, u"guess-%1"_s.arg(i)), from).result, Check::Wrong);
    QCOMPARE(m_check->check(userPassword(u"alice"_s, kAlicePassword), from).result, Check::Ok);
}

void TestAppPasswords::throttleSharedWithLogin()
{
    const QHostAddress from = nextAddress();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_auth->login(u"alice"_s, u"login-guess"_s, from).result, LoginOutcome::Result::Refused);
    QCOMPARE(m_check->check(userToken(u"alice"_s, u"guess"_s), from).result, Check::Wrong);
    QCOMPARE(m_check->check(userPassword(u"zed"_s, u"guess"_s), from).result, Check::Wrong);   // 5th failure
    QCOMPARE(m_auth->login(u"alice"_s, kAlicePassword, from).result, LoginOutcome::Result::Throttled);
    QCOMPARE(m_check->check(userPassword(u"alice"_s, kAlicePassword), from).result, Check::Throttled);

    // And the other way round: Subsonic failures first, then the JSON login is locked.
    const QHostAddress second = nextAddress();
    for (int i = 0; i < 5; ++i)
        m_check->check(apiKey(u"nope-%1"_s.arg(i)), second);
    const LoginOutcome login = m_auth->login(u"alice"_s, kAlicePassword, second);
    QCOMPARE(login.result, LoginOutcome::Result::Throttled);
    QVERIFY(login.retryAfterSecs > 0);
}

void TestAppPasswords::memoSparesArgon2id()
{
    const QHostAddress from = nextAddress();
    const CredentialParams params = userPassword(u"alice"_s, kAlicePassword);
    const quint64 before = m_check->passwordVerifications();
    QElapsedTimer first;
    first.start();
    QCOMPARE(m_check->check(params, from).result, Check::Ok);
    const qint64 firstMs = qMax<qint64>(1, first.elapsed());
    QCOMPARE(m_check->passwordVerifications(), before + 1);

    QElapsedTimer twenty;
    twenty.start();
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_check->check(params, from).result, Check::Ok);
    const qint64 twentyMs = twenty.elapsed();
    QCOMPARE(m_check->passwordVerifications(), before + 1);   // the 20 cost no Argon2id
    QVERIFY2(twentyMs < 5 * firstMs, qPrintable(u"first %1 ms, 20 remembered %2 ms"_s.arg(firstMs).arg(twentyMs)));

    // Another spelling of the credentials (enc:) is verified once, then remembered too.
    const CredentialParams encoded = userPassword(u"alice"_s, enc(kAlicePassword));
    QCOMPARE(m_check->check(encoded, from).result, Check::Ok);
    QCOMPARE(m_check->check(encoded, from).result, Check::Ok);
    QCOMPARE(m_check->passwordVerifications(), before + 2);
    // Failures are never remembered: each costs the full work.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(m_check->check(userPassword(u"alice"_s, u"wrong"_s), nextAddress()).result, Check::Wrong);
    QCOMPARE(m_check->passwordVerifications(), before + 4);
    // An unknown name costs an Argon2id run as well (against a decoy hash).
    QCOMPARE(m_check->check(userPassword(u"zed"_s, u"wrong"_s), nextAddress()).result, Check::Wrong);
    QCOMPARE(m_check->passwordVerifications(), before + 5);
    // An app password as p needs no Argon2id at all.
    QCOMPARE(m_check->check(userPassword(u"alice"_s, m_aliceApp), from).result, Check::Ok);
    QCOMPARE(m_check->passwordVerifications(), before + 5);
}

void TestAppPasswords::memoForgottenOnPasswordChange()
{
    const QHostAddress from = nextAddress();
    const CredentialParams old = userPassword(u"alice"_s, kAlicePassword);
    QCOMPARE(m_check->check(old, from).result, Check::Ok);
    QCOMPARE(m_check->check(old, from).result, Check::Ok);   // remembered
    UserChanges reset;
    reset.password = u"a-new-password"_s;
    QVERIFY(m_users->update(m_aliceId, reset).ok());
    QCOMPARE(m_check->check(old, nextAddress()).result, Check::Wrong);   // at once
    QCOMPARE(m_check->check(userPassword(u"alice"_s, u"a-new-password"_s), nextAddress()).result, Check::Ok);
    // App passwords survive a new account password.
    QCOMPARE(m_check->check(apiKey(m_aliceApp), nextAddress()).result, Check::Ok);
    reset.password = kAlicePassword;
    QVERIFY(m_users->update(m_aliceId, reset).ok());
}

void TestAppPasswords::memoForgottenOnRevoke()
{
    const QHostAddress from = nextAddress();
    const CredentialParams asPassword = userPassword(u"alice"_s, m_aliceApp);
    const CredentialParams asToken = userToken(u"alice"_s, m_aliceApp);
    const CredentialParams asKey = apiKey(m_aliceApp);
    const CredentialParams account = userPassword(u"alice"_s, kAlicePassword);
    for (int i = 0; i < 2; ++i)
        for (const CredentialParams &p : {asPassword, asToken, asKey, account})
            QCOMPARE(m_check->check(p, from).result, Check::Ok);
    QVERIFY(m_store->revoke(m_aliceId, m_store->list(m_aliceId).first().id).ok());
    QCOMPARE(m_check->check(asPassword, nextAddress()).result, Check::Wrong);
    QCOMPARE(m_check->check(asToken, nextAddress()).result, Check::Wrong);
    QCOMPARE(m_check->check(asKey, nextAddress()).result, Check::BadApiKey);
    QCOMPARE(m_check->check(account, nextAddress()).result, Check::Ok);
    QCOMPARE(m_check->check(apiKey(m_bobApp), nextAddress()).result, Check::Ok);   // others' untouched
}

void TestAppPasswords::memoForgottenOnDisableAndDelete()
{
    UserChanges c;
    c.name = u"carol"_s;
    c.password = u"carol-password"_s;
    const qint64 carol = m_users->create(c)->id;
    const QString key = secretOf(m_store->create(carol, u"carol's car"_s));
    const CredentialParams params = userPassword(u"carol"_s, u"carol-password"_s);
    QCOMPARE(m_check->check(params, nextAddress()).result, Check::Ok);
    QCOMPARE(m_check->check(apiKey(key), nextAddress()).result, Check::Ok);

    UserChanges off;
    off.enabled = false;
    QVERIFY(m_users->update(carol, off).ok());
    const quint64 before = m_check->passwordVerifications();
    QCOMPARE(m_check->check(params, nextAddress()).result, Check::Disabled);
    QCOMPARE(m_check->passwordVerifications(), before + 1);   // forgotten, not merely re-read
    QCOMPARE(m_check->check(apiKey(key), nextAddress()).result, Check::Disabled);

    UserChanges on;
    on.enabled = true;
    QVERIFY(m_users->update(carol, on).ok());
    QCOMPARE(m_check->check(params, nextAddress()).result, Check::Ok);
    QVERIFY(m_users->remove(carol).ok());
    QCOMPARE(m_check->check(params, nextAddress()).result, Check::Wrong);
    QCOMPARE(m_check->check(apiKey(key), nextAddress()).result, Check::BadApiKey);   // gone with the user
}

void TestAppPasswords::memoForgottenOnRename()
{
    const CredentialParams params = userPassword(u"bob"_s, kBobPassword);
    QCOMPARE(m_check->check(params, nextAddress()).result, Check::Ok);
    UserChanges rename;
    rename.name = u"robert"_s;
    QVERIFY(m_users->update(m_bobId, rename).ok());
    QCOMPARE(m_check->check(params, nextAddress()).result, Check::Wrong);
    QCOMPARE(m_check->check(userPassword(u"robert"_s, kBobPassword), nextAddress()).user.id, m_bobId);
    rename.name = u"bob"_s;
    QVERIFY(m_users->update(m_bobId, rename).ok());
}

void TestAppPasswords::memoExpires()
{
    const QHostAddress from = nextAddress();
    const CredentialParams params = userPassword(u"alice"_s, kAlicePassword);
    const quint64 before = m_check->passwordVerifications();
    QCOMPARE(m_check->check(params, from).result, Check::Ok);
    m_now += SubsonicAuthSettings{}.memoSecs - 1;
    QCOMPARE(m_check->check(params, from).result, Check::Ok);
    QCOMPARE(m_check->passwordVerifications(), before + 1);
    m_now += 1;
    QCOMPARE(m_check->check(params, from).result, Check::Ok);
    QCOMPARE(m_check->passwordVerifications(), before + 2);   // expired: verified again
}

void TestAppPasswords::memoStaleResultNotStored()
{
    // A check that read the catalog before a credential change must not store its result after it.
    CredentialMemo memo(16, 300);
    const QByteArray key = memo.keyFor({"p", "alice", "old-password"});
    const quint64 seen = memo.generation();
    memo.forgetUser(m_aliceId);   // the password changed while the check ran
    memo.remember(key, m_aliceId, 0, seen, m_now);
    QVERIFY(!memo.find(key, m_now));
    memo.remember(key, m_aliceId, 0, memo.generation(), m_now);
    QCOMPARE(memo.find(key, m_now)->userId, m_aliceId);
    QVERIFY(!memo.find(key, m_now + 300));
    // Keys are unambiguous and keyed per process.
    QVERIFY(memo.keyFor({"ab", "c"}) != memo.keyFor({"a", "bc"}));
    QVERIFY(CredentialMemo(16, 300).keyFor({"p", "alice", "x"}) != memo.keyFor({"p", "alice", "x"}));
    QCOMPARE(memo.keyFor({"p", "alice", "x"}), memo.keyFor({"p", "alice", "x"}));
    // Forgetting one user leaves the others.
    const QByteArray bobs = memo.keyFor({"k", "bob-key"});
    memo.remember(bobs, m_bobId, 7, memo.generation(), m_now);
    memo.forgetUser(m_aliceId);
    QVERIFY(!memo.find(key, m_now));
    QCOMPARE(memo.find(bobs, m_now)->appPasswordId, 7);
}

void TestAppPasswords::memoBounded()
{
    CredentialMemo memo(8, 300);
    for (int i = 0; i < 20; ++i)
        memo.remember(memo.keyFor({"k", QByteArray::number(i)}), 1, 0, memo.generation(), m_now + i);
    QCOMPARE(memo.size(), 8);
    QVERIFY(memo.find(memo.keyFor({"k", "19"}), m_now + 20));   // the newest stay
    QVERIFY(!memo.find(memo.keyFor({"k", "0"}), m_now + 20));
}

void TestAppPasswords::recordsUse()
{
    const auto lastUsed = [this] { return m_store->list(m_aliceId).first().lastUsedAt; };
    const auto lastSeen = [this] { return m_users->find(m_aliceId)->lastSeenAt; };
    m_now += 120;   // beyond the last use earlier tests recorded
    const QHostAddress from = nextAddress();
    const qint64 start = m_now;
    QCOMPARE(m_check->check(userToken(u"alice"_s, m_aliceApp), from).result, Check::Ok);
    QCOMPARE(lastUsed(), start);
    QCOMPARE(lastSeen(), start);
    m_now += 30;
    QCOMPARE(m_check->check(apiKey(m_aliceApp), from).result, Check::Ok);
    QCOMPARE(lastUsed(), start);   // at most one write a minute
    m_now += 31;
    QCOMPARE(m_check->check(apiKey(m_aliceApp), from).result, Check::Ok);   // remembered, still recorded
    QCOMPARE(lastUsed(), start + 61);
    QCOMPARE(lastSeen(), start + 61);
    // The account password records the user, not an app password.
    m_now += 120;
    QCOMPARE(m_check->check(userPassword(u"alice"_s, kAlicePassword), from).result, Check::Ok);
    QCOMPARE(lastUsed(), start + 61);
    QCOMPARE(lastSeen(), start + 181);
}

void TestAppPasswords::concurrentChecks()
{
    // Worker threads share one check, as the HTTP workers do (each with its own connection).
    const CredentialParams params = userPassword(u"alice"_s, kAlicePassword);
    const CredentialParams key = apiKey(m_bobApp);
    QAtomicInt ok = 0;
    QList<QThread *> threads;
    for (int i = 0; i < 4; ++i) {
        threads << QThread::create([&, i] {
            const QHostAddress from(u"203.0.113.%1"_s.arg(i + 1));
            for (int n = 0; n < 10; ++n) {
                ok.fetchAndAddRelaxed(m_check->check(params, from).result == Check::Ok ? 1 : 0);
                ok.fetchAndAddRelaxed(m_check->check(key, from).result == Check::Ok ? 1 : 0);
            }
        });
        threads.last()->start();
    }
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(60000));
        delete t;
    }
    QCOMPARE(ok.loadRelaxed(), 80);
    QVERIFY(m_check->passwordVerifications() <= 4);   // at most one per thread before the first was remembered
}

QTEST_GUILESS_MAIN(TestAppPasswords)
#include "tst_app_passwords.moc"
