#include "TrackRows.h"

#include "IdPage.h"
#include "ItemIds.h"
#include "SqlStatement.h"

#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn::trackrows {

namespace {

// The columns from() reads, by position: one list for the query and for the reading (a name
// looked up per value and row was most of the cost of a page of songs).
enum class Col {
    Id, FolderId, Kind, Path, Size, Mtime, Format, Codec, DurationMs, Bitrate, SampleRate, Channels, Width,
    Height, Title, Artist, Album, AlbumArtist, Genre, TrackNo, DiscNo, Year, AlbumId, ArtistId, EmbeddedArt,
    FolderArt, AlbumTitle, AlbumArtistName, ArtistName,
};

} // namespace

QString select()
{
    return u"SELECT t.id, t.folder_id, t.kind, t.path, t.size, t.mtime, t.format, t.codec, t.duration_ms, "
           "t.bitrate, t.sample_rate, t.channels, t.width, t.height, t.title, t.artist, t.album, t.album_artist, "
           "t.genre, t.track_no, t.disc_no, t.year, t.album_id, t.artist_id, t.embedded_art, t.folder_art, "
           "al.title, aa.name, ar.name FROM tracks t "
           "LEFT JOIN albums al ON al.id = t.album_id "
           "LEFT JOIN artists aa ON aa.id = al.artist_id "
           "LEFT JOIN artists ar ON ar.id = t.artist_id "_s;
}

Track from(const QSqlQuery &q)
{
    const auto v = [&q](Col column) { return q.value(int(column)); };
    Track t;
    t.id = v(Col::Id).toLongLong();
    t.folderId = v(Col::FolderId).toLongLong();
    t.kind = v(Col::Kind).toInt() == 1 ? MediaKind::Video : MediaKind::Audio;
    t.path = v(Col::Path).toString();
    t.size = v(Col::Size).toLongLong();
    t.mtime = QDateTime::fromSecsSinceEpoch(v(Col::Mtime).toLongLong(), Qt::UTC);
    t.format = v(Col::Format).toString();
    t.codec = v(Col::Codec).toString();
    t.durationMs = v(Col::DurationMs).toLongLong();
    t.bitrate = v(Col::Bitrate).toInt();
    t.sampleRate = v(Col::SampleRate).toInt();
    t.channels = v(Col::Channels).toInt();
    t.width = v(Col::Width).toInt();
    t.height = v(Col::Height).toInt();
    t.title = v(Col::Title).toString();
    t.artist = v(Col::Artist).toString();
    t.album = v(Col::Album).toString();
    t.albumArtist = v(Col::AlbumArtist).toString();
    t.genre = v(Col::Genre).toString();
    t.trackNumber = v(Col::TrackNo).toInt();
    t.discNumber = v(Col::DiscNo).toInt();
    t.year = v(Col::Year).toInt();
    t.albumId = v(Col::AlbumId).toLongLong();
    t.artistId = v(Col::ArtistId).toLongLong();
    t.embeddedArt = EmbeddedArt(qBound(0, v(Col::EmbeddedArt).toInt(), 2));
    t.folderArt = v(Col::FolderArt).toString();
    t.albumTitle = v(Col::AlbumTitle).toString();
    t.albumArtistName = v(Col::AlbumArtistName).toString();
    t.artistName = v(Col::ArtistName).toString();
    return t;
}

QList<Track> byIds(QSqlDatabase db, const QList<qint64> &ids)
{
    QHash<qint64, Track> found;
    QSqlQuery q(db);
    readForwardOnly(q);
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
