#include "catalog/ArtistRepository.h"

#include "catalog/Database.h"

#include "CatalogLog.h"
#include "SearchText.h"
#include "SqlFilter.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// An artist is listed when a visible track names it as performer or as its album's artist.
const QString kCredited = u"(SELECT t.artist_id AS artist_id, t.id AS track_id, NULL AS album_id FROM tracks t %1 "
                          "UNION ALL SELECT al.artist_id, NULL, al.id FROM tracks t JOIN albums al ON al.id = t.album_id %1)"_s;

const QString kSummary = u"SELECT ar.id, ar.name, COUNT(DISTINCT c.album_id), COUNT(DISTINCT c.track_id) "
                         "FROM artists ar JOIN %1 c ON c.artist_id = ar.id "_s;

} // namespace

Page<ArtistSummary> ArtistRepository::list(qint64 offset, int limit, const Visibility &visibility,
                                           const QString &search) const
{
    Page<ArtistSummary> page;
    SqlFilter tracks = SqlFilter::musicTracks(visibility);
    SqlFilter artists;
    if (!search.trimmed().isEmpty())
        artists.add(u"ar.name_key LIKE ? ESCAPE '\\'"_s, {search::containsPattern(search)});
    const QString credited = kCredited.arg(tracks.sql);
    auto bind = [&](QSqlQuery &q) {
        tracks.bindTo(q);   // twice: both halves of the union
        tracks.bindTo(q);
        artists.bindTo(q);
    };

    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(DISTINCT ar.id) FROM artists ar JOIN "_s + credited + u" c ON c.artist_id = ar.id "_s
              + artists.sql);
    bind(q);
    if (!q.exec() || !q.next()) {
        qCWarning(lcCatalog) << "artist count:" << q.lastError().text();
        return page;
    }
    page.total = q.value(0).toLongLong();
    q.finish();

    q.setForwardOnly(true);
    q.prepare(kSummary.arg(credited) + artists.sql + u"GROUP BY ar.id ORDER BY ar.name_key, ar.id LIMIT ? OFFSET ?"_s);
    bind(q);
    q.addBindValue(qMax(0, limit));
    q.addBindValue(qMax<qint64>(0, offset));
    if (!q.exec())
        qCWarning(lcCatalog) << "artist list:" << q.lastError().text();
    while (q.next())
        page.items << ArtistSummary{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()};
    return page;
}

std::optional<ArtistSummary> ArtistRepository::find(qint64 id, const Visibility &visibility) const
{
    SqlFilter tracks = SqlFilter::musicTracks(visibility);
    QSqlQuery q(m_db.connection());
    q.prepare(kSummary.arg(kCredited.arg(tracks.sql)) + u"WHERE ar.id = ? GROUP BY ar.id"_s);
    tracks.bindTo(q);
    tracks.bindTo(q);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ArtistSummary{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()};
}

} // namespace cairn
