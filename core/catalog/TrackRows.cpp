#include "TrackRows.h"

#include "IdPage.h"
#include "ItemIds.h"
#include "SqlStatement.h"

#include <QSqlRecord>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn::trackrows {

QString select()
{
    return u"SELECT t.*, al.title AS album_title, aa.name AS album_artist_name, "
           "ar.name AS artist_name FROM tracks t "
           "LEFT JOIN albums al ON al.id = t.album_id "
           "LEFT JOIN artists aa ON aa.id = al.artist_id "
           "LEFT JOIN artists ar ON ar.id = t.artist_id "_s;
}

Track from(const QSqlQuery &q)
{
    const QSqlRecord r = q.record();
    auto v = [&](const char *name) { return q.value(r.indexOf(QLatin1StringView(name))); };
    Track t;
    t.id = v("id").toLongLong();
    t.folderId = v("folder_id").toLongLong();
    t.kind = v("kind").toInt() == 1 ? MediaKind::Video : MediaKind::Audio;
    t.path = v("path").toString();
    t.size = v("size").toLongLong();
    t.mtime = QDateTime::fromSecsSinceEpoch(v("mtime").toLongLong(), Qt::UTC);
    t.format = v("format").toString();
    t.codec = v("codec").toString();
    t.durationMs = v("duration_ms").toLongLong();
    t.bitrate = v("bitrate").toInt();
    t.sampleRate = v("sample_rate").toInt();
    t.channels = v("channels").toInt();
    t.width = v("width").toInt();
    t.height = v("height").toInt();
    t.title = v("title").toString();
    t.artist = v("artist").toString();
    t.album = v("album").toString();
    t.albumArtist = v("album_artist").toString();
    t.genre = v("genre").toString();
    t.trackNumber = v("track_no").toInt();
    t.discNumber = v("disc_no").toInt();
    t.year = v("year").toInt();
    t.albumId = v("album_id").toLongLong();
    t.artistId = v("artist_id").toLongLong();
    t.embeddedArt = EmbeddedArt(qBound(0, v("embedded_art").toInt(), 2));
    t.folderArt = v("folder_art").toString();
    t.albumTitle = v("album_title").toString();
    t.albumArtistName = v("album_artist_name").toString();
    t.artistName = v("artist_name").toString();
    return t;
}

QList<Track> byIds(QSqlDatabase db, const QList<qint64> &ids)
{
    QHash<qint64, Track> found;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    for (const QList<qint64> &chunk : items::chunks(ids)) {
        SqlFilter chosen;
        chosen.addIn(u"t.id"_s, chunk);
        if (!SqlStatement().add(select()).add(chosen).exec(q, "track rows:"))
            return {};
        while (q.next()) {
            Track t = from(q);
            found.insert(t.id, std::move(t));
        }
    }
    return idpage::inOrder(ids, found);
}

} // namespace cairn::trackrows
