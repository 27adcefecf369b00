#include "auth/UserAdministration.h"

#include "auth/PasswordHash.h"
#include "auth/UserName.h"
#include "auth/UserRevocations.h"
#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "AuthLog.h"
#include "TokenStore.h"
#include "UserRepository.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QList<User> UserAdministration::list() const { return UserRepository(m_db).list(); }
std::optional<User> UserAdministration::find(qint64 id) const { return UserRepository(m_db).find(id); }
bool UserAdministration::hasUsers() const { return UserRepository(m_db).count() > 0; }

std::optional<DomainError> UserAdministration::checkName(const QString &given)
{
    const QString name = normalizedUserName(given);
    if (name.trimmed().isEmpty())
        return DomainError::invalid(tr("The name must not be empty."));
    if (name != name.trimmed())
        return DomainError::invalid(tr("The name must not start or end with spaces."));
    if (name.size() > kMaxNameLength)
        return DomainError::invalid(tr("The name must be at most %1 characters long.").arg(kMaxNameLength));
    if (const char32_t c = forbiddenUserNameCharacter(name))
        return DomainError::invalid(tr("The name must not contain invisible or control characters "
                                       "(it contains U+%1).")
                                        .arg(QString::number(uint(c), 16).toUpper().rightJustified(4, u'0')));
    return std::nullopt;
}

std::optional<DomainError> UserAdministration::checkPassword(const QString &password)
{
    if (password.size() < kMinPasswordLength)
        return DomainError::invalid(tr("The password must be at least %1 characters long.").arg(kMinPasswordLength));
    if (password.size() > 1024)
        return DomainError::invalid(tr("The password is too long."));
    return std::nullopt;
}

Result<User> UserAdministration::create(const UserChanges &changes)
{
    if (!changes.name)
        return DomainError::invalid(tr("The name must not be empty."));
    if (auto e = checkName(*changes.name))
        return *e;
    const QString name = normalizedUserName(*changes.name);
    if (auto e = checkPassword(changes.password.value_or(QString())))
        return *e;
    if (changes.maxBitrate.value_or(0) < 0)
        return DomainError::invalid(tr("The maximum bitrate must not be negative."));
    UserRepository users(m_db);
    if (users.findByName(name))
        return DomainError::conflict(tr("A user with this name already exists."));
    const auto hash = hashPassword(*changes.password);
    if (!hash)
        return DomainError::failed(tr("The password could not be hashed."));
    User user;
    user.name = name;
    user.admin = changes.admin.value_or(false);
    user.enabled = changes.enabled.value_or(true);
    user.maxBitrate = changes.maxBitrate.value_or(0);
    user.upload = changes.upload.value_or(false);
    user.folderIds = changes.folderIds.value_or(QList<qint64>());
    user.createdAt = m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
    auto created = users.insert(user, *hash);
    if (!created)
        return DomainError::failed(tr("The user could not be saved."));
    qCInfo(lcAuth).noquote() << "user" << created->name << "created";
    return *UserRepository(m_db).find(created->id);
}

Result<User> UserAdministration::update(qint64 id, const UserChanges &changes)
{
    UserRepository users(m_db);
    const auto before = users.find(id);
    if (!before)
        return DomainError::notFound(tr("No such user."));
    User after = *before;
    if (changes.name) {
        if (auto e = checkName(*changes.name))
            return *e;
        const QString name = normalizedUserName(*changes.name);
        const auto other = users.findByName(name);
        if (other && other->id != id)
            return DomainError::conflict(tr("A user with this name already exists."));
        after.name = name;
    }
    if (changes.password)
        if (auto e = checkPassword(*changes.password))
            return *e;
    if (changes.maxBitrate && *changes.maxBitrate < 0)
        return DomainError::invalid(tr("The maximum bitrate must not be negative."));
    after.admin = changes.admin.value_or(after.admin);
    after.enabled = changes.enabled.value_or(after.enabled);
    after.maxBitrate = changes.maxBitrate.value_or(after.maxBitrate);
    after.upload = changes.upload.value_or(after.upload);
    after.folderIds = changes.folderIds.value_or(after.folderIds);
    if (wouldLoseLastAdmin(*before, after))
        return DomainError::conflict(tr("The last enabled administrator cannot be disabled or demoted."));

    std::optional<QByteArray> hash;
    if (changes.password && !(hash = hashPassword(*changes.password)))
        return DomainError::failed(tr("The password could not be hashed."));
    // A new password or disabling ends everything the old credentials gave: tokens, streams and
    // signed URLs (a new signing key, in the same transaction as the change itself).
    const bool revoke = hash || (before->enabled && !after.enabled);
    {
        WriteTransaction tx(m_db);
        const bool saved = users.update(after) && (!hash || users.setPasswordHash(id, *hash))
            && (!revoke || users.renewSigningKey(id)) && tx.commit();
        UserRepository::noteChanged();   // after the commit: cached copies of the user are stale now
        if (!saved)
            return DomainError::failed(tr("The user could not be saved."));
    }
    if (revoke)
        endSessions(id);
    else if (after.name != before->name)
        m_revocations.credentialRevoked(id);   // remembered checks of the old name must not outlive it
    return *users.find(id);
}

Outcome UserAdministration::remove(qint64 id)
{
    UserRepository users(m_db);
    const auto before = users.find(id);
    if (!before)
        return DomainError::notFound(tr("No such user."));
    if (wouldLoseLastAdmin(*before, std::nullopt))
        return DomainError::conflict(tr("The last enabled administrator cannot be deleted."));
    if (!users.remove(id))
        return DomainError::failed(tr("The user could not be deleted."));
    qCInfo(lcAuth).noquote() << "user" << before->name << "deleted";
    endSessions(id);
    return Done{};
}

Outcome UserAdministration::signOutEverywhere(qint64 id)
{
    UserRepository users(m_db);
    const auto user = users.find(id);
    if (!user)
        return DomainError::notFound(tr("No such user."));
    if (!users.renewSigningKey(id))
        return DomainError::failed(tr("The user could not be signed out."));
    qCInfo(lcAuth).noquote() << "user" << user->name << "signed out everywhere";
    endSessions(id);
    return Done{};
}

bool UserAdministration::wouldLoseLastAdmin(const User &before, const std::optional<User> &after) const
{
    if (!before.admin || !before.enabled)
        return false;
    if (after && after->admin && after->enabled)
        return false;
    int enabledAdmins = 0;
    for (const User &u : UserRepository(m_db).list())
        enabledAdmins += (u.admin && u.enabled) ? 1 : 0;
    return enabledAdmins <= 1;
}

void UserAdministration::endSessions(qint64 id)
{
    TokenStore(m_db).revokeAllOf(id);
    m_revocations.revoke(id);
}

} // namespace cairn
