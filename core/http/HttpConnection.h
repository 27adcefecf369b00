#pragma once
// One client connection on a worker thread: reads its bytes through the strict RequestParser,
// answers requests strictly in order (a request pipelined behind a streamed body waits for
// that body to end), applies idle and slow-request timeouts, answers a request it cannot
// frame and then closes, and writes the access log line. A route that streams its body (an
// upload) gets it piece by piece when its request's turn comes, read only as fast as it is
// written, with a timeout for silence rather than for the whole body.

#include "http/HttpRequest.h"

#include "RequestParser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <memory>
#include <optional>

#include "HttpExchange.h"

class QTcpSocket;

namespace cairn {

class ActivityRegistry;
class BodySink;
class BodySource;
class HttpExchange;
class MetricsRegistry;
class Router;
struct HttpResponse;
struct RouteMatch;
struct StreamInfo;

struct ConnectionLimits
{
    int idleTimeoutMs = 30000;        // keep-alive connection with no request
    int requestTimeoutMs = 15000;     // from a request's first byte to its last
    RequestLimits request;            // request line, header and body sizes
    // Where counted streams register (limits, pacing, End); null = none of that.
    ActivityRegistry *activity = nullptr;
    // Where every answered request is counted; null = not counted.
    MetricsRegistry *metrics = nullptr;
};

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const Router &router, const ConnectionLimits &limits);
    ~HttpConnection() override;

    // The request being answered, as a handle for an answer given later (HttpExchange::defer),
    // and back: the exchange the handle names while it still waits for its answer.
    DeferredAnswer deferCurrent();
    HttpExchange *waitingExchange(quint64 serial);

    // Used by HttpExchange.
    void sendResponse(const HttpExchange &exchange, const HttpResponse &response);
    // A counted stream (info.counted) is refused with 503 + Retry-After beyond the activity
    // limits; otherwise it is registered, paced and endable while its body is sent.
    void sendStream(const HttpExchange &exchange, const HttpResponse &head, std::unique_ptr<BodySource> body,
                    const StreamInfo &info);

private:
    // What the access log and the metrics need once a response is over.
    struct Answered
    {
        HttpRequest request;
        QString user;
        QString route;
        int status = 0;
    };
    void onReadyRead();
    // Parses what has arrived into the pipeline queue, up to its bound.
    void parseAvailable();
    void processNext();
    // Runs a matched route's guard and handler on the current exchange.
    void runRoute(const RouteMatch &match);
    // A head whose body is still to come: false while a streaming route's request must wait
    // for the answers before it; any other route's body is held whole.
    bool routeBody();
    void startStreamedBody(const RouteMatch &match);
    bool writeBodyPiece();
    void finishStreamedBody();
    // Drops what the sink stored and answers (the connection then closes: the body is unread).
    void abortStreamedBody(const HttpResponse &answer);
    bool closesAfter(const HttpRequest &request) const { return request.wantsClose() || m_bodyUnread; }
    void answerFramingError();
    void armTimers();
    void finishResponse(const Answered &answered, qint64 bodyBytes, bool ok, bool close);
    void onRequestTimeout();

    QTcpSocket *m_socket;
    const Router &m_router;
    ConnectionLimits m_limits;
    RequestParser m_parser;
    QQueue<HttpRequest> m_pending;
    std::optional<RequestError> m_framingError;   // answered after the requests before it
    HttpRequest m_current;                     // the request being answered
    std::unique_ptr<HttpExchange> m_exchange;  // its exchange (kept while its answer is deferred)
    std::unique_ptr<BodySink> m_sink;          // where its body goes while it streams in
    bool m_bodyUnread = false;                 // its body was not (wholly) read: close after the answer
    quint64 m_serial = 0;                      // counts requests, so a late answer finds its own
    bool m_busy = false;
    bool m_closing = false;
    QString m_route;                  // pattern of the route being answered, for metrics
    QTimer m_idleTimer;
    QTimer m_requestTimer;
};

} // namespace cairn
