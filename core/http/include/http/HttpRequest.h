#pragma once
// One parsed HTTP request as a plain value, detached from QtHttpServer's per-socket request
// object (which is reused for the next request on the connection), so it can wait in a
// pipeline queue.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

class QHttpServerRequest;

namespace cairn {

enum class HttpMethod { Get, Head, Post, Put, Delete, Options, Patch, Other };

// "GET", "HEAD"…; "OTHER" for methods Cairn does not know.
QByteArray methodName(HttpMethod method);

struct HttpRequest
{
    HttpMethod method = HttpMethod::Other;
    QByteArray methodName;          // as sent, for logs
    QString path;                   // percent-decoded path, e.g. "/api/tracks/12"
    QStringList segments;           // decoded path segments, empty ones dropped
    QUrlQuery query;                // '+' already decoded as space
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    bool http10 = false;            // HTTP/1.0 request line
    QElapsedTimer received;         // started when the request was complete

    static HttpRequest fromQt(const QHttpServerRequest &request, bool http10);

    // Value of a header (case-insensitive name); several fields are joined with ", ".
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool isHead() const { return method == HttpMethod::Head; }
    // True when the client asked to close the connection after this response.
    bool wantsClose() const;
};

} // namespace cairn
