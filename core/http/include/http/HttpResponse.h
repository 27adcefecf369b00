#pragma once
// A response head (status and headers) and, for small answers, its whole body in memory.
// Media bodies are not held here: they stream from a BodySource.

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>

namespace cairn {

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(int status, const QJsonDocument &doc);
    static HttpResponse empty(int status);
};

// `doc` as compact JSON with every <, > and & written \u003c, \u003e, \u0026: the same JSON to
// any parser, but text a client sent (an id, a name quoted in an error) can never read as
// markup to a browser that guesses the type.
QByteArray markupSafeJson(const QJsonDocument &doc);

QByteArray reasonPhrase(int status);

// "HTTP/1.1 <status> <reason>\r\n<headers>\r\n" with Content-Length set to `contentLength`
// (omitted for 1xx/204/304), plus Date and Server.
QByteArray serializeHead(const HttpResponse &head, qint64 contentLength, bool closeConnection);

} // namespace cairn
