#include "http/HttpRequest.h"

#include <QHttpServerRequest>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

HttpMethod methodOf(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return HttpMethod::Get;
    case QHttpServerRequest::Method::Head: return HttpMethod::Head;
    case QHttpServerRequest::Method::Post: return HttpMethod::Post;
    case QHttpServerRequest::Method::Put: return HttpMethod::Put;
    case QHttpServerRequest::Method::Delete: return HttpMethod::Delete;
    case QHttpServerRequest::Method::Options: return HttpMethod::Options;
    case QHttpServerRequest::Method::Patch: return HttpMethod::Patch;
    default: return HttpMethod::Other;
    }
}

} // namespace

QByteArray methodName(HttpMethod m)
{
    switch (m) {
    case HttpMethod::Get: return "GET"_ba;
    case HttpMethod::Head: return "HEAD"_ba;
    case HttpMethod::Post: return "POST"_ba;
    case HttpMethod::Put: return "PUT"_ba;
    case HttpMethod::Delete: return "DELETE"_ba;
    case HttpMethod::Options: return "OPTIONS"_ba;
    case HttpMethod::Patch: return "PATCH"_ba;
    case HttpMethod::Other: break;
    }
    return "OTHER"_ba;
}

HttpRequest HttpRequest::fromQt(const QHttpServerRequest &request, bool http10)
{
    HttpRequest r;
    r.method = methodOf(request.method());
    r.methodName = cairn::methodName(r.method);
    const QUrl url = request.url();
    // Split the still-encoded path so an encoded '/' (%2F) stays inside its segment.
    const QByteArray encodedPath = url.path(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &part : encodedPath.split('/')) {
        if (part.isEmpty())
            continue;
        r.segments << QString::fromUtf8(QByteArray::fromPercentEncoding(part));
    }
    r.path = u'/' + r.segments.join(u'/');
    // QtHttpServer 6.4 leaves a literal '+' in the query undecoded; forms mean a space.
    QString query = url.query(QUrl::FullyEncoded);
    query.replace(u'+', u"%20"_s);
    r.query = QUrlQuery(query);
    r.headers = request.headers();
    r.body = request.body();
    r.peer = request.remoteAddress();
    r.http10 = http10;
    r.received.start();
    return r;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    QByteArray value;
    for (const auto &[key, v] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!value.isEmpty())
            value += ", ";
        value += v.trimmed();
    }
    return value;
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpRequest::wantsClose() const
{
    const QByteArray connection = header("connection").toLower();
    const auto hasToken = [&](QByteArrayView token) {
        for (const QByteArray &t : connection.split(','))
            if (t.trimmed() == token)
                return true;
        return false;
    };
    if (http10)
        return !hasToken("keep-alive");
    return hasToken("close");
}

} // namespace cairn
