#include "NameSearch.h"

#include "SearchText.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::namesearch {
namespace {

// `pattern` LIKE any of `names`; the pattern is bound once per name.
void addLike(SqlFilter &filter, const QString &pattern, const QStringList &names)
{
    QStringList any;
    QVariantList values;
    for (const QString &name : names) {
        any << name + u" LIKE ? ESCAPE '\\'"_s;
        values << pattern;
    }
    filter.add(u'(' + any.join(u" OR "_s) + u')', values);
}

} // namespace

void restrict(SqlFilter &filter, const QString &text, const QString &idColumn, const QString &index,
              const QStringList &names)
{
    const QList<search::Word> all = search::words(text);
    if (all.isEmpty()) {
        addLike(filter, search::containsPattern(text), names);
        return;
    }
    QList<search::Word> indexed;
    for (const search::Word &word : all) {
        if (word.cjk)
            addLike(filter, u'%' + search::escapeLike(word.text) + u'%', names);
        else
            indexed << word;
    }
    if (!indexed.isEmpty()) {
        filter.add(idColumn + u" IN (SELECT rowid FROM "_s + index + u" WHERE "_s + index + u" MATCH ?)"_s,
                   {search::matchExpression(indexed)});
    }
}

} // namespace cairn::namesearch
