#pragma once
// A WHERE clause and its bound values, built condition by condition; knows how a Visibility
// restricts the tracks table (aliased `t`). Shared by the catalog's repositories.

#include "catalog/Visibility.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace cairn {

struct SqlFilter
{
    QString sql;              // "" or "WHERE … "
    QVariantList values;

    // Audio tracks within `visibility`: what albums, artists and genres are made of (a video's
    // folder-named "album" belongs to the videos page).
    static SqlFilter musicTracks(const Visibility &visibility);

    void add(const QString &condition, const QVariantList &conditionValues = {});
    // `column IN (…ids)`; an empty list matches nothing.
    void addIn(const QString &column, const QList<qint64> &ids);
    // Only tracks under the folders `visibility` allows (nothing for an empty grant list).
    void restrictTracks(const Visibility &visibility);
    // The same for any table with a folder column (`column` names it, e.g. "s.folder_id").
    void restrictFolders(const QString &column, const Visibility &visibility);
    void bindTo(QSqlQuery &q) const;
};

} // namespace cairn
