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

void SqlFilter::restrictTracks(const Visibility &visibility)
{
    if (visibility.unrestricted)
        return;
    if (visibility.folderIds.isEmpty()) {
        add(u"0"_s);
        return;
    }
    QStringList marks;
    QVariantList ids;
    for (const qint64 id : visibility.folderIds) {
        marks << u"?"_s;
        ids << id;
    }
    add(u"t.folder_id IN ("_s + marks.join(u", "_s) + u')', ids);
}

void SqlFilter::bindTo(QSqlQuery &q) const
{
    for (const QVariant &v : values)
        q.addBindValue(v);
}

} // namespace cairn
