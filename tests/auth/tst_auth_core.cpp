// core/auth on its own: password hashes, tokens, URL signatures, throttling, client addresses
// behind proxies, account validation and revocation, against a real SQLite catalog.

#include "TestCatalog.h"

#include "auth/Authenticator.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHash.h"
#include "auth/SigningSecret.h"
#include "auth/TokenStore.h"
#include "auth/UrlSigner.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "http/auth/ClientAddress.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Replaces the character at `i` by another one of the same alphabet.
QString altered(QString text, qsizetype i)
{
    const QChar c = text.at(i);
    text[i] = c == u'A' ? u'B' : (c.isDigit() ? QChar(u'0' + (c.digitValue() + 1) % 10) : u'A');
    return text;
}

} // namespace

class TestAuthCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void passwordHashes();
    void signedUrls();
    void signatureTamperingEachByte();
    void throttle();
    void clientAddressBehindProxies_data();
    void clientAddressBehindProxies();
    void tokens();
    void userValidation_data();
    void userValidation();
    void duplicateNamesAndLastAdmin();
    void disablingEndsTokensAndSignals();
    void tokenChecksDoNotWaitForTheWriter();
    void loginSameAnswerForUnknownName();
    void databaseNeverHoldsClearPasswords();
    void signingSecretPersists();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserRevocations> m_revocations;
    std::unique_ptr<UserAdministration> m_users;
};

void TestAuthCore::init()
{
    m_users.reset();
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dir->filePath(u"catalog.sqlite"_s)));
    QVERIFY(!m_db->open());
    m_revocations = std::make_unique<UserRevocations>();
    m_users = std::make_unique<UserAdministration>(*m_db, *m_revocations);
}

void TestAuthCore::passwordHashes()
{
    const QString password = u"correct horse battery"_s;
    const auto a = hashPassword(password);
    const auto b = hashPassword(password);
    QVERIFY(a && b);
    QVERIFY(a->startsWith("$argon2id$"));
    QVERIFY(!a->contains(password.toUtf8()));
    QVERIFY(*a != *b);   // salted
    QVERIFY(verifyPassword(*a, password));
    QVERIFY(verifyPassword(*b, password));
    QVERIFY(!verifyPassword(*a, u"correct horse battery!"_s));
    QVERIFY(!verifyPassword(*a, QString()));
    QVERIFY(!verifyPassword(QByteArray(), password));
    QVERIFY(!verifyPassword("not a hash", password));
    QVERIFY(!verifyPassword(decoyHash(), password));
}

void TestAuthCore::signedUrls()
{
    const UrlSigner signer(QByteArray(32, 'k'));
    const QByteArray key = "user-key-42";
    const SignedQuery q = signer.sign(u"/api/tracks/7/stream"_s, 42, key, 2000);
    QCOMPARE(UrlSigner::claimedSigner(q.sig), 42);
    const auto valid = signer.verify(u"/api/tracks/7/stream"_s, q.exp, q.sig, key, 1000);
    QCOMPARE(valid.result, SignatureCheck::Result::Valid);
    QCOMPARE(valid.userId, 42);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, q.exp, q.sig, key, 2000).result, SignatureCheck::Result::Expired);
    QCOMPARE(signer.verify(u"/api/tracks/8/stream"_s, q.exp, q.sig, key, 1000).result, SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/download"_s, q.exp, q.sig, key, 1000).result, SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, u"2001"_s, q.sig, key, 1000).result, SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, q.exp, QString(), key, 1000).result, SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, QString(), q.sig, key, 1000).result, SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, u"-5"_s, q.sig, key, 1000).result, SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, u"99999999999999999999999"_s, q.sig, key, 1000).result,
             SignatureCheck::Result::Invalid);
    // Another secret (another server) does not accept it.
    QCOMPARE(UrlSigner(QByteArray(32, 'x')).verify(u"/api/tracks/7/stream"_s, q.exp, q.sig, key, 1000).result,
             SignatureCheck::Result::Invalid);
    // Another user id inside the signature.
    QString otherUser = q.sig;
    otherUser.replace(0, 2, u"43"_s);
    QCOMPARE(UrlSigner::claimedSigner(otherUser), 43);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, q.exp, otherUser, key, 1000).result, SignatureCheck::Result::Invalid);
    // The user's key renewed (a new password, sign out everywhere), or no key (no such user).
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, q.exp, q.sig, "user-key-43", 1000).result,
             SignatureCheck::Result::Invalid);
    QCOMPARE(signer.verify(u"/api/tracks/7/stream"_s, q.exp, q.sig, QByteArray(), 1000).result,
             SignatureCheck::Result::Invalid);
    QCOMPARE(UrlSigner::claimedSigner(u"x.abc"_s), 0);
    QCOMPARE(UrlSigner::claimedSigner(u"abc"_s), 0);
}

