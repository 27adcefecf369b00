#include "stream/EntityTag.h"

#include "HeaderSyntax.h"

namespace cairn {

namespace {

// etagc = %x21 / %x23-7E / obs-text
bool isEtagChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == 0x21 || (u >= 0x23 && u != 0x7F);
}

// Reads one entity-tag from the front of `rest`, advancing it; nullopt when malformed.
std::optional<EntityTag> takeEntityTag(QByteArrayView &rest)
{
    EntityTag tag;
    if (rest.startsWith("W/")) {
        tag.weak = true;
        rest = rest.sliced(2);
    }
    if (!rest.startsWith('"'))
        return std::nullopt;
    qsizetype end = 1;
    while (end < rest.size() && isEtagChar(rest.at(end)))
        ++end;
    if (end >= rest.size() || rest.at(end) != '"')
        return std::nullopt;
    tag.opaque = rest.first(end + 1).toByteArray();
    rest = rest.sliced(end + 1);
    return tag;
}

} // namespace

QByteArray strongEtagFor(qint64 size, const QDateTime &mtime, qint64 id)
{
    const qint64 ms = mtime.isValid() ? mtime.toMSecsSinceEpoch() : 0;
    return '"' + QByteArray::number(size, 16) + '-' + QByteArray::number(ms, 16) + '-'
           + QByteArray::number(id, 16) + '"';
}

std::optional<EntityTag> parseEntityTag(QByteArrayView value)
{
    QByteArrayView rest = syntax::trimOws(value);
    auto tag = takeEntityTag(rest);
    if (!tag || !rest.isEmpty())
        return std::nullopt;
    return tag;
}

std::optional<EntityTagList> parseEntityTagList(QByteArrayView value)
{
    QByteArrayView rest = syntax::trimOws(value);
    if (rest == "*")
        return EntityTagList{true, {}};
    EntityTagList list;
    // An etagc may itself be a comma, so the list is scanned tag by tag rather than split.
    while (!rest.isEmpty()) {
        if (rest.front() != ',') {
            const auto tag = takeEntityTag(rest);
            if (!tag)
                return std::nullopt;
            list.tags.append(*tag);
        }
        rest = syntax::trimOws(rest);
        if (rest.isEmpty())
            break;
        if (rest.front() != ',')
            return std::nullopt;
        rest = syntax::trimOws(rest.sliced(1));
    }
    if (list.tags.isEmpty())
        return std::nullopt;
    return list;
}

bool strongMatch(const EntityTag &a, const EntityTag &b)
{
    return !a.weak && !b.weak && a.opaque == b.opaque;
}

bool weakMatch(const EntityTag &a, const EntityTag &b)
{
    return a.opaque == b.opaque;
}

} // namespace cairn
