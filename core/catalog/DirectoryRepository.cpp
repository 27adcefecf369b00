#include "catalog/DirectoryListing.h"

#include "catalog/Database.h"

#include "SqlStatement.h"
#include "TrackRows.h"

#include <QCollator>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// The tracks below one directory, as a range over the (BINARY-collated, uniquely indexed) path
// column rather than LIKE: it is exact about case, needs no escaping of % and _ in names, and
// SQLite walks the index. Every path starting with "dir/" sorts in ["dir/", "dir0"): '0' follows
// '/' in byte order.
struct Below
{
    QString prefix;        // ends with '/'
    qint64 restStart = 0;  // 1-based position of what follows the prefix, in characters as SQLite counts them
    SqlFilter filter;
};

std::optional<Below> below(QSqlDatabase db, qint64 folderId, const QString &relativePath, const Visibility &visibility,
                           std::optional<MediaKind> kind)
{
    if (!visibility.allowsFolder(folderId))
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(u"SELECT path FROM folders WHERE id = ?"_s);
    q.addBindValue(folderId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QString prefix = q.value(0).toString();
    if (!prefix.endsWith(u'/'))
        prefix += u'/';
    if (!relativePath.isEmpty())
        prefix += relativePath + u'/';
    QString end = prefix;
    end.back() = u'0';

    Below result;
    result.prefix = prefix;
    result.restStart = prefix.toUcs4().size() + 1;   // SQLite's substr counts code points
    // The unary + keeps SQLite off the folder index, which would read the whole folder.
    result.filter.add(u"+t.folder_id = ?"_s, {folderId});
    result.filter.add(u"t.path >= ? AND t.path < ?"_s, {prefix, end});
    if (kind)
        result.filter.add(u"t.kind = ?"_s, {*kind == MediaKind::Video ? 1 : 0});
    return result;
}

} // namespace

std::optional<DirectoryListing> DirectoryRepository::list(qint64 folderId, const QString &relativePath,
                                                          const Visibility &visibility, std::optional<MediaKind> kind) const
{
    QSqlDatabase db = m_db.connection();
    const auto range = below(db, folderId, relativePath, visibility, kind);
    if (!range)
        return std::nullopt;
    DirectoryListing listing;

    // Each subdirectory with its own entry count, in one pass: `rest` is the path below this
    // directory, `below` the path below the subdirectory.
    SqlStatement names;
    names.add(u"SELECT name, COUNT(DISTINCT CASE WHEN instr(below, '/') > 0 THEN substr(below, 1, instr(below, '/') - 1) END) "
              "+ SUM(CASE WHEN instr(below, '/') = 0 THEN 1 ELSE 0 END) FROM ("
              "SELECT substr(rest, 1, instr(rest, '/') - 1) AS name, substr(rest, instr(rest, '/') + 1) AS below FROM ("
              "SELECT substr(t.path, ?) AS rest FROM tracks t "_s,
              {range->restStart});
    names.add(range->filter).add(u") AS paths WHERE instr(rest, '/') > 0) AS entries GROUP BY name"_s);
    QSqlQuery q(db);
    readForwardOnly(q);
    if (!names.exec(q, "directory names:"))
        return std::nullopt;
    while (q.next())
        listing.subdirectories << Subdirectory{q.value(0).toString(), q.value(1).toLongLong()};
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    // Names equal but for case ("Ann", "ann") still need one order, the same every time.
    std::sort(listing.subdirectories.begin(), listing.subdirectories.end(),
              [&collator](const Subdirectory &a, const Subdirectory &b) {
                  const int order = collator.compare(a.name, b.name);
                  return order != 0 ? order < 0 : a.name < b.name;
              });

    SqlStatement tracks;
    tracks.add(trackrows::select()).add(range->filter);
    tracks.add(u"AND instr(substr(t.path, ?), '/') = 0 ORDER BY t.path"_s, {range->restStart});
    QSqlQuery rows(db);
    readForwardOnly(rows);
    if (!tracks.exec(rows, "directory tracks:"))
        return std::nullopt;
    while (rows.next())
        listing.tracks << trackrows::from(rows);

    if (!relativePath.isEmpty() && listing.subdirectories.isEmpty() && listing.tracks.isEmpty())
        return std::nullopt;
    return listing;
}

std::optional<DirectoryCounts> DirectoryRepository::counts(qint64 folderId, const QString &relativePath,
                                                           const Visibility &visibility, std::optional<MediaKind> kind) const
{
    QSqlDatabase db = m_db.connection();
    const auto range = below(db, folderId, relativePath, visibility, kind);
    if (!range)
        return std::nullopt;
    const qint64 at = range->restStart;
    SqlStatement count;
    count.add(u"SELECT COUNT(DISTINCT CASE WHEN instr(substr(t.path, ?), '/') > 0 "
              "THEN substr(t.path, ?, instr(substr(t.path, ?), '/') - 1) END), "
              "COALESCE(SUM(CASE WHEN instr(substr(t.path, ?), '/') = 0 THEN 1 ELSE 0 END), 0), COUNT(*) FROM tracks t "_s,
              {at, at, at, at});
    count.add(range->filter);
    QSqlQuery q(db);
    if (!count.exec(q, "directory counts:") || !q.next())
        return std::nullopt;
    const DirectoryCounts counts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    if (!relativePath.isEmpty() && counts.tracksBelow == 0)
        return std::nullopt;
    return counts;
}

} // namespace cairn
