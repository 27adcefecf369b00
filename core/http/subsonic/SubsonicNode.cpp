#include "subsonic/SubsonicNode.h"

#include "http/HttpResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {

Node &Node::set(const QString &key, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return *this;
    for (auto &[existing, v] : m_attributes)
        if (existing == key) {
            v = value;
            return *this;
        }
    m_attributes.append({key, value});
    return *this;
}

Node::Child &Node::childSlot(const QString &name, bool list)
{
    for (auto &[existing, child] : m_children)
        if (existing == name) {
            child.list = child.list || list;
            return child;
        }
    m_children.append({name, Child{{}, list}});
    return m_children.last().second;
}

Node &Node::add(Node child)
{
    const QString name = child.name();
    childSlot(name, false).nodes = {std::move(child)};
    return *this;
}

Node &Node::append(Node child)
{
    const QString name = child.name();
    childSlot(name, true).nodes.append(std::move(child));
    return *this;
}

Node &Node::declareList(const QString &name)
{
    childSlot(name, true);
    return *this;
}

Node &Node::setText(const QVariant &value)
{
    m_text = value;
    return *this;
}

Node &Node::absorb(const Node &other)
{
    for (const auto &[name, child] : other.m_children) {
        Child &slot = childSlot(name, child.list);
        slot.nodes += child.nodes;
    }
    return *this;
}

namespace {

// XML 1.0 has no way to write most control characters, even escaped; tags carry them now and
// then, and one would make the whole answer unreadable to the client. They are left out.
bool allowedInXml(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

QString xmlSafe(const QString &text)
{
    const QList<uint> points = text.toUcs4();
    if (std::all_of(points.cbegin(), points.cend(), [](uint c) { return allowedInXml(c); }))
        return text;
    QString clean;
    for (const uint c : points)
        if (allowedInXml(c))
            clean += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
    return clean;
}

} // namespace

class NodeWriter
{
public:
    static QString attributeText(const QVariant &value)
    {
        if (value.typeId() == QMetaType::Bool)
            return value.toBool() ? u"true"_s : u"false"_s;
        if (value.typeId() == QMetaType::Double)
            return QString::number(value.toDouble(), 'g', 12);
        return xmlSafe(value.toString());
    }

    static void writeXml(QXmlStreamWriter &xml, const Node &node)
    {
        xml.writeStartElement(node.m_name);
        for (const auto &[key, value] : node.m_attributes)
            xml.writeAttribute(key, attributeText(value));
        for (const auto &[name, child] : node.m_children)
            for (const Node &n : child.nodes)
                writeXml(xml, n);
        if (node.m_text)
            xml.writeCharacters(attributeText(*node.m_text));
        xml.writeEndElement();
    }

    // A node holding only text is a plain value in JSON (a list of version numbers, say).
    static QJsonValue jsonValue(const Node &node)
    {
        if (node.m_text && node.m_attributes.isEmpty() && node.m_children.isEmpty())
            return QJsonValue::fromVariant(*node.m_text);
        QJsonObject object;
        for (const auto &[key, value] : node.m_attributes)
            object.insert(key, QJsonValue::fromVariant(value));
        for (const auto &[name, child] : node.m_children) {
            if (child.list) {
                QJsonArray array;
                for (const Node &n : child.nodes)
                    array.append(jsonValue(n));
                object.insert(name, array);
            } else if (!child.nodes.isEmpty()) {
                object.insert(name, jsonValue(child.nodes.first()));
            }
        }
        if (node.m_text)
            object.insert(u"value"_s, QJsonValue::fromVariant(*node.m_text));
        return object;
    }
};

QByteArray Node::toXml() const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(u"http://subsonic.org/restapi"_s);
    NodeWriter::writeXml(xml, *this);
    xml.writeEndDocument();
    return out;
}

QByteArray Node::toJson() const
{
    return markupSafeJson(QJsonDocument(QJsonObject{{m_name, NodeWriter::jsonValue(*this)}}));
}

} // namespace cairn::subsonic