void TestAuthCore::signatureTamperingEachByte()
{
    const UrlSigner signer(QByteArray(32, 's'));
    const QByteArray key = "k9";
    const QString path = u"/api/tracks/123/stream"_s;
    const SignedQuery q = signer.sign(path, 9, key, 5000);
    QCOMPARE(signer.verify(path, q.exp, q.sig, key, 10).result, SignatureCheck::Result::Valid);
    for (qsizetype i = 0; i < q.sig.size(); ++i) {
        const QString bad = altered(q.sig, i);
        QVERIFY2(signer.verify(path, q.exp, bad, key, 10).result != SignatureCheck::Result::Valid, qPrintable(bad));
    }
    for (qsizetype i = 0; i < q.exp.size(); ++i)
        QVERIFY(signer.verify(path, altered(q.exp, i), q.sig, key, 10).result != SignatureCheck::Result::Valid);
    QVERIFY(signer.verify(path, q.exp, q.sig + u'A', key, 10).result != SignatureCheck::Result::Valid);
    QVERIFY(signer.verify(path, q.exp, q.sig.chopped(1), key, 10).result != SignatureCheck::Result::Valid);
}

void TestAuthCore::throttle()
{
    qint64 now = 1000;
    LoginThrottle t({5, 2, 60}, [&now] { return now; });
    const QHostAddress a(u"192.0.2.1"_s), b(u"192.0.2.2"_s);
    for (int i = 0; i < 4; ++i) {
        t.recordFailure(a);
        QCOMPARE(t.retryAfter(a), 0);
    }
    t.recordFailure(a);               // 5th: first lockout
    QCOMPARE(t.retryAfter(a), 2);
    QCOMPARE(t.retryAfter(b), 0);     // per address
    t.recordFailure(a);
    QCOMPARE(t.retryAfter(a), 4);     // doubles
    for (int i = 0; i < 10; ++i)
        t.recordFailure(a);
    QCOMPARE(t.retryAfter(a), 60);    // capped
    now += 30;
    QCOMPARE(t.retryAfter(a), 30);
    now += 30;
    QCOMPARE(t.retryAfter(a), 0);
    t.recordSuccess(a);               // a success forgets the history
    for (int i = 0; i < 4; ++i)
        t.recordFailure(a);
    QCOMPARE(t.retryAfter(a), 0);
}

void TestAuthCore::clientAddressBehindProxies_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QStringList>("trusted");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");
    const QStringList proxies{u"10.0.0.0/8"_s, u"::1"_s};
    QTest::newRow("no proxies: header ignored") << u"192.0.2.9"_s << QStringList() << "X-Forwarded-For: 1.2.3.4"_ba << u"192.0.2.9"_s;
    QTest::newRow("untrusted peer: header ignored") << u"192.0.2.9"_s << proxies << "X-Forwarded-For: 1.2.3.4"_ba << u"192.0.2.9"_s;
    QTest::newRow("trusted peer") << u"10.1.1.1"_s << proxies << "X-Forwarded-For: 1.2.3.4"_ba << u"1.2.3.4"_s;
    QTest::newRow("chain of proxies") << u"10.1.1.1"_s << proxies << "X-Forwarded-For: 6.6.6.6, 1.2.3.4, 10.0.0.2"_ba << u"1.2.3.4"_s;
    QTest::newRow("Forwarded v6") << u"::1"_s << proxies << "Forwarded: for=\"[2001:db8::1]:4711\""_ba << u"2001:db8::1"_s;
    QTest::newRow("Forwarded v4 port") << u"10.1.1.1"_s << proxies << "Forwarded: for=192.0.2.60:80;proto=http"_ba << u"192.0.2.60"_s;
    QTest::newRow("garbage hop") << u"10.1.1.1"_s << proxies << "X-Forwarded-For: <script>"_ba << u"10.1.1.1"_s;
    QTest::newRow("no header") << u"10.1.1.1"_s << proxies << QByteArray() << u"10.1.1.1"_s;
}

void TestAuthCore::clientAddressBehindProxies()
{
    QFETCH(QString, peer);
    QFETCH(QStringList, trusted);
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    HttpRequest r;
    r.peer = QHostAddress(peer);
    if (!header.isEmpty()) {
        const qsizetype colon = header.indexOf(':');
        r.headers.append({header.left(colon), header.mid(colon + 1).trimmed()});
    }
    QCOMPARE(clientAddress(r, parseTrustedProxies(trusted)), QHostAddress(expected));
}

