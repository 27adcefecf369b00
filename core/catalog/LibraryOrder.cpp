#include "LibraryOrder.h"

#include "IdPage.h"
#include "SqlStatement.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn::libraryorder {

// One page of the library order (album artist, album, disc, track number, title, id) without
// sorting the library: the tracks without an album come first (as NULL keys sort), then albums in
// the order of albums_artist_title, each album's tracks in the order of tracks_album_order; an
// offset skips index entries (015_search_index.sql).
QList<qint64> pageIds(QSqlDatabase db, const SqlFilter &filter, qint64 offset, int limit)
{
    offset = qMax<qint64>(0, offset);
    limit = qMax(0, limit);
    SqlFilter albumless = filter;
    albumless.add(u"t.album_id IS NULL"_s);
    SqlStatement first;
    first.add(u"SELECT t.id FROM tracks t INDEXED BY tracks_album_order "_s).add(albumless);
    first.add(u"ORDER BY t.disc_no, t.track_no, t.title, t.id LIMIT ? OFFSET ?"_s, {limit, offset});
    QList<qint64> ids = idpage::read(db, first, "track list:");
    if (ids.size() >= limit)
        return ids;
    qint64 before = offset + ids.size();   // album-less tracks before the albums' first
    if (ids.isEmpty() && offset > 0) {
        QSqlQuery q(db);
        SqlStatement count;
        count.add(u"SELECT COUNT(*) FROM tracks t INDEXED BY tracks_album_order "_s).add(albumless);
        if (!count.exec(q, "track list:") || !q.next())
            return {};
        before = q.value(0).toLongLong();
    }
    SqlStatement rest;
    rest.add(u"SELECT t.id FROM albums al INDEXED BY albums_artist_title "
             "CROSS JOIN tracks t INDEXED BY tracks_album_order ON t.album_id = al.id "_s).add(filter);
    rest.add(u"ORDER BY al.artist_key, al.title_key, al.id, t.disc_no, t.track_no, t.title, t.id LIMIT ? OFFSET ?"_s,
             {limit - int(ids.size()), qMax<qint64>(0, offset - before)});
    return ids + idpage::read(db, rest, "track list:");
}

// The library order after `after`, by index ranges instead of an offset: the rest of its group
// (the album-less tracks, or its album), then the albums after its album. Each range first
// bounds its leading index column, which the index can seek to, then compares the whole key.
QList<qint64> idsAfter(QSqlDatabase db, const SqlFilter &filter, const LibraryCursor &after, int limit)
{
    limit = qMax(0, limit);
    SqlFilter group = filter;
    if (after.albumId == 0)
        group.add(u"t.album_id IS NULL"_s);
    else
        group.add(u"t.album_id = ?"_s, {after.albumId});
    group.add(u"t.disc_no >= ? AND (t.disc_no, t.track_no, t.title, t.id) > (?, ?, ?, ?)"_s,
              {after.discNumber, after.discNumber, after.trackNumber, after.title, after.trackId});
    SqlStatement first;
    first.add(u"SELECT t.id FROM tracks t INDEXED BY tracks_album_order "_s).add(group);
    first.add(u"ORDER BY t.disc_no, t.track_no, t.title, t.id LIMIT ?"_s, {limit});
    QList<qint64> ids = idpage::read(db, first, "track list:");
    if (ids.size() >= limit)
        return ids;
    SqlFilter later = filter;
    if (after.albumId != 0) {
        later.add(u"al.artist_key >= ? AND (al.artist_key, al.title_key, al.id) > (?, ?, ?)"_s,
                  {after.albumArtistKey, after.albumArtistKey, after.albumTitleKey, after.albumId});
    }
    SqlStatement rest;
    rest.add(u"SELECT t.id FROM albums al INDEXED BY albums_artist_title "
             "CROSS JOIN tracks t INDEXED BY tracks_album_order ON t.album_id = al.id "_s).add(later);
    rest.add(u"ORDER BY al.artist_key, al.title_key, al.id, t.disc_no, t.track_no, t.title, t.id LIMIT ?"_s,
             {limit - int(ids.size())});
    return ids + idpage::read(db, rest, "track list:");
}

// Where the library order goes on after `last`.
std::optional<LibraryCursor> cursorAfter(QSqlDatabase db, const Track &last)
{
    LibraryCursor cursor;
    cursor.albumId = last.albumId;
    cursor.discNumber = last.discNumber;
    cursor.trackNumber = last.trackNumber;
    cursor.title = last.title;
    cursor.trackId = last.id;
    if (last.albumId != 0) {
        QSqlQuery q(db);
        if (!SqlStatement().add(u"SELECT artist_key, title_key FROM albums WHERE id = ?"_s, {last.albumId})
                 .exec(q, "track list:")
            || !q.next())
            return std::nullopt;
        cursor.albumArtistKey = q.value(0).toString();
        cursor.albumTitleKey = q.value(1).toString();
    }
    return cursor;
}

} // namespace cairn::libraryorder
