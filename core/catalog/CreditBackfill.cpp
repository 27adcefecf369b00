#include "CreditBackfill.h"

#include "CreditStore.h"
#include "TrackCredits.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

struct Row
{
    Track track;
    QString root;
};

} // namespace

bool backfillCredits(QSqlDatabase &db, QString *error)
{
    QList<Row> rows;
    {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT t.id, t.path, t.title, t.artist, t.album, t.album_artist, f.path "
                    "FROM tracks t JOIN folders f ON f.id = t.folder_id"_s)) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next()) {
            Row row;
            row.track.id = q.value(0).toLongLong();
            row.track.path = q.value(1).toString();
            row.track.title = q.value(2).toString();
            row.track.artist = q.value(3).toString();
            row.track.album = q.value(4).toString();
            row.track.albumArtist = q.value(5).toString();
            row.root = q.value(6).toString();
            rows << row;
        }
    }
    CreditStore store(db);
    QSqlQuery update(db);
    update.prepare(u"UPDATE tracks SET artist_id = ?, album_id = ?, search = ? WHERE id = ?"_s);
    for (const Row &row : std::as_const(rows)) {
        const TrackCredits credits = TrackCredits::derive(row.track, row.root);
        const qint64 artistId = store.artistId(credits.artist);
        const qint64 albumId = store.albumId(credits.album, store.artistId(credits.albumArtist));
        update.addBindValue(artistId);
        update.addBindValue(albumId);
        update.addBindValue(searchDocument(row.track, credits));
        update.addBindValue(row.track.id);
        if (!update.exec()) {
            *error = update.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace cairn
