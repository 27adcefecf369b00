#pragma once
// The address a request really comes from: the peer, unless the peer is a trusted reverse
// proxy, in which case the nearest untrusted hop of Forwarded / X-Forwarded-For.

#include "http/HttpRequest.h"

#include <QHostAddress>
#include <QList>
#include <QPair>

namespace cairn {

using TrustedProxies = QList<QPair<QHostAddress, int>>;   // subnets (address, prefix length)

// Parses "10.0.0.1, 192.168.0.0/16, ::1" (invalid entries are skipped).
TrustedProxies parseTrustedProxies(const QStringList &entries);
QHostAddress clientAddress(const HttpRequest &request, const TrustedProxies &trusted);

} // namespace cairn
