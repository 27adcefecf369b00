#pragma once
// Whole track rows — the track with its album's title and its artists' names — as Track values.
// Internal to the catalog.

#include "catalog/Track.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace cairn::trackrows {

// "SELECT … FROM tracks t LEFT JOIN …", ending where a WHERE may follow.
QString select();
Track from(const QSqlQuery &q);
// The tracks of `ids` in that order (ids without a row are left out); visibility is the
// caller's check, made when it chose the ids.
QList<Track> byIds(QSqlDatabase db, const QList<qint64> &ids);

} // namespace cairn::trackrows
