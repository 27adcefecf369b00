#pragma once
// What the media server advertises over SSDP — the root device, its UUID, its device type and its
// three services — and which of them answer a given M-SEARCH target (UDA 1.1, 1.1.2 and 1.3.2).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace cairn::dlna {

struct SsdpTarget
{
    QByteArray type;   // NT in a NOTIFY, ST in a search answer
    QByteArray usn;
    friend bool operator==(const SsdpTarget &, const SsdpTarget &) = default;
};

// The six (NT, USN) pairs, root device first.
QList<SsdpTarget> advertisedTargets(const QString &uuid);

// The targets that answer `searchTarget`, each with the ST to echo: the requested one, which for
// a versioned type may be lower than ours (a device answers for every version it is compatible
// with, naming the version asked for). Empty when nothing matches.
QList<SsdpTarget> targetsMatching(QByteArrayView searchTarget, const QList<SsdpTarget> &advertised);

} // namespace cairn::dlna
