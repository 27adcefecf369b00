#include "http/HttpExchange.h"

#include "http/ApiError.h"
#include "http/BodySource.h"
#include "http/HttpConnection.h"

namespace cairn {

void HttpExchange::respond(const HttpResponse &response)
{
    Q_ASSERT(!m_responded);
    if (m_responded)
        return;
    m_responded = true;
    m_connection.sendResponse(m_request, response);
}

void HttpExchange::fail(const ApiError &error)
{
    respond(toResponse(error));
}

void HttpExchange::stream(const HttpResponse &head, std::unique_ptr<BodySource> body)
{
    Q_ASSERT(!m_responded);
    if (m_responded)
        return;
    m_responded = true;
    m_connection.sendStream(m_request, head, std::move(body));
}

} // namespace cairn
