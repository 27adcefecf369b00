#pragma once
// Unicode-aware search text: both the stored column and the query are NFC-normalised and
// case-folded, so "émile" finds "ÉMILE" even though SQLite's LIKE only folds ASCII.

#include <QString>
#include <QStringList>

namespace cairn::search {

QString fold(const QString &text);
// The folded text of all the parts, one per line.
QString document(const QStringList &parts);
// `text` with LIKE wildcards escaped by '\' (use ESCAPE '\'), not folded.
QString escapeLike(const QString &text);
// A LIKE pattern matching `query` anywhere, wildcards escaped with '\' (use ESCAPE '\').
QString containsPattern(const QString &query);

} // namespace cairn::search
