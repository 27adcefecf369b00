#include "SortCriteria.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

std::variant<SortCriteria, QString> SortCriteria::parse(const QString &text)
{
    SortCriteria criteria;
    if (text.size() > 1024)
        return u"sort criteria too long"_s;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        QStringView name = QStringView(part).trimmed();
        if (name.isEmpty()) {
            if (parts.size() == 1)
                break;   // no criteria at all
            return u"empty sort key"_s;
        }
        bool ascending = true;
        if (name.front() == u'+' || name.front() == u'-') {
            ascending = name.front() == u'+';
            name = name.mid(1);
        }
        const auto property = didlPropertyNamed(name);
        if (!property)
            return u"unsupported sort property "_s + name.toString();
        criteria.m_keys << Key{*property, ascending};
    }
    return criteria;
}

namespace {

// Numbers as numbers (track numbers), text case-insensitively; a missing value sorts first.
int compareValues(const QStringList &a, const QStringList &b, DidlProperty property)
{
    const QString x = a.value(0);
    const QString y = b.value(0);
    if (property == DidlProperty::TrackNumber) {
        const int i = x.toInt();
        const int j = y.toInt();
        return i < j ? -1 : (i > j ? 1 : 0);
    }
    const int folded = x.compare(y, Qt::CaseInsensitive);
    return folded != 0 ? folded : x.compare(y);
}

} // namespace

void SortCriteria::sort(QList<DidlObject> &objects) const
{
    if (m_keys.isEmpty())
        return;
    std::stable_sort(objects.begin(), objects.end(), [this](const DidlObject &a, const DidlObject &b) {
        for (const Key &key : m_keys) {
            const int order = compareValues(valuesOf(a, key.property), valuesOf(b, key.property), key.property);
            if (order != 0)
                return key.ascending ? order < 0 : order > 0;
        }
        return false;
    });
}

} // namespace cairn::dlna
