#include "http/HttpRequest.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

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
    case HttpMethod::Subscribe: return "SUBSCRIBE"_ba;
    case HttpMethod::Unsubscribe: return "UNSUBSCRIBE"_ba;
    case HttpMethod::Other: break;
    }
    return "OTHER"_ba;
}

bool HttpRequest::setTarget(QByteArrayView target)
{
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#')
            return false;
    }
    if (target == "*") {
        if (method != HttpMethod::Options)
            return false;
        path = u"*"_s;
        return true;
    }
    if (!target.startsWith('/')) {
        // absolute-form: only http(s) URIs with an authority; the path is what matters here.
        const qsizetype schemeEnd = target.indexOf("://");
        const QByteArray scheme = target.first(qMax<qsizetype>(schemeEnd, 0)).toByteArray().toLower();
        if (schemeEnd <= 0 || (scheme != "http" && scheme != "https"))
            return false;
        target = target.sliced(schemeEnd + 3);
        const qsizetype pathStart = target.indexOf('/');
        const qsizetype queryStart = target.indexOf('?');
        const qsizetype authorityEnd = pathStart >= 0 && (queryStart < 0 || pathStart < queryStart) ? pathStart
                                       : queryStart >= 0 ? queryStart : target.size();
        if (authorityEnd == 0)
            return false;
        target = target.sliced(authorityEnd);
    }
    const qsizetype q = target.indexOf('?');
    const QByteArrayView encodedPath = q < 0 ? target : target.first(q);
    // Split the still-encoded path so an encoded '/' (%2F) stays inside its segment.
    segments.clear();
    for (const QByteArrayView part : QByteArrayList(encodedPath.toByteArray().split('/'))) {
        if (part.isEmpty())
            continue;
        segments << QString::fromUtf8(QByteArray::fromPercentEncoding(part.toByteArray()));
    }
    path = u'/' + segments.join(u'/');
    // Forms mean a space by '+'.
    QString encodedQuery = q < 0 ? QString() : QString::fromLatin1(target.sliced(q + 1));
    encodedQuery.replace(u'+', u"%20"_s);
    query = QUrlQuery(encodedQuery);
    return true;
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
