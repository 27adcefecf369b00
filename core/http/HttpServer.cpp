#include "http/HttpServer.h"

#include "http/auth/CorsPolicy.h"
#include "http/Router.h"

#include "api/ApiRoutes.h"
#include "ConnectionAcceptor.h"
#include "HttpExchange.h"
#include "HttpLog.h"
#include "HttpWorker.h"
#include "OpenFileLimit.h"
#include "LogLineGuard.h"
#include "ZeroCopy.h"

#include <QNetworkInterface>
#include <QSemaphore>
#include <QThread>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Owns one HttpWorker, constructed inside the thread so that it and every socket it creates
// belong to this thread (sockets cannot move between threads).
class WorkerThread : public QThread
{
public:
    WorkerThread(const Router &router, const ConnectionLimits &limits) : m_router(router), m_limits(limits) {}
    ~WorkerThread() override
    {
        quit();
        wait();
    }
    HttpWorker *worker()
    {
        m_ready.acquire();
        m_ready.release();
        return m_worker;
    }

protected:
    void run() override
    {
        HttpWorker worker(m_router, m_limits);
        m_worker = &worker;
        m_ready.release();
        exec();
        m_worker = nullptr;
    }

private:
    const Router &m_router;
    ConnectionLimits m_limits;
    HttpWorker *m_worker = nullptr;
    QSemaphore m_ready;
};

} // namespace

struct HttpServer::Private
{
    HttpServerConfig config;
    ActivityRegistry *activity = nullptr;
    MetricsRegistry *metrics = nullptr;
    Router router;
    std::vector<std::unique_ptr<WorkerThread>> workers;
    QThread acceptorThread;
    ConnectionAcceptor *acceptor = nullptr;   // lives on acceptorThread
    quint16 port = 0;
    bool running = false;
    bool paused = false;

    void dispatch(qintptr descriptor)
    {
        HttpWorker *best = nullptr;
        for (auto &t : workers) {
            HttpWorker *w = t->worker();
            if (w && (!best || w->connectionCount() < best->connectionCount()))
                best = w;
        }
        if (best)
            best->adoptLater(descriptor);
    }

    bool listenNow()
    {
        bool ok = false;
        QMetaObject::invokeMethod(acceptor, [&] {
            ok = acceptor->listen(config.bindAddress, port ? port : config.port);
            if (ok)
                port = acceptor->serverPort();
        }, Qt::BlockingQueuedConnection);
        return ok;
    }
};

HttpServer::HttpServer(HttpServerConfig config, HttpServices services, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->config = config;
    d->activity = services.activity;
    d->metrics = services.metrics;
    if (services.guard) {
        d->router.setGuard(services.guard);
    } else {
        d->router.setGuard([](const Route &, HttpExchange &exchange) {
            exchange.setIdentity({0, QStringLiteral("local"), true, Visibility::everything()});
            return true;
        });
    }
    addApiRoutes(d->router, services);
    if (!services.corsOrigins.isEmpty())   // last: answers preflights for every route above
        CorsPolicy(services.corsOrigins).addPreflightRoutes(d->router);
}

HttpServer::~HttpServer()
{
    stop();
}

const Router &HttpServer::router() const
{
    return d->router;
}

std::optional<QString> HttpServer::start()
{
    if (d->running)
        return std::nullopt;
    installLogLineGuard();
    raiseOpenFileLimit();
    ignoreBrokenPipeSignal();   // before any body can go out by sendfile

    const int count = d->config.workerThreads > 0 ? d->config.workerThreads
                                                  : qMax(2, QThread::idealThreadCount());
    ConnectionLimits limits;
    limits.idleTimeoutMs = d->config.idleTimeoutMs;
    limits.requestTimeoutMs = d->config.requestTimeoutMs;
    limits.activity = d->activity;
    limits.metrics = d->metrics;
    for (int i = 0; i < count; ++i) {
        auto thread = std::make_unique<WorkerThread>(d->router, limits);
        thread->setObjectName(u"http-worker-%1"_s.arg(i));
        thread->start();
        if (d->config.tls)
            thread->worker()->setTls(*d->config.tls);   // before the first connection can arrive
        d->workers.push_back(std::move(thread));
    }
    d->acceptorThread.setObjectName(u"http-acceptor"_s);
    d->acceptorThread.start();
    d->acceptor = new ConnectionAcceptor([p = d.get()](qintptr fd) { p->dispatch(fd); });
    d->acceptor->setMaxPendingConnections(1024);
    // The kernel's queue of connections not yet accepted; Qt's default (50) overflows in bursts.
    d->acceptor->setListenBacklogSize(1024);
    d->acceptor->moveToThread(&d->acceptorThread);
    connect(&d->acceptorThread, &QThread::finished, d->acceptor, &QObject::deleteLater);

    if (!d->listenNow()) {
        QString error;
        QMetaObject::invokeMethod(d->acceptor, [&] { error = d->acceptor->errorString(); },
                                  Qt::BlockingQueuedConnection);
        stop();
        return tr("Cannot listen on %1:%2: %3")
            .arg(d->config.bindAddress.toString()).arg(d->port ? d->port : d->config.port).arg(error);
    }
    d->running = true;
    qCInfo(lcHttp).noquote() << "listening on" << baseUrl().toString() << "with" << count << "workers";
    Q_EMIT stateChanged();
    return std::nullopt;
}