void TestAuthCore::tokens()
{
    UserChanges c;
    c.name = u"tok"_s;
    c.password = u"password-1"_s;
    const qint64 uid = m_users->create(c)->id;
    TokenStore store(*m_db);
    const QByteArray token = store.issue(uid, 100, 200);
    QVERIFY(token.size() >= 40);
    QVERIFY(store.issue(uid, 100, 200) != token);
    QCOMPARE(store.find(token, 150)->userId, uid);
    QVERIFY(!store.find(token, 200));              // expired
    QVERIFY(!store.find(token + 'x', 150));
    QVERIFY(!store.find(QByteArray(), 150));
    QVERIFY(store.revoke(token));
    QVERIFY(!store.find(token, 150));
    QVERIFY(!fileBytes(m_db->path()).contains(token));
}

void TestAuthCore::userValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("ok");
    QTest::newRow("good") << u"carol"_s << u"12345678"_s << true;
    QTest::newRow("unicode name") << u"Zoë Ünal"_s << u"pässwörd"_s << true;
    QTest::newRow("empty name") << QString() << u"12345678"_s << false;
    QTest::newRow("blank name") << u"   "_s << u"12345678"_s << false;
    QTest::newRow("padded name") << u" carol"_s << u"12345678"_s << false;
    QTest::newRow("control char") << u"car\nol"_s << u"12345678"_s << false;
    QTest::newRow("long name") << QString(65, u'x') << u"12345678"_s << false;
    QTest::newRow("weak password") << u"carol"_s << u"1234567"_s << false;
    QTest::newRow("empty password") << u"carol"_s << QString() << false;
}

void TestAuthCore::userValidation()
{
    QFETCH(QString, name);
    QFETCH(QString, password);
    QFETCH(bool, ok);
    UserChanges c;
    c.name = name;
    c.password = password;
    const Result<User> r = m_users->create(c);
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().kind, DomainError::Kind::InvalidInput);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(!m_users->hasUsers());
    }
}

void TestAuthCore::duplicateNamesAndLastAdmin()
{
    UserChanges admin;
    admin.name = u"Admin"_s;
    admin.password = u"admin-password"_s;
    admin.admin = true;
    const qint64 adminId = m_users->create(admin)->id;
    admin.name = u"admin"_s;   // names are case-insensitive
    QCOMPARE(m_users->create(admin).error().kind, DomainError::Kind::Conflict);

    UserChanges off;
    off.enabled = false;
    QCOMPARE(m_users->update(adminId, off).error().kind, DomainError::Kind::Conflict);
    UserChanges demote;
    demote.admin = false;
    QCOMPARE(m_users->update(adminId, demote).error().kind, DomainError::Kind::Conflict);
    QCOMPARE(m_users->remove(adminId).error().kind, DomainError::Kind::Conflict);
    QCOMPARE(m_users->remove(adminId + 100).error().kind, DomainError::Kind::NotFound);

    admin.name = u"second"_s;
    const qint64 second = m_users->create(admin)->id;
    QVERIFY(m_users->remove(adminId).ok());
    UserChanges rename;
    rename.name = u"SECOND"_s;
    QVERIFY(m_users->update(second, rename).ok());   // its own name, other case
    QCOMPARE(m_users->find(second)->name, u"SECOND"_s);
}

void TestAuthCore::disablingEndsTokensAndSignals()
{
    UserChanges c;
    c.name = u"dave"_s;
    c.password = u"dave-password"_s;
    const qint64 id = m_users->create(c)->id;
    Authenticator auth(*m_db, QByteArray(32, 'k'), *m_revocations);
    const QByteArray token = auth.issueToken(id, auth.now() + 100);
    QCOMPARE(auth.userForToken(token)->id, id);
    QSignalSpy revoked(m_revocations.get(), &UserRevocations::revoked);

    UserChanges off;
    off.enabled = false;
    QVERIFY(m_users->update(id, off).ok());
    QCOMPARE(revoked.count(), 1);
    QCOMPARE(revoked.at(0).at(0).toLongLong(), id);
    QVERIFY(!auth.userForToken(token));
    UserChanges on;
    on.enabled = true;
    QVERIFY(m_users->update(id, on).ok());
    QVERIFY(!auth.userForToken(token));   // ended, not suspended

    const QByteArray second = auth.issueToken(id, auth.now() + 100);
    UserChanges password;
    password.password = u"a-new-password"_s;
    QVERIFY(m_users->update(id, password).ok());
    QVERIFY(!auth.userForToken(second));
    QCOMPARE(revoked.count(), 2);

    const QByteArray third = auth.issueToken(id, auth.now() + 100);
    QVERIFY(m_users->remove(id).ok());
    QVERIFY(!auth.userForToken(third));
    QCOMPARE(revoked.count(), 3);
}

