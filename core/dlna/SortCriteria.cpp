#include "SortCriteria.h"

#include <algorithm>
#include <numeric>

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
int compareValues(const QString &x, const QString &y, DidlProperty property)
{
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
    // Each object's keys once, not once per comparison: a whole library gets sorted here.
    QList<QStringList> keys;
    keys.reserve(objects.size());
    for (const DidlObject &object : std::as_const(objects)) {
        QStringList values;
        for (const Key &key : m_keys)
            values << valuesOf(object, key.property).value(0);
        keys << values;
    }
    QList<qsizetype> order(objects.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this, &keys](qsizetype a, qsizetype b) {
        for (qsizetype k = 0; k < m_keys.size(); ++k) {
            const int c = compareValues(keys[a][k], keys[b][k], m_keys[k].property);
            if (c != 0)
                return m_keys[k].ascending ? c < 0 : c > 0;
        }
        return false;
    });
    QList<DidlObject> sorted;
    sorted.reserve(objects.size());
    for (const qsizetype i : std::as_const(order))
        sorted << std::move(objects[i]);
    objects = std::move(sorted);
}

} // namespace cairn::dlna