void HttpServer::stop()
{
    if (d->acceptorThread.isRunning()) {
        QMetaObject::invokeMethod(d->acceptor, [a = d->acceptor] { a->close(); }, Qt::BlockingQueuedConnection);
        d->acceptorThread.quit();
        d->acceptorThread.wait();
        d->acceptor = nullptr;
    }
    d->workers.clear();
    const bool wasRunning = d->running;
    d->running = false;
    d->paused = false;
    if (wasRunning)
        Q_EMIT stateChanged();
}

std::optional<QString> HttpServer::listenOn(const QHostAddress &address)
{
    return listenOn(address, d->port ? d->port : d->config.port, d->config.tls);
}

std::optional<QString> HttpServer::listenOn(const QHostAddress &address, quint16 port,
                                            const std::optional<QSslConfiguration> &tls)
{
    const HttpServerConfig before = d->config;
    const quint16 portBefore = d->port ? d->port : d->config.port;
    stop();
    d->config.bindAddress = address;
    d->config.port = port;
    d->config.tls = tls;
    d->port = 0;
    const std::optional<QString> error = start();
    if (!error)
        return std::nullopt;
    d->config = before;
    d->config.port = portBefore;
    d->port = 0;
    if (const auto again = start())
        qCWarning(lcHttp) << "cannot listen again on" << before.bindAddress.toString() << ":" << *again;
    return error;
}

bool HttpServer::isHttps() const { return d->config.tls.has_value(); }
QHostAddress HttpServer::bindAddress() const { return d->config.bindAddress; }

void HttpServer::setPaused(bool paused)
{
    if (!d->running || paused == d->paused)
        return;
    // Paused means closed: clients are refused instead of waiting in a backlog.
    if (paused) {
        QMetaObject::invokeMethod(d->acceptor, [a = d->acceptor] { a->close(); }, Qt::BlockingQueuedConnection);
    } else if (!d->listenNow()) {
        qCWarning(lcHttp) << "cannot listen again on port" << d->port;
        return;
    }
    d->paused = paused;
    Q_EMIT stateChanged();
}

bool HttpServer::isPaused() const { return d->paused; }
bool HttpServer::isRunning() const { return d->running; }
quint16 HttpServer::port() const { return d->port; }

QUrl HttpServer::baseUrl() const
{
    QHostAddress host = d->config.bindAddress;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(d->config.tls ? u"https"_s : u"http"_s);
    url.setHost(host.toString());
    url.setPort(d->port);
    url.setPath(u"/"_s);
    return url;
}

QList<QUrl> HttpServer::lanUrls() const
{
    const auto urlOf = [this](const QHostAddress &host) {
        QUrl url = baseUrl();
        url.setHost(host.toString());
        return url;
    };
    const QHostAddress bound = d->config.bindAddress;
    const bool everyAddress = bound == QHostAddress::Any || bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6;
    if (!d->running || bound.isLoopback())
        return {};
    if (!everyAddress)
        return {urlOf(bound)};
    QList<QUrl> urls;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            // IPv4 only: what people type into a phone; link-local (169.254/16) reaches nobody.
            if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLinkLocal() && !ip.isLoopback())
                urls << urlOf(ip);
        }
    }
    return urls;
}

} // namespace cairn
