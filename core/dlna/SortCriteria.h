#pragma once
// A UPnP SortCriteria string ("+dc:title,-dc:date"): parsed once, then ordering objects in
// memory. An unknown property is refused (error 709) rather than ignored.

#include "DidlObject.h"

#include <QList>
#include <QString>

#include <variant>

namespace cairn::dlna {

class SortCriteria
{
public:
    struct Key
    {
        DidlProperty property;
        bool ascending = true;
    };

    // The criteria, or why they were refused. An empty string sorts nothing.
    static std::variant<SortCriteria, QString> parse(const QString &text);

    bool isEmpty() const { return m_keys.isEmpty(); }
    const QList<Key> &keys() const { return m_keys; }
    // Stable: objects equal by every key keep their order.
    void sort(QList<DidlObject> &objects) const;

private:
    QList<Key> m_keys;
};

} // namespace cairn::dlna
