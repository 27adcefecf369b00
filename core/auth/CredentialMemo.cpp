#include "CredentialMemo.h"

#include "auth/PasswordHash.h"

#include <QtEndian>

#include <sodium.h>

namespace cairn {

CredentialMemo::CredentialMemo(qsizetype capacity, qint64 lifetimeSecs)
    : m_hashKey(crypto_generichash_KEYBYTES, Qt::Uninitialized), m_capacity(qMax<qsizetype>(1, capacity)),
      m_lifetime(lifetimeSecs)
{
    if (sodiumAvailable())
        randombytes_buf(m_hashKey.data(), size_t(m_hashKey.size()));
    else
        m_capacity = 0;   // without a random key, remember nothing
}

CredentialMemo::~CredentialMemo()
{
    sodium_memzero(m_hashKey.data(), size_t(m_hashKey.size()));
}

QByteArray CredentialMemo::keyFor(std::initializer_list<QByteArrayView> fields) const
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, reinterpret_cast<const unsigned char *>(m_hashKey.constData()),
                            size_t(m_hashKey.size()), crypto_generichash_BYTES);
    for (QByteArrayView field : fields) {
        // Each field preceded by its length: ("ab", "c") and ("a", "bc") differ.
        const quint64 length = qToLittleEndian(quint64(field.size()));
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(&length), sizeof length);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(field.data()), quint64(field.size()));
    }
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()));
    return out;
}

quint64 CredentialMemo::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

std::optional<CredentialMemo::Entry> CredentialMemo::find(const QByteArray &key, qint64 now) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || it->expiresAt <= now)
        return std::nullopt;
    return *it;
}

void CredentialMemo::remember(const QByteArray &key, qint64 userId, qint64 appPasswordId, quint64 generationSeen,
                              qint64 now)
{
    QMutexLocker lock(&m_mutex);
    if (generationSeen != m_generation || m_capacity == 0)
        return;
    if (!m_entries.contains(key) && m_entries.size() >= m_capacity)
        makeRoom(now);
    m_entries.insert(key, Entry{userId, appPasswordId, now + m_lifetime});
}

void CredentialMemo::forgetUser(qint64 userId)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_entries.removeIf([userId](QHash<QByteArray, Entry>::iterator it) { return it.value().userId == userId; });
}

qsizetype CredentialMemo::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

void CredentialMemo::makeRoom(qint64 now)
{
    m_entries.removeIf([now](QHash<QByteArray, Entry>::iterator it) { return it.value().expiresAt <= now; });
    // Still full of live entries: drop the one closest to expiry (a client that comes back
    // pays one verification more).
    if (m_entries.size() >= m_capacity) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->expiresAt < oldest->expiresAt)
                oldest = it;
        m_entries.erase(oldest);
    }
}

} // namespace cairn
