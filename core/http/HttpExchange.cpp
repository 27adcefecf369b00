#include "HttpExchange.h"

#include "BodySource.h"
#include "HttpConnection.h"
#include "JsonErrorAnswer.h"

#include <QAbstractSocket>

namespace cairn {
namespace {

// A header the guard adds to every answer appears once even where the route set it as well
// (browsers refuse a CORS answer with two Access-Control-Allow-Origin); Vary lists merge.
void addOnce(HttpResponse &response, const QByteArray &name, const QByteArray &value)
{
    const QByteArray existing = response.header(name);
    if (name.compare("Vary", Qt::CaseInsensitive) == 0 && !existing.isEmpty()) {
        for (const QByteArray &field : existing.split(','))
            if (field.trimmed().compare(value, Qt::CaseInsensitive) == 0)
                return;
        response.setHeader(name, existing + ", " + value);
        return;
    }
    response.setHeader(name, value);
}

} // namespace

DeferredAnswer::DeferredAnswer(HttpConnection *connection, quint64 serial)
    : m_connection(connection), m_serial(serial)
{
}

QObject *DeferredAnswer::context() const
{
    return m_connection.data();
}

void DeferredAnswer::give(const std::function<void(HttpExchange &)> &answer) const
{
    if (!m_connection)
        return;
    if (HttpExchange *exchange = m_connection->waitingExchange(m_serial))
        answer(*exchange);
}

DeferredAnswer HttpExchange::defer()
{
    m_deferred = true;
    return m_connection.deferCurrent();
}

void HttpExchange::respond(const HttpResponse &response)
{
    Q_ASSERT(!m_responded);
    if (m_responded)
        return;
    m_responded = true;
    if (!m_extraHeaders.isEmpty()) {
        HttpResponse decorated = response;
        for (const auto &[name, value] : m_extraHeaders)
            addOnce(decorated, name, value);
        return m_connection.sendResponse(*this, decorated);
    }
    m_connection.sendResponse(*this, response);
}

void HttpExchange::fail(const DomainError &error)
{
    respond(errorAnswer(error));
}

HttpResponse HttpExchange::errorAnswer(const DomainError &error) const
{
    return m_errorAnswer ? m_errorAnswer(error) : jsonErrorAnswer(error);
}

void HttpExchange::stream(const HttpResponse &head, std::unique_ptr<BodySource> body, const StreamInfo &info)
{
    Q_ASSERT(!m_responded);
    if (m_responded)
        return;
    m_responded = true;
    // A revoked user's stream ends with its connection (the socket is the connection's parent).
    if (m_identity.watchRevocation)
        m_identity.watchRevocation(&m_connection, [c = &m_connection] {
            if (auto *socket = qobject_cast<QAbstractSocket *>(c->parent()))
                socket->abort();
        });
    HttpResponse decorated = head;
    for (const auto &[name, value] : m_extraHeaders)
        addOnce(decorated, name, value);
    m_connection.sendStream(*this, decorated, std::move(body), info);
}

} // namespace cairn
