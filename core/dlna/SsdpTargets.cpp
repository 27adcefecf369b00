#include "SsdpTargets.h"

#include <optional>

namespace cairn::dlna {

namespace {

constexpr QByteArrayView rootDevice = "upnp:rootdevice";
constexpr QByteArrayView allTargets = "ssdp:all";
constexpr QByteArrayView versionedTypes[] = {
    "urn:schemas-upnp-org:device:MediaServer:1",
    "urn:schemas-upnp-org:service:ContentDirectory:1",
    "urn:schemas-upnp-org:service:ConnectionManager:1",
    "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1",
};

struct VersionedType
{
    QByteArrayView name;   // everything before the last ':'
    int version = 0;
};

// "urn:domain:device:Name:2" → {"urn:domain:device:Name", 2}; nothing for a non-numeric tail.
std::optional<VersionedType> splitVersion(QByteArrayView type)
{
    if (!type.startsWith("urn:"))
        return std::nullopt;
    const qsizetype colon = type.lastIndexOf(':');
    const QByteArrayView digits = type.sliced(colon + 1);
    if (digits.isEmpty() || digits.size() > 4)
        return std::nullopt;
    int version = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        version = version * 10 + (c - '0');
    }
    return VersionedType{type.first(colon), version};
}

std::optional<SsdpTarget> answerFor(QByteArrayView searchTarget, const SsdpTarget &ours)
{
    if (searchTarget == ours.type)
        return ours;
    if (ours.type.startsWith("uuid:"))
        return searchTarget.compare(ours.type, Qt::CaseInsensitive) == 0 ? std::optional(ours) : std::nullopt;
    const auto asked = splitVersion(searchTarget);
    const auto have = splitVersion(ours.type);
    if (!asked || !have || asked->name != have->name || asked->version < 1 || asked->version > have->version)
        return std::nullopt;
    // Rebuilt from our own text: only the version number comes from the asker.
    const QByteArray echoed = have->name.toByteArray() + ':' + QByteArray::number(asked->version);
    const QByteArray usnPrefix = ours.usn.left(ours.usn.indexOf("::"));
    return SsdpTarget{echoed, usnPrefix + "::" + echoed};
}

} // namespace

QList<SsdpTarget> advertisedTargets(const QString &uuid)
{
    const QByteArray udn = "uuid:" + uuid.toLatin1();
    QList<SsdpTarget> targets{
        {rootDevice.toByteArray(), udn + "::" + rootDevice.toByteArray()},
        {udn, udn},
    };
    for (const QByteArrayView type : versionedTypes)
        targets.append({type.toByteArray(), udn + "::" + type.toByteArray()});
    return targets;
}

QList<SsdpTarget> targetsMatching(QByteArrayView searchTarget, const QList<SsdpTarget> &advertised)
{
    if (searchTarget == allTargets)
        return advertised;
    QList<SsdpTarget> matches;
    for (const SsdpTarget &ours : advertised) {
        if (const auto answer = answerFor(searchTarget, ours))
            matches.append(*answer);
    }
    return matches;
}

} // namespace cairn::dlna
