#pragma once
// A UPnP ContentDirectory:1 SearchCriteria string, parsed once and evaluated per object.
// Grammar (CDS:1 §2.5.5): `*`, or relational expressions joined by `and` (binding tighter) and
// `or`, with parentheses. Supported: =, !=, contains, doesNotContain, derivedfrom and exists over
// dc:title, dc:creator, upnp:artist, upnp:album, upnp:genre and upnp:class, and `@refID exists`;
// anything else is refused (error 708) rather than guessed. Strings compare case-insensitively.

#include "DidlObject.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

namespace cairn::dlna {

enum class Truth { False, True, Unknown };

class SearchCriteria
{
public:
    static constexpr int kMaxDepth = 32;          // parentheses nested deeper are refused
    static constexpr int kMaxLength = 16 * 1024;  // characters; TVs send a few hundred

    // The criteria, or why they were refused.
    static std::variant<SearchCriteria, QString> parse(const QString &text);

    bool matchesEverything() const { return m_root < 0; }
    bool matches(const DidlObject &object) const;
    // Three-valued: what can be told from `values` alone, which answers nullopt for a property
    // it does not know. Lets a search skip whole kinds of objects by their class.
    Truth evaluate(const std::function<std::optional<QStringList>(DidlProperty)> &values) const;
    // A text every match must contain in one of its title, artist, creator or album: to narrow
    // candidates in SQL before the exact evaluation. Empty when there is no such term.
    QString requiredText() const;
    // The value of a `property = "…"` term every match must satisfy; empty when there is none.
    QString requiredEqual(DidlProperty property) const;

    enum class Op { And, Or, Equal, NotEqual, Contains, DoesNotContain, DerivedFrom, Exists };
    struct Node
    {
        Op op = Op::And;
        int left = -1;                 // And, Or
        int right = -1;
        DidlProperty property = DidlProperty::Title;
        QString value;                 // relational
        bool exists = true;            // Exists
    };

private:
    // The relational terms joined to the root by `and` only: each must hold for every match.
    QList<const Node *> requiredTerms() const;
    Truth evaluateNode(int index, const std::function<std::optional<QStringList>(DidlProperty)> &values) const;

    QList<Node> m_nodes;
    int m_root = -1;                   // -1: `*`
    friend class SearchParser;
};

} // namespace cairn::dlna
