#include "http/HttpResponse.h"

#include "stream/HttpDate.h"

#include <QDateTime>

namespace cairn {

HttpResponse &HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray markupSafeJson(const QJsonDocument &doc)
{
    QByteArray json = doc.toJson(QJsonDocument::Compact);
    // JSON has these characters only inside strings, where the escapes mean the same.
    if (json.contains('<') || json.contains('>') || json.contains('&'))
        json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    return json;
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &doc)
{
    HttpResponse r;
    r.status = status;
    r.body = markupSafeJson(doc);
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    // Every JSON answer, errors included (they may quote what the client sent): a browser must
    // never take one for HTML or script.
    r.setHeader("X-Content-Type-Options", "nosniff");
    return r;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray serializeHead(const HttpResponse &head, qint64 contentLength, bool closeConnection)
{
    QByteArray out;
    out.reserve(512);
    out += "HTTP/1.1 " + QByteArray::number(head.status) + ' ' + reasonPhrase(head.status) + "\r\n";
    out += "Date: " + formatHttpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    out += "Server: Cairn/" + QByteArrayLiteral(CAIRN_VERSION) + "\r\n";
    for (const auto &[name, value] : head.headers)
        out += name + ": " + value + "\r\n";
    const bool bodyless = head.status == 204 || head.status == 304 || head.status < 200;
    if (!bodyless)
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace cairn
