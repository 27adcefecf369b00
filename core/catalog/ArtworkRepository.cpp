#include "catalog/ArtworkRepository.h"

#include "catalog/Database.h"

#include "CatalogLog.h"
#include "SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// "AND t.folder_id IN (…)" for a restricted visibility, with its values.
QString visibleClause(const Visibility &visibility, QVariantList &values)
{
    if (visibility.unrestricted)
        return {};
    if (visibility.folderIds.isEmpty())
        return u" AND 0"_s;
    QStringList marks;
    for (const qint64 id : visibility.folderIds) {
        marks << u"?"_s;
        values << id;
    }
    return u" AND t.folder_id IN ("_s + marks.join(u", "_s) + u')';
}

ArtSource embeddedSource(EmbeddedArt art, const QString &path, qint64 durationMs)
{
    switch (art) {
    case EmbeddedArt::Picture:
        return {ArtSource::Kind::EmbeddedPicture, path, durationMs};
    case EmbeddedArt::VideoFrame:
        return {ArtSource::Kind::VideoFrame, path, durationMs};
    case EmbeddedArt::None:
        break;
    }
    return {};
}

EmbeddedArt embeddedArtOf(const QVariant &value)
{
    return EmbeddedArt(qBound(0, value.toInt(), 2));
}

} // namespace

std::optional<ArtSource> ArtworkRepository::forTrack(qint64 trackId, const Visibility &visibility) const
{
    QVariantList values{trackId};
    const QString visible = visibleClause(visibility, values);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT t.path, t.embedded_art, t.folder_art, t.duration_ms FROM tracks t "
              "WHERE t.id = ?"_s + visible);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QString path = q.value(0).toString();
    const EmbeddedArt embedded = embeddedArtOf(q.value(1));
    const QString folderArt = q.value(2).toString();
    if (embedded == EmbeddedArt::Picture || folderArt.isEmpty())
        return embeddedSource(embedded, path, q.value(3).toLongLong());
    return ArtSource{ArtSource::Kind::ImageFile, folderArt, 0};
}

std::optional<ArtSource> ArtworkRepository::forAlbum(qint64 albumId, const Visibility &visibility) const
{
    return firstArtOf(u"t.album_id = ?"_s, albumId, visibility);
}

std::optional<ArtSource> ArtworkRepository::forArtist(qint64 artistId, const Visibility &visibility) const
{
    return firstArtOf(u"(al.artist_id = ? OR t.artist_id = ?)"_s, artistId, visibility);
}

std::optional<ArtSource> ArtworkRepository::firstArtOf(const QString &condition, qint64 id,
                                                       const Visibility &visibility) const
{
    // Album by album (by title); within one, folder images first, then embedded pictures,
    // then video frames, each in disc/track order. The first row decides.
    QVariantList values;
    const QString visible = visibleClause(visibility, values);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT t.path, t.embedded_art, t.folder_art, t.duration_ms FROM tracks t "
              "JOIN albums al ON al.id = t.album_id WHERE "_s + condition + visible
              + u" ORDER BY al.title_key, al.id, t.folder_art = '', "
                "CASE t.embedded_art WHEN 1 THEN 0 WHEN 2 THEN 1 ELSE 2 END, "
                "t.disc_no, t.track_no, t.id LIMIT 1"_s);
    for (qsizetype i = 0; i < condition.count(u'?'); ++i)
        q.addBindValue(id);   // each placeholder of `condition` names the same item
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcCatalog) << "artwork lookup:" << q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const QString folderArt = q.value(2).toString();
    if (!folderArt.isEmpty())
        return ArtSource{ArtSource::Kind::ImageFile, folderArt, 0};
    return embeddedSource(embeddedArtOf(q.value(1)), q.value(0).toString(), q.value(3).toLongLong());
}

QList<AlbumSummary> ArtworkRepository::albums(const Visibility &visibility) const
{
    QVariantList values;
    const QString visible = visibleClause(visibility, values);
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(u"SELECT al.id, al.title, ar.name FROM albums al JOIN artists ar ON ar.id = al.artist_id "
              // Music only, as the API's album lists: a video's "album" is no album.
              "WHERE EXISTS (SELECT 1 FROM tracks t WHERE t.album_id = al.id AND t.kind = 0"_s + visible
              + u") ORDER BY ar.name_key, al.title_key, al.id"_s);
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<AlbumSummary> result;
    if (!q.exec())
        qCWarning(lcCatalog) << "album list:" << q.lastError().text();
    while (q.next()) {
        AlbumSummary album;   // the grid needs only the names
        album.id = q.value(0).toLongLong();
        album.title = q.value(1).toString();
        album.artistName = q.value(2).toString();
        result.append(album);
    }
    return result;
}

QList<TrackFolderArt> ArtworkRepository::folderArtOfAllTracks() const
{
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    QList<TrackFolderArt> result;
    if (!q.exec(u"SELECT id, path, folder_art FROM tracks"_s))
        qCWarning(lcCatalog) << "folder art list:" << q.lastError().text();
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

QList<TrackFolderArt> ArtworkRepository::folderArtOfTracksBelow(const QString &dir) const
{
    // "dir/" <= path < "dir0" ('0' follows '/'): a range of the path index.
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(u"SELECT id, path, folder_art FROM tracks WHERE path >= ? AND path < ?"_s);
    q.addBindValue(QString(dir + u'/'));
    q.addBindValue(QString(dir + u'0'));
    QList<TrackFolderArt> result;
    if (!q.exec())
        qCWarning(lcCatalog) << "folder art list:" << q.lastError().text();
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

bool ArtworkRepository::setFolderArt(qint64 trackId, const QString &imagePath)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE tracks SET folder_art = ? WHERE id = ?"_s);
    q.addBindValue(imagePath.isNull() ? u""_s : imagePath);
    q.addBindValue(trackId);
    if (!q.exec()) {
        qCWarning(lcCatalog) << "cannot record folder art:" << q.lastError().text();
        return false;
    }
    return true;
}

} // namespace cairn
