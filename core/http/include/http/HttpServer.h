#pragma once
// Cairn's HTTP face: one listening socket, N worker threads each reading and answering its
// own connections, and the routing table. Handlers never run on the thread that owns
// this object (the GUI thread in the desktop app).

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include "http/auth/ClientAddress.h"
#include "http/Router.h"
#include "base/Result.h"
#include "dlna/DlnaSettings.h"

#include <functional>
#include <memory>
#include <optional>

namespace cairn {

namespace artwork {
class ArtworkService;
}
namespace dlna {
class DlnaDevice;
class EventNotifier;
class EventSubscriptions;
}
class ActivityRegistry;
class ActivityTimeline;
class AppPasswordStore;
class HlsService;
class VideoSubtitles;
class OptimiseQueue;
class Authenticator;
class Database;
class MetricsRegistry;
struct StreamLimits;
class SubsonicAuthenticator;
class TranscodeService;
class UserAdministration;
class VideoPreviews;

struct HttpServerConfig
{
    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 port = 8765;   // 0 picks a free port (tests)
    int workerThreads = 0; // 0 = max(2, ideal thread count)
    int idleTimeoutMs = 30000;      // a kept-alive connection with no request is closed
    int requestTimeoutMs = 15000;   // a request must arrive whole within this (slow clients, huge headers);
                                    // a streamed body (an upload) must only never be silent this long
    std::optional<QSslConfiguration> tls;   // certificate + key: serve HTTPS only; empty = plain HTTP
};

// What the HTTP layer may ask of the rest of the application.
struct HttpServices
{
    const Database *database = nullptr;
    std::function<void()> requestScan;        // thread-safe; starts (or queues) a rescan
    std::function<bool()> isScanning;         // thread-safe
    // The largest upload into a library folder (POST /api/folders/{id}/upload); 0 = no uploads.
    qint64 uploadMaxBytes = 0;
    // Authenticates requests for routes that are not Access::Public (see Router.h). Empty =
    // every caller is the local administrator: only acceptable while bound to loopback.
    RequestGuard guard;
    Authenticator *auth = nullptr;            // thread-safe; null = no login/user routes
    UserAdministration *users = nullptr;      // thread-safe; with `auth`
    AppPasswordStore *appPasswords = nullptr; // thread-safe; with `users`; null = no app password routes
    // Thread-safe; who a Subsonic request's u/p/t/s/apiKey name (for the Subsonic API). Null
    // where the server has no users.
    SubsonicAuthenticator *subsonicAuth = nullptr;
    TrustedProxies trustedProxies;            // whose Forwarded/X-Forwarded-For is believed
    QStringList corsOrigins;                  // browser origins allowed cross-origin; empty = CORS off
    ActivityRegistry *activity = nullptr;     // thread-safe; null = streams are not listed, limited or paced
    const ActivityTimeline *activityTimeline = nullptr;   // thread-safe reads; with `activity`; null = no timeline route
    // Thread-safe, never blocks on another thread; applies new limits to `activity` at once and
    // keeps them for the next start. Empty = they are only applied to `activity`.
    std::function<void(const StreamLimits &)> applyStreamLimits;
    MetricsRegistry *metrics = nullptr;       // thread-safe; null = no /metrics
    bool publicMetrics = false;               // GET /metrics without authentication (else admins only)
    artwork::ArtworkService *artwork = nullptr;   // thread-safe; null = no artwork routes
    TranscodeService *transcoding = nullptr;  // thread-safe; null = transcode requests answer 503
    VideoPreviews *videoPreviews = nullptr;   // thread-safe; null = no video thumbnail/preview routes
    HlsService *hls = nullptr;                // thread-safe; null = no HLS routes
    VideoSubtitles *subtitles = nullptr;      // thread-safe; null = no subtitle routes or renditions
    OptimiseQueue *optimiser = nullptr;       // thread-safe; with `hls`; null = no optimised-version routes
    // The DLNA media server; null = off, nothing under /dlna exists. Both thread-safe; the
    // notifier lives on the DLNA thread (called by queued invocations only).
    dlna::DlnaDevice *dlna = nullptr;
    dlna::EventSubscriptions *dlnaSubscriptions = nullptr;
    dlna::EventNotifier *dlnaNotifier = nullptr;
    // The DLNA settings and state for administrators (GET/PUT /api/dlna); empty = not offered.
    // Both called on HTTP workers: a read of a snapshot, and a change checked at once (an
    // unknown or disabled account is refused) and then applied on the runtime's own thread.
    std::function<dlna::DlnaStatus()> dlnaStatus;
    std::function<Result<dlna::DlnaStatus>(const dlna::DlnaSettings &)> applyDlnaSettings;
};

class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(HttpServerConfig config, HttpServices services, QObject *parent = nullptr);
    ~HttpServer() override;

    // Starts listening and the workers. Returns an error text on failure.
    std::optional<QString> start();
    void stop();

    // Stops and starts again listening on `address` (same port), e.g. after the user chose LAN
    // or this computer only. When that fails it goes back to the address before and says why.
    std::optional<QString> listenOn(const QHostAddress &address);
    // The same with a new port and TLS configuration (empty = plain HTTP): the settings dialog.
    // The workers restart (open connections close); the services and catalog stay.
    std::optional<QString> listenOn(const QHostAddress &address, quint16 port,
                                    const std::optional<QSslConfiguration> &tls);
    bool isHttps() const;
    QHostAddress bindAddress() const;

    // Paused: the socket stays bound but no new connection is accepted.
    void setPaused(bool paused);
    bool isPaused() const;
    bool isRunning() const;

    quint16 port() const;
    // This computer's address: the bound one, or loopback when listening on every address.
    QUrl baseUrl() const;
    // The addresses a phone or TV on the LAN can open: listening on every address, one per IPv4
    // address of each interface that is up (neither loopback nor link-local); bound to one LAN
    // address, that one; bound to loopback, none. Read from the interfaces at each call.
    QList<QUrl> lanUrls() const;
    // Every registered route (tests enumerate them).
    const Router &router() const;

Q_SIGNALS:
    void stateChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cairn
