#include "PresetStoreImpl.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::presetsql {

QString select(const QString &table, const QStringList &columns, const QString &rest)
{
    return u"SELECT id, %1 FROM %2 %3"_s.arg(columns.join(u", "_s), table, rest);
}

QString insert(const QString &table, const QStringList &columns)
{
    const QStringList marks(columns.size(), u"?"_s);
    return u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, columns.join(u", "_s), marks.join(u", "_s));
}

QString update(const QString &table, const QStringList &columns)
{
    return u"UPDATE %1 SET %2 = ? WHERE id = ?"_s.arg(table, columns.join(u" = ?, "_s));
}

QString remove(const QString &table)
{
    return u"DELETE FROM %1 WHERE id = ?"_s.arg(table);
}

} // namespace cairn::presetsql
