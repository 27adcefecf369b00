#include "SqlFilter.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

SqlFilter SqlFilter::musicTracks(const Visibility &visibility)
{
    SqlFilter filter;
    filter.add(u"t.kind = 0"_s);
    filter.restrictTracks(visibility);
    return filter;
}

void SqlFilter::add(const QString &condition, const QVariantList &conditionValues)
{
    sql += (sql.isEmpty() ? u"WHERE "_s : u"AND "_s) + condition + u' ';
    values += conditionValues;
}

void SqlFilter::addIn(const QString &column, const QList<qint64> &ids)
{
    if (ids.isEmpty()) {
        add(u"1 = 0"_s);   // false, in a form PostgreSQL takes too
        return;
    }
    QStringList marks;
    QVariantList values;
    for (const qint64 id : ids) {
        marks << u"?"_s;
        values << id;
    }
    add(column + u" IN ("_s + marks.join(u", "_s) + u')', values);
}

void SqlFilter::restrictTracks(const Visibility &visibility)
{
    restrictFolders(u"t.folder_id"_s, visibility);
}

void SqlFilter::restrictFolders(const QString &column, const Visibility &visibility)
{
    if (!visibility.unrestricted)
        addIn(column, visibility.folderIds);
}

void SqlFilter::bindTo(QSqlQuery &q) const
{
    for (const QVariant &v : values)
        q.addBindValue(v);
}

} // namespace cairn
