#include "auth/SubsonicAuthenticator.h"

#include "auth/AppPasswordStore.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHash.h"
#include "auth/UserRevocations.h"

#include "AuthLog.h"
#include "CredentialMemo.h"
#include "TouchThrottle.h"
#include "UserRepository.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qsizetype kMaxParamLength = 4096;   // bounds the work a request can ask for

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// `p` as the user typed it: clear, or "enc:" + hex of its UTF-8. Nullopt for bad hex or UTF-8.
std::optional<QString> decodedPassword(const QString &p)
{
    if (!p.startsWith(u"enc:"_s))
        return p;
    const QStringView hex = QStringView(p).mid(4);
    if (hex.isEmpty() || hex.size() % 2 != 0 || !std::all_of(hex.begin(), hex.end(), isHexDigit))
        return std::nullopt;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = utf8(QByteArray::fromHex(hex.toLatin1()));
    if (utf8.hasError())
        return std::nullopt;
    return decoded;
}

QByteArray md5Hex(const QByteArray &secret, const QByteArray &salt)
{
    QCryptographicHash md5(QCryptographicHash::Md5);
    md5.addData(secret);
    md5.addData(salt);
    return md5.result().toHex();
}

CredentialCheck answer(CredentialCheck::Result result)
{
    CredentialCheck check;
    check.result = result;
    return check;
}

} // namespace

struct SubsonicAuthenticator::Verified
{
    CredentialCheck::Result result = CredentialCheck::Result::Wrong;   // Ok = the credentials match
    qint64 userId = 0;
    qint64 appPasswordId = 0;
    std::optional<User> user;   // read just now, when remembered

    static Verified refused(CredentialCheck::Result why = CredentialCheck::Result::Wrong) { return {why, 0, 0, {}}; }
    static Verified matched(qint64 userId, qint64 appPasswordId, std::optional<User> user = {})
    {
        return {CredentialCheck::Result::Ok, userId, appPasswordId, std::move(user)};
    }
};

SubsonicAuthenticator::SubsonicAuthenticator(const Database &db, AppPasswordStore &appPasswords,
                                             LoginThrottle &throttle, const UserRevocations &revocations,
                                             SubsonicAuthSettings settings, Clock clock)
    : m_db(db), m_appPasswords(appPasswords), m_throttle(throttle), m_settings(settings), m_clock(std::move(clock)),
      m_memo(std::make_unique<CredentialMemo>(settings.memoCapacity, settings.memoSecs)),
      m_userTouches(std::make_unique<TouchThrottle>())
{
    // Computed up front so the first unknown name is not faster than the ones after it.
    decoyHash();
    // Direct connections: the memo forgets in the changing thread, before the change returns.
    CredentialMemo *memo = m_memo.get();
    m_connections << QObject::connect(&revocations, &UserRevocations::credentialsChanged,
                                      [memo](qint64 userId) { memo->forgetUser(userId); });
}

SubsonicAuthenticator::~SubsonicAuthenticator()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        QObject::disconnect(c);
}

qint64 SubsonicAuthenticator::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

SubsonicAuthenticator::Mode SubsonicAuthenticator::modeOf(const CredentialParams &params)
{
    const bool u = !params.u.isEmpty(), p = !params.p.isEmpty(), t = !params.t.isEmpty(), s = !params.s.isEmpty();
    if (!params.apiKey.isEmpty())
        return (u || p || t || s) ? Mode::Conflicting : Mode::ApiKey;
    if (p && (t || s))
        return Mode::Conflicting;
    if (!u)
        return Mode::Missing;
    if (p)
        return Mode::Password;
    return (t && s) ? Mode::Token : Mode::Missing;
}

CredentialCheck SubsonicAuthenticator::check(const CredentialParams &params, const QHostAddress &client)
{
    const Mode mode = modeOf(params);
    if (mode == Mode::Missing)
        return answer(CredentialCheck::Result::Missing);
    if (mode == Mode::Conflicting)
        return answer(CredentialCheck::Result::Conflicting);
    if (const qint64 wait = m_throttle.retryAfter(client); wait > 0) {
        CredentialCheck out = answer(CredentialCheck::Result::Throttled);
        out.retryAfterSecs = wait;
        return out;
    }

    const qint64 t = now();
    const QByteArray key = memoKey(mode, params);
    // Read before the catalog: a change after this point keeps this check's result out of the memo.
    const quint64 generation = m_memo->generation();
    std::optional<Verified> verified = remembered(mode, params, key, t);
    if (!verified)
        verified = verify(mode, params);
    if (verified->result != CredentialCheck::Result::Ok)
        return refuse(verified->result, client);

    // Read after the verification (which takes ~90 ms), and for remembered checks at every
    // request: the user may have been disabled or deleted meanwhile.
    const bool fromMemo = verified->user.has_value();
    std::optional<User> user = fromMemo ? std::move(verified->user) : UserRepository(m_db).find(verified->userId);
    if (!user)
        return refuse(CredentialCheck::Result::Wrong, client);
    if (!user->enabled)
        return refuse(CredentialCheck::Result::Disabled, client);

    m_throttle.recordSuccess(client);
    if (!fromMemo)
        m_memo->remember(key, user->id, verified->appPasswordId, generation, t);
    if (m_userTouches->due(user->id, t))
        UserRepository(m_db).touch(user->id, t);
    if (verified->appPasswordId > 0)
        m_appPasswords.touch(verified->appPasswordId);

    CredentialCheck out = answer(CredentialCheck::Result::Ok);
    out.user = std::move(*user);
    out.appPasswordId = verified->appPasswordId;
    return out;
}

