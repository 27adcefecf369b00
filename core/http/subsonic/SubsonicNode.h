#pragma once
// One element of a Subsonic answer, independent of the wire format: named attributes (typed,
// in order), child elements that are either single or members of a list, and an optional text
// value. Written as XML or as JSON, where list members stay arrays even when there is one.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace cairn::subsonic {

class Node
{
public:
    explicit Node(QString name = {}) : m_name(std::move(name)) {}

    const QString &name() const { return m_name; }

    // Null values are left out (a field the item does not have).
    Node &set(const QString &key, const QVariant &value);
    // A child that appears once (JSON: an object member).
    Node &add(Node child);
    // A child that is a member of the list named by its name (JSON: an array, even of one).
    Node &append(Node child);
    // Declares the list `name` present even when empty (JSON: `"name": []`).
    Node &declareList(const QString &name);
    // The element's content (XML text; JSON "value", or the bare value for a node with nothing
    // else, such as a list of numbers).
    Node &setText(const QVariant &value);
    // Takes `other`'s children as its own (an answer whose payload is a bare list).
    Node &absorb(const Node &other);

    QByteArray toXml() const;       // a complete document with this node as the root
    QByteArray toJson() const;      // {"<name>": {...}}

    struct Child
    {
        QList<Node> nodes;
        bool list = false;
    };

private:
    friend class NodeWriter;
    QString m_name;
    QList<QPair<QString, QVariant>> m_attributes;
    QList<QPair<QString, Child>> m_children;   // by name, in first-appearance order
    std::optional<QVariant> m_text;

    Child &childSlot(const QString &name, bool list);
};

} // namespace cairn::subsonic
