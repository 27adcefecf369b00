#pragma once
// Entity-tags (RFC 9110 §8.8.3): the strong validator Cairn derives for a file, and the parsing
// and comparison of the tag lists sent in If-Match / If-None-Match / If-Range.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <optional>

namespace cairn {

struct EntityTag
{
    QByteArray opaque; // including its double quotes, e.g. "\"abc\""
    bool weak = false;

    QByteArray toHeaderValue() const { return weak ? "W/" + opaque : opaque; }
    friend bool operator==(const EntityTag &, const EntityTag &) = default;
};

// "*" (anyTag) or one or more entity-tags.
struct EntityTagList
{
    bool anyTag = false;
    QList<EntityTag> tags;
};

// "\"<size hex>-<mtime ms hex>-<id hex>\"": changes whenever the file is replaced or edited.
QByteArray strongEtagFor(qint64 size, const QDateTime &mtime, qint64 id);

// One entity-tag, surrounding OWS allowed; nullopt when malformed.
std::optional<EntityTag> parseEntityTag(QByteArrayView value);
// "*" or a comma-separated list (empty elements ignored); nullopt when any element is malformed.
std::optional<EntityTagList> parseEntityTagList(QByteArrayView value);

bool strongMatch(const EntityTag &a, const EntityTag &b); // both strong, same opaque tag
bool weakMatch(const EntityTag &a, const EntityTag &b);   // same opaque tag, weakness ignored

} // namespace cairn
