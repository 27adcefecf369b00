#include "SsdpNotices.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

namespace {

QByteArray hostHeader()
{
    return QByteArray(ssdpGroupAddress) + ':' + QByteArray::number(ssdpPort);
}

QByteArray cacheControl(const SsdpOrigin &origin)
{
    return "max-age=" + QByteArray::number(origin.maxAgeSeconds);
}

} // namespace

SsdpMessage aliveNotice(const SsdpTarget &target, const SsdpOrigin &origin)
{
    SsdpMessage message = SsdpMessage::request("NOTIFY");
    message.addHeader("HOST", hostHeader());
    message.addHeader("CACHE-CONTROL", cacheControl(origin));
    message.addHeader("LOCATION", origin.location);
    message.addHeader("NT", target.type);
    message.addHeader("NTS", "ssdp:alive");
    message.addHeader("SERVER", origin.server);
    message.addHeader("USN", target.usn);
    return message;
}

SsdpMessage byebyeNotice(const SsdpTarget &target)
{
    SsdpMessage message = SsdpMessage::request("NOTIFY");
    message.addHeader("HOST", hostHeader());
    message.addHeader("NT", target.type);
    message.addHeader("NTS", "ssdp:byebye");
    message.addHeader("USN", target.usn);
    return message;
}

SsdpMessage searchAnswer(const SsdpTarget &target, const SsdpOrigin &origin, const QDateTime &now)
{
    SsdpMessage message = SsdpMessage::response();
    message.addHeader("CACHE-CONTROL", cacheControl(origin));
    message.addHeader("DATE", httpDate(now));
    message.addHeader("EXT", {});
    message.addHeader("LOCATION", origin.location);
    message.addHeader("SERVER", origin.server);
    message.addHeader("ST", target.type);
    message.addHeader("USN", target.usn);
    return message;
}

QByteArray httpDate(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

} // namespace cairn::dlna
