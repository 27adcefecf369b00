#include "http/auth/ClientAddress.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

bool isTrusted(const QHostAddress &address, const TrustedProxies &trusted)
{
    for (const auto &subnet : trusted)
        if (address.isInSubnet(subnet))
            return true;
    return false;
}

// One hop of Forwarded ("for=192.0.2.1", "for=\"[2001:db8::1]:4711\"") or X-Forwarded-For.
QHostAddress hopAddress(QByteArray hop)
{
    hop = hop.trimmed();
    if (hop.startsWith('"') && hop.endsWith('"') && hop.size() >= 2)
        hop = hop.mid(1, hop.size() - 2);
    if (hop.startsWith('[')) {
        const qsizetype end = hop.indexOf(']');
        hop = end > 0 ? hop.mid(1, end - 1) : QByteArray();
    } else if (hop.count(':') == 1) {
        hop = hop.left(hop.indexOf(':'));   // IPv4 with a port
    }
    return QHostAddress(QString::fromLatin1(hop));
}

QList<QHostAddress> forwardedHops(const HttpRequest &request)
{
    QList<QHostAddress> hops;
    const QByteArray forwarded = request.header("forwarded");
    if (!forwarded.isEmpty()) {
        for (const QByteArray &element : forwarded.split(',')) {
            for (const QByteArray &pair : element.split(';')) {
                const QByteArray p = pair.trimmed();
                if (p.size() > 4 && p.left(4).toLower() == "for=")
                    hops << hopAddress(p.mid(4));
            }
        }
        return hops;
    }
    for (const QByteArray &hop : request.header("x-forwarded-for").split(','))
        if (!hop.trimmed().isEmpty())
            hops << hopAddress(hop);
    return hops;
}

} // namespace

TrustedProxies parseTrustedProxies(const QStringList &entries)
{
    TrustedProxies result;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        auto subnet = QHostAddress::parseSubnet(entry.contains(u'/') ? entry : entry + u"/128"_s);
        if (subnet.first.isNull() && !entry.contains(u'/'))
            subnet = QHostAddress::parseSubnet(entry + u"/32"_s);
        if (subnet.first.isNull())
            continue;
        if (subnet.first.protocol() == QAbstractSocket::IPv4Protocol && subnet.second > 32)
            subnet.second = 32;
        result << subnet;
    }
    return result;
}

QHostAddress clientAddress(const HttpRequest &request, const TrustedProxies &trusted)
{
    if (trusted.isEmpty() || !isTrusted(request.peer, trusted))
        return request.peer;
    const QList<QHostAddress> hops = forwardedHops(request);
    // The right-most hop was added by our proxy; walk left past proxies we trust.
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        if (it->isNull())
            return request.peer;   // unparseable: do not guess
        if (!isTrusted(*it, trusted))
            return *it;
    }
    return hops.isEmpty() ? request.peer : hops.first();
}

} // namespace cairn
