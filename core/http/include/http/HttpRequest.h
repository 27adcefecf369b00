#pragma once
// One parsed HTTP request as a plain value, so it can wait in a connection's pipeline queue.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace cairn {

// Subscribe/Unsubscribe: UPnP eventing (GENA), for DLNA control points.
enum class HttpMethod { Get, Head, Post, Put, Delete, Options, Patch, Subscribe, Unsubscribe, Other };

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
    // How the body is framed: its Content-Length, or -1 when chunked or absent (then `chunked`
    // tells the two apart). Set by the parser from the validated head.
    qint64 contentLength = -1;
    bool chunked = false;
    QHostAddress peer;
    QHostAddress local;             // this server's end of the connection: how the client reached it
    quint16 localPort = 0;
    bool http10 = false;            // HTTP/1.0 request line
    QElapsedTimer received;         // started when the request was complete

    // Fills path, segments and query from a request-target in origin form ("/a/b?c=d"),
    // absolute form ("http://host/a/b?c=d") or "*" (OPTIONS only). False when it is none of
    // them or holds bytes a target cannot (controls, spaces, non-ASCII, '#').
    bool setTarget(QByteArrayView target);

    // Value of a header (case-insensitive name); several fields are joined with ", ".
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool isHead() const { return method == HttpMethod::Head; }
    // True when the client asked to close the connection after this response.
    bool wantsClose() const;
};

} // namespace cairn
