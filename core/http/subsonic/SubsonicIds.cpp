#include "subsonic/SubsonicIds.h"

#include "base/TextValues.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

struct Prefix
{
    IdKind kind;
    QString text;
};

const QList<Prefix> &prefixes()
{
    static const QList<Prefix> list{{IdKind::Track, u"tr-"_s},
                                    {IdKind::Album, u"al-"_s},
                                    {IdKind::Artist, u"ar-"_s},
                                    {IdKind::Playlist, u"pl-"_s}};
    return list;
}

QString kindName(IdKind kind)
{
    switch (kind) {
    case IdKind::Track: return u"song"_s;
    case IdKind::Album: return u"album"_s;
    case IdKind::Artist: return u"artist"_s;
    case IdKind::Playlist: return u"playlist"_s;
    }
    return {};
}

} // namespace

QString itemId(IdKind kind, qint64 value)
{
    for (const Prefix &p : prefixes())
        if (p.kind == kind)
            return p.text + QString::number(value);
    return QString::number(value);
}

Result<ItemId> parseItemId(const QString &text, const QString &parameter, IdKind bare)
{
    for (const Prefix &p : prefixes())
        if (text.startsWith(p.text))
            if (const auto n = parseId(text.mid(p.text.size())))
                return ItemId{p.kind, *n};
    if (const auto n = parseId(text))
        return ItemId{bare, *n};
    for (const Prefix &p : prefixes())   // well written but beyond 64 bits: like any unknown id
        if (text.startsWith(p.text) && isIdBeyondRange(text.mid(p.text.size())))
            return DomainError::notFound(u"no such %1"_s.arg(kindName(p.kind)));
    if (isIdBeyondRange(text))
        return DomainError::notFound(u"no such %1"_s.arg(kindName(bare)));
    if (text.isEmpty())
        return DomainError::invalid(u"required parameter '%1' is missing"_s.arg(parameter));
    return DomainError::invalid(u"'%1' is not a valid id for '%2'"_s.arg(text.left(64), parameter));
}

Result<qint64> parseIdOf(IdKind kind, const QString &text, const QString &parameter)
{
    const auto id = parseItemId(text, parameter, kind);
    if (!id)
        return id.error();
    if (id->kind != kind)
        return DomainError::invalid(u"'%1' is not a %2 id"_s.arg(text.left(64), kindName(kind)));
    return id->value;
}

} // namespace cairn::subsonic
