#include "ItemIds.h"

#include "CatalogLog.h"
#include "SqlFilter.h"
#include "SqlStatement.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn::items {
namespace {

// Far below SQLite's limit on bound values (32766), with room for a query's other values.
constexpr qsizetype kChunk = 500;

// NotFound for the first id the query `select` (… FROM <table> t, ending before WHERE) does not
// return under `filter`.
Outcome requireAll(QSqlDatabase db, const QString &select, const SqlFilter &filter, const QList<qint64> &ids,
                   const QString &what)
{
    QSqlQuery q(db);
    readForwardOnly(q);
    for (const QList<qint64> &chunk : chunks(ids)) {
        SqlFilter within = filter;
        within.addIn(u"t.id"_s, chunk);
        q.prepare(select + within.sql);
        within.bindTo(q);
        if (!q.exec()) {
            qCWarning(lcCatalog) << "item check:" << q.lastError().text();
            return DomainError::failed(u"the catalog could not be read"_s);
        }
        QSet<qint64> found;
        while (q.next())
            found.insert(q.value(0).toLongLong());
        for (const qint64 id : chunk) {
            if (!found.contains(id))
                return DomainError::notFound(u"no such %1: %2"_s.arg(what).arg(id));
        }
    }
    return Done{};
}

} // namespace

int number(ItemKind kind)
{
    return static_cast<int>(kind);
}

QString table(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Track: return u"tracks"_s;
    case ItemKind::Album: return u"albums"_s;
    case ItemKind::Artist: return u"artists"_s;
    }
    return u"tracks"_s;
}

QString name(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Track: return u"track"_s;
    case ItemKind::Album: return u"album"_s;
    case ItemKind::Artist: return u"artist"_s;
    }
    return u"item"_s;
}

QList<QList<qint64>> chunks(const QList<qint64> &ids)
{
    QList<QList<qint64>> result;
    QSet<qint64> seen;
    for (const qint64 id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        if (result.isEmpty() || result.last().size() == kChunk)
            result.append(QList<qint64>());
        result.last().append(id);
    }
    return result;
}

Outcome requireExisting(QSqlDatabase db, ItemKind kind, const QList<qint64> &ids)
{
    return requireAll(db, u"SELECT t.id FROM "_s + table(kind) + u" t "_s, SqlFilter(), ids, name(kind));
}

Outcome requireVisibleTracks(QSqlDatabase db, const QList<qint64> &ids, const Visibility &visibility)
{
    SqlFilter filter;
    filter.restrictTracks(visibility);
    return requireAll(db, u"SELECT t.id FROM tracks t "_s, filter, ids, name(ItemKind::Track));
}

} // namespace cairn::items