// A scan holds the catalog's write lock for most of its run. Requests checking a token must not
// queue behind it for a "last seen" write (they did, on every request, up to the busy timeout):
// that is written at most once a minute per user.
void TestAuthCore::tokenChecksDoNotWaitForTheWriter()
{
    if (m_db->isPostgres())
        QSKIP("holds SQLite's write lock through a connection of its own");
    UserChanges c;
    c.name = u"frank"_s;
    c.password = u"frank-password"_s;
    const qint64 id = m_users->create(c)->id;
    qint64 clock = 1'000'000;
    Authenticator auth(*m_db, QByteArray(32, 'k'), *m_revocations, {}, [&clock] { return clock; });
    const QByteArray token = auth.issueToken(id, clock + 100'000);
    QCOMPARE(auth.userForToken(token)->id, id);
    QCOMPARE(m_users->find(id)->lastSeenAt, clock);

    {
        QSqlDatabase writer = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
        writer.setDatabaseName(m_db->path());
        QVERIFY(writer.open());
        QSqlQuery lock(writer);
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
        QElapsedTimer took;
        took.start();
        for (int i = 0; i < 3; ++i) {
            clock += 10;
            const std::optional<User> user = auth.userForToken(token);
            QVERIFY(user);
            QCOMPARE(user->id, id);
        }
        QVERIFY2(took.elapsed() < 2000, qPrintable(u"%1 ms"_s.arg(took.elapsed())));
        QVERIFY(lock.exec(u"ROLLBACK"_s));
        lock.finish();
        writer.close();
    }
    QSqlDatabase::removeDatabase(u"writer"_s);

    clock += 60;   // a minute after the last write: written again
    QCOMPARE(auth.userForToken(token)->id, id);
    QCOMPARE(m_users->find(id)->lastSeenAt, clock);
}

void TestAuthCore::loginSameAnswerForUnknownName()
{
    UserChanges c;
    c.name = u"erin"_s;
    c.password = u"erin-password"_s;
    QVERIFY(m_users->create(c).ok());
    Authenticator auth(*m_db, QByteArray(32, 'k'), *m_revocations);
    const QHostAddress from(u"192.0.2.1"_s);
    const LoginOutcome wrong = auth.login(u"erin"_s, u"wrong-password"_s, from);
    const LoginOutcome unknown = auth.login(u"nobody"_s, u"erin-password"_s, from);
    QCOMPARE(wrong.result, LoginOutcome::Result::Refused);
    QCOMPARE(unknown.result, LoginOutcome::Result::Refused);
    QVERIFY(wrong.token.isEmpty() && unknown.token.isEmpty());
    const LoginOutcome ok = auth.login(u"ERIN"_s, u"erin-password"_s, from);
    QCOMPARE(ok.result, LoginOutcome::Result::LoggedIn);
    QCOMPARE(auth.userForToken(ok.token)->name, u"erin"_s);
    QVERIFY(auth.logout(ok.token));
    QVERIFY(!auth.userForToken(ok.token));
}

void TestAuthCore::databaseNeverHoldsClearPasswords()
{
    if (m_db->isPostgres())
        QSKIP("reads the bytes of the SQLite file");
    const QString p1 = u"Unmistakable-Secret-One"_s;
    const QString p2 = u"Ünmistakable-Secret-Two"_s;
    UserChanges c;
    c.name = u"frank"_s;
    c.password = p1;
    const qint64 id = m_users->create(c)->id;
    UserChanges reset;
    reset.password = p2;
    QVERIFY(m_users->update(id, reset).ok());
    c.name = u"grace"_s;
    c.password = p2;   // the same password as frank now: hashes still differ
    QVERIFY(m_users->create(c).ok());
    QByteArray all = fileBytes(m_db->path()) + fileBytes(m_db->path() + u"-wal"_s);
    QVERIFY(all.size() > 0);
    for (const QString &p : {p1, p2}) {
        QVERIFY(!all.contains(p.toUtf8()));
        QVERIFY(!all.contains(p.toLatin1()));
        QVERIFY(!all.contains(QByteArray(reinterpret_cast<const char *>(p.utf16()), p.size() * 2)));
    }
    QVERIFY(all.contains("$argon2id$"));   // the check above looked at the right bytes
}

void TestAuthCore::signingSecretPersists()
{
    QTemporaryDir a, b;
    const auto first = loadOrCreateSigningSecret(a.path());
    QVERIFY(first && first->size() >= 32);
    QCOMPARE(loadOrCreateSigningSecret(a.path()), first);
    QVERIFY(loadOrCreateSigningSecret(b.path()) != first);
    QVERIFY(!(QFile::permissions(QDir(a.path()).filePath(u"signing.key"_s)) & QFileDevice::ReadOther));
}

QTEST_GUILESS_MAIN(TestAuthCore)
#include "tst_auth_core.moc"
