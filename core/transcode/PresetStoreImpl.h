#pragma once
// PresetStore's members, written once for every kind. Included only by the files that specialise
// PresetKind for a kind and instantiate the store for it (PresetRepository.cpp and the video one).

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"
#include "transcode/PresetRule.h"
#include "transcode/PresetStore.h"

#include "TranscodeLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace cairn {

// The statements of a preset table; `columns` leaves out the id, which comes first when read.
namespace presetsql {
QString select(const QString &table, const QStringList &columns, const QString &rest);
QString insert(const QString &table, const QStringList &columns);
QString update(const QString &table, const QStringList &columns);
QString remove(const QString &table);
} // namespace presetsql

template<typename Value>
QList<Value> PresetStore<Value>::list() const
{
    using K = PresetKind<Value>;
    QList<Value> presets;
    QSqlQuery q(m_db.connection());
    if (!q.exec(presetsql::select(K::table(), K::columns(), QStringLiteral("ORDER BY ") + K::order())))
        qCWarning(lcTranscode).noquote() << K::noun() + QStringLiteral("s:") << q.lastError().text();
    while (q.next())
        if (auto p = K::fromRow(q))
            presets << *p;
    return presets;
}

template<typename Value>
std::optional<Value> PresetStore<Value>::find(qint64 id) const
{
    using K = PresetKind<Value>;
    QSqlQuery q(m_db.connection());
    q.prepare(presetsql::select(K::table(), K::columns(), QStringLiteral("WHERE id = ?")));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return K::fromRow(q);
}

template<typename Value>
std::optional<Value> PresetStore<Value>::findByName(const QString &name) const
{
    using K = PresetKind<Value>;
    QSqlQuery q(m_db.connection());
    q.prepare(presetsql::select(K::table(), K::columns(), QStringLiteral("WHERE name = ? COLLATE NOCASE")));
    q.addBindValue(name.trimmed());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return K::fromRow(q);
}

template<typename Value>
Result<Value> PresetStore<Value>::save(const Value &preset)
{
    using K = PresetKind<Value>;
    if (const auto broken = K::ruleError(preset))
        return DomainError::invalid(*broken);
    Value stored = preset;
    stored.name = preset.name.trimmed();
    if (const auto same = findByName(stored.name); same && same->id != stored.id)
        return DomainError::conflict(QStringLiteral("a %1 named \"%2\" already exists").arg(K::noun(), stored.name));
    QSqlQuery q(m_db.connection());
    q.prepare(stored.id == 0 ? presetsql::insert(K::table(), K::columns())
                             : presetsql::update(K::table(), K::columns()));
    for (const QVariant &value : K::toRow(stored))
        q.addBindValue(value);
    if (stored.id != 0)
        q.addBindValue(stored.id);
    if (!execWrite(m_db, q)) {
        qCWarning(lcTranscode).noquote() << QStringLiteral("cannot save %1:").arg(K::noun()) << q.lastError().text();
        return DomainError::failed(
            QStringLiteral("the %1 could not be saved: %2").arg(K::noun(), q.lastError().text()));
    }
    if (stored.id == 0)
        stored.id = q.lastInsertId().toLongLong();
    else if (q.numRowsAffected() == 0)
        return DomainError::notFound(QStringLiteral("no such ") + K::noun());
    return stored;
}

template<typename Value>
Outcome PresetStore<Value>::remove(qint64 id)
{
    using K = PresetKind<Value>;
    QSqlQuery q(m_db.connection());
    q.prepare(presetsql::remove(K::table()));
    q.addBindValue(id);
    if (!execWrite(m_db, q)) {
        qCWarning(lcTranscode).noquote() << QStringLiteral("cannot remove %1:").arg(K::noun()) << q.lastError().text();
        return DomainError::failed(
            QStringLiteral("the %1 could not be removed: %2").arg(K::noun(), q.lastError().text()));
    }
    if (q.numRowsAffected() == 0)
        return DomainError::notFound(QStringLiteral("no such ") + K::noun());
    return Done{};
}

template<typename Value>
Result<Value> PresetStore<Value>::duplicate(qint64 id)
{
    using K = PresetKind<Value>;
    const auto original = find(id);
    if (!original)
        return DomainError::notFound(QStringLiteral("no such ") + K::noun());
    Value copy = *original;
    copy.id = 0;
    // Room for " (copy 999)" within the name limit.
    const QString base = original->name.left(kMaxPresetNameLength - 11);
    for (int n = 1; n < 1000; ++n) {
        copy.name = n == 1 ? QStringLiteral("%1 (copy)").arg(base) : QStringLiteral("%1 (copy %2)").arg(base).arg(n);
        if (!findByName(copy.name))
            return save(copy);
    }
    return DomainError::conflict(QStringLiteral("too many copies of this ") + K::noun());
}

} // namespace cairn
