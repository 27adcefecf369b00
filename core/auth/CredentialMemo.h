#pragma once
// Remembers credentials that were checked successfully, for a few minutes: Subsonic clients
// send them with every request (each cover, each stream), and an Argon2id verification costs
// ~90 ms. Entries are found by a keyed BLAKE2b of the credential tuple (a random key per
// process: a memory dump shows no password, and the hashes are useless elsewhere). Bounded.
// A generation number makes forgetting race-free: a check that started before a user's
// credentials changed cannot store its (possibly stale) result afterwards. Thread-safe.

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QMutex>

#include <initializer_list>
#include <optional>

namespace cairn {

class CredentialMemo
{
public:
    struct Entry
    {
        qint64 userId = 0;
        qint64 appPasswordId = 0;   // 0 = the account password
        qint64 expiresAt = 0;
    };

    CredentialMemo(qsizetype capacity, qint64 lifetimeSecs);
    ~CredentialMemo();

    // The key of a credential tuple: unambiguous for any field contents.
    QByteArray keyFor(std::initializer_list<QByteArrayView> fields) const;

    // Read before looking at the catalog; pass to remember().
    quint64 generation() const;
    std::optional<Entry> find(const QByteArray &key, qint64 now) const;
    // Ignored when any user's credentials changed since `generationSeen` was read.
    void remember(const QByteArray &key, qint64 userId, qint64 appPasswordId, quint64 generationSeen, qint64 now);
    void forgetUser(qint64 userId);
    qsizetype size() const;

private:
    void makeRoom(qint64 now);

    QByteArray m_hashKey;
    qsizetype m_capacity;
    qint64 m_lifetime;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    quint64 m_generation = 0;
};

} // namespace cairn