QByteArray SubsonicAuthenticator::memoKey(Mode mode, const CredentialParams &params) const
{
    // The exact tuple as sent: another spelling of the same credentials is checked again.
    switch (mode) {
    case Mode::Password: return m_memo->keyFor({"p", params.u.toUtf8(), params.p.toUtf8()});
    case Mode::Token: return m_memo->keyFor({"t", params.u.toUtf8(), params.t.toUtf8(), params.s.toUtf8()});
    case Mode::ApiKey: return m_memo->keyFor({"k", params.apiKey.toUtf8()});
    case Mode::Missing:
    case Mode::Conflicting: break;
    }
    return {};
}

std::optional<SubsonicAuthenticator::Verified>
SubsonicAuthenticator::remembered(Mode mode, const CredentialParams &params, const QByteArray &key, qint64 now) const
{
    const auto entry = m_memo->find(key, now);
    if (!entry)
        return std::nullopt;
    auto user = UserRepository(m_db).find(entry->userId);
    if (!user)
        return std::nullopt;
    // Renames forget the memo too; this keeps a renamed user's old name from ever matching.
    if (mode != Mode::ApiKey && user->name.compare(params.u, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return Verified::matched(entry->userId, entry->appPasswordId, std::move(user));
}

SubsonicAuthenticator::Verified SubsonicAuthenticator::verify(Mode mode, const CredentialParams &params)
{
    if (params.u.size() > kMaxParamLength || params.p.size() > kMaxParamLength || params.t.size() > kMaxParamLength
        || params.s.size() > kMaxParamLength || params.apiKey.size() > kMaxParamLength)
        return Verified::refused(mode == Mode::ApiKey ? CredentialCheck::Result::BadApiKey
                                                      : CredentialCheck::Result::Wrong);
    switch (mode) {
    case Mode::Password: return verifyPassword(params);
    case Mode::Token: return verifyToken(params);
    case Mode::ApiKey: return verifyApiKey(params);
    case Mode::Missing:
    case Mode::Conflicting: break;
    }
    return Verified::refused();
}

SubsonicAuthenticator::Verified SubsonicAuthenticator::verifyPassword(const CredentialParams &params)
{
    const std::optional<QString> password = decodedPassword(params.p);
    if (!password)
        return Verified::refused();
    UserRepository users(m_db);
    const std::optional<User> user = users.findByName(params.u);
    // App passwords first: they are cheap, and they are what we tell Subsonic clients to use.
    if (user) {
        const QByteArray given = password->toUtf8();
        for (const auto &[id, secret] : m_appPasswords.secretsOf(user->id))
            if (constantTimeEquals(secret, given))
                return Verified::matched(user->id, id);
    }
    // Unknown names are verified against a decoy hash: same work, same answer.
    const QByteArray hash = user ? users.passwordHashOf(user->id) : decoyHash();
    ++m_verifications;
    if (!cairn::verifyPassword(hash, *password) || !user)
        return Verified::refused();
    return Verified::matched(user->id, 0);
}

SubsonicAuthenticator::Verified SubsonicAuthenticator::verifyToken(const CredentialParams &params)
{
    const std::optional<User> user = UserRepository(m_db).findByName(params.u);
    const QByteArray token = params.t.toLower().toLatin1();
    const QByteArray salt = params.s.toUtf8();
    const QList<AppPasswordStore::Secret> secrets =
        user ? m_appPasswords.secretsOf(user->id) : QList<AppPasswordStore::Secret>();
    if (secrets.isEmpty())   // an unknown name, or no app passwords: the same work as one wrong secret
        constantTimeEquals(md5Hex(randomToken(15), salt), token);
    for (const auto &[id, secret] : secrets)
        if (constantTimeEquals(md5Hex(secret, salt), token))
            return Verified::matched(user->id, id);
    return Verified::refused();
}

SubsonicAuthenticator::Verified SubsonicAuthenticator::verifyApiKey(const CredentialParams &params)
{
    const auto owner = m_appPasswords.findByApiKey(params.apiKey);
    if (!owner)
        return Verified::refused(CredentialCheck::Result::BadApiKey);
    return Verified::matched(owner->userId, owner->appPasswordId);
}

CredentialCheck SubsonicAuthenticator::refuse(CredentialCheck::Result result, const QHostAddress &client)
{
    m_throttle.recordFailure(client);
    qCInfo(lcAuth) << "failed Subsonic authentication from" << client.toString();
    return answer(result);
}

} // namespace cairn
