#pragma once
// Unicode-aware search text: both the stored document and the query are NFC-normalised and
// case-folded, so "émile" finds "ÉMILE" even though SQLite's LIKE only folds ASCII; the full-text
// index (015_search_index.sql) removes diacritics on top, so "sigur ros" finds "Sigur Rós".

#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::search {

QString fold(const QString &text);
// The folded text with every CJK character (Han, kana, Hangul) set apart by spaces: the index's
// tokenizer makes a run of them one word, and "東京" must find "ネオ東京" too.
QString indexed(const QString &text);
// indexed() of all the parts, one per line (the first non-empty part first).
QString document(const QStringList &parts);
// `text` with LIKE wildcards escaped by '\' (use ESCAPE '\'), not folded.
QString escapeLike(const QString &text);
// A LIKE pattern matching `query` anywhere, wildcards escaped with '\' (use ESCAPE '\').
QString containsPattern(const QString &query);
// The same for a search document (document()): CJK characters set apart as there.
QString documentPattern(const QString &query);
// A word of a search text: letters and digits (folded), or a run of CJK characters.
struct Word
{
    QString text;
    bool cjk = false;
};
// The words of `query`; what users type never reaches FTS5's syntax: quotes and operators (OR,
// NOT, NEAR, -, ^, :, *, parentheses) are separators or plain words. At most 16.
QList<Word> words(const QString &query);
// An FTS5 MATCH expression finding the documents holding every word, each as a prefix ("sigu ro"
// finds "Sigur Rós"); a CJK run as a phrase of its characters, so it is found anywhere in a
// document made by indexed(). Empty for no words.
QString matchExpression(const QList<Word> &words);
QString matchExpression(const QString &query);

} // namespace cairn::search
