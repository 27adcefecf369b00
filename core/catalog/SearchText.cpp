#include "SearchText.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::search {

QString fold(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).toCaseFolded();
}

QString document(const QStringList &parts)
{
    QStringList folded;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            folded << fold(part);
    }
    folded.removeDuplicates();
    return folded.join(u'\n');
}

QString escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

QString containsPattern(const QString &query)
{
    return u'%' + escapeLike(fold(query.trimmed())) + u'%';
}

} // namespace cairn::search
