#pragma once
// What an administrator (the Users tab or the users API) may do to accounts: validated
// creation and edits, password resets, deletion and "sign out everywhere". Disabling,
// deleting, a new password or signing out everywhere ends the user's tokens, streams and signed
// URLs at once; renaming one forgets their remembered credential checks
// (UserRevocations::credentialsChanged). Names are stored in NFC (auth/UserName.h). Thread-safe.

#include "auth/User.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace cairn {

class Database;
class UserRevocations;

class UserAdministration
{
    Q_DECLARE_TR_FUNCTIONS(UserAdministration)
public:
    static constexpr int kMinPasswordLength = 8;
    static constexpr int kMaxNameLength = 64;

    UserAdministration(const Database &db, UserRevocations &revocations, std::function<qint64()> clock = {})
        : m_db(db), m_revocations(revocations), m_clock(std::move(clock)) {}

    QList<User> list() const;
    std::optional<User> find(qint64 id) const;
    bool hasUsers() const;

    // `changes.name` and `changes.password` are required. Errors: InvalidInput, Conflict (a
    // duplicate name, losing the last enabled administrator), NotFound, Failed.
    Result<User> create(const UserChanges &changes);
    Result<User> update(qint64 id, const UserChanges &changes);
    Outcome remove(qint64 id);
    // Ends every session of the user: their login tokens, streams in progress and every URL
    // they signed; app passwords stay. Errors: NotFound, Failed.
    Outcome signOutEverywhere(qint64 id);

    // Empty when acceptable; otherwise an InvalidInput error with the message to show. A name
    // is checked (and stored) in its NFC form; invisible and control characters are refused.
    static std::optional<DomainError> checkName(const QString &name);
    static std::optional<DomainError> checkPassword(const QString &password);

private:
    bool wouldLoseLastAdmin(const User &before, const std::optional<User> &after) const;
    void endSessions(qint64 id);

    const Database &m_db;
    UserRevocations &m_revocations;
    std::function<qint64()> m_clock;
};

} // namespace cairn
