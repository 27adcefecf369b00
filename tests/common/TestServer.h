#pragma once
// One running Cairn backend for tests and benchmarks: a catalog in a temporary directory
// (TestCatalog), the services a suite switches on in TestServerOptions, wired as the runtime
// wires them, and the real HttpServer on an ephemeral 127.0.0.1 port. An area's fixture is at
// most a thin extension adding its users, its request guard and its helpers.

#include "TestCatalog.h"
#include "activity/StreamLimits.h"
#include "auth/User.h"
#include "hls/HlsSettings.h"
#include "hls/OptimiseQueue.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace cairn {
class ActivityRegistry;
class ActivityTimeline;
class AppPasswordStore;
class Authenticator;
class FfmpegQueue;
class HlsService;
class MetricsRegistry;
class RequestRateLimit;
class SubsonicAuthenticator;
class TranscodeService;
class UserAdministration;
class UserRevocations;
class VideoPreviews;
class VideoSubtitles;
namespace artwork {
class ArtworkService;
}
} // namespace cairn

namespace cairn::test {

struct TestServerOptions
{
    HttpServerConfig config;                 // its port is always 0
    RequestGuard guard;                      // with no real auth; empty = every caller is the local administrator
    std::function<void()> requestScan;       // empty = scan requests are ignored
    std::function<bool()> isScanning;        // empty = never scanning
    bool scanFirst = false;                  // scan the library before the services start
    qint64 uploadMaxBytes = 4LL << 30;       // as the runtime's default; 0 = no upload route
    const Database *database = nullptr;      // serve this catalog instead of the fixture's (benchmarks)
    QString workDirectory;                   // caches and work folders; empty = the temporary directory

    bool transcoding = false;                // also on with previews and HLS
    int maxTranscodes = 4;
    int ffmpegQueueLength = 64;              // FFmpeg jobs that may wait for a slot
    int ffmpegQueueTimeoutMs = 30000;
    bool transcodeCache = false;             // in transcodeCacheDir(); also on with previews and HLS
    QString ffmpegProgram;                   // replaces the real FFmpeg (tests of failures)

    bool activity = false;                   // the activity registry; also on with HLS and metrics
    std::optional<StreamLimits> limits;      // empty = the registry's own (and the default request rate)
    int timelineIntervalMs = 10000;          // the activity timeline's sampling interval (360 samples kept)
    bool metrics = false;                    // a MetricsRegistry with Cairn's metrics and /metrics
    bool publicMetrics = false;

    bool artwork = false;                    // the artwork service, its cache in artworkCacheDir()
    qint64 artworkCacheBytes = 64LL << 20;

    bool previews = false;                   // video thumbnails/previews, cached in the work folder
    bool hls = false;
    HlsSettings hlsSettings;                 // its work directory is the fixture's
    bool subtitles = false;                  // video subtitles as WebVTT, cached in the work folder
    bool optimised = false;                  // with hls: the optimised store (in the work folder) and queue
    qint64 optimisedStoreBytes = 1LL << 30;
    OptimiseSettings optimiseSettings;       // its program and encoder speed are the HLS service's

    bool users = false;                      // UserAdministration (user routes need `auth` too)
    bool auth = false;                       // Authenticator and the real auth guard (implies users),
                                             // app passwords and the Subsonic credential check
    QByteArray signingSecret;                // empty = loadOrCreateSigningSecret(the data directory)
    QStringList corsOrigins;
    QStringList trustedProxies;
    // Last word on the services before the server starts (a suite's own, e.g. DLNA's).
    std::function<void(HttpServices &)> moreServices;
};

class TestServer
{
public:
    explicit TestServer(const QStringList &folders = {QStringLiteral("library")});
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    // Media files go here before scan().
    QString libraryDir() const { return m_catalog.libraryDir(); }
    QString libraryPath(const QString &name) const { return m_catalog.libraryPath(name); }
    QString dataDir() const { return m_catalog.dataDir(); }
    QString filePath(const QString &name) const { return m_catalog.filePath(name); }
    QString workPath(const QString &name) const;
    QString transcodeCacheDir() const { return workPath(QStringLiteral("transcodes")); }
    QString artworkCacheDir() const { return workPath(QStringLiteral("artcache")); }

    // Opens the catalog once, before start() when a test needs the database first ("" = ok).
    QString open();
    // Opens the catalog (once), builds the services and starts the server ("" = ok).
    QString start(const TestServerOptions &options = {});
    // Stops the server: its streams end with their connections, before the services go.
    void stop();
    // Runs a full scan on this thread; returns whether it finished.
    bool scan() { return m_catalog.scan(); }
    qint64 trackIdFor(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }
    QByteArray streamPath(const QString &fileName) const;   // /api/tracks/<id>/stream

    TestCatalog &catalog() { return m_catalog; }
    Database &database() { return m_catalog.database(); }
    LibraryScanner &scanner() { return m_catalog.scanner(); }
    qint64 libraryFolderId() const { return m_catalog.libraryFolderId(); }
    HttpServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

    // The services switched on in the options (else null).
    TranscodeService *transcoding() const { return m_transcoding.get(); }
    ActivityRegistry *activity() const { return m_activity.get(); }
    ActivityTimeline *activityTimeline() const { return m_timeline.get(); }
    MetricsRegistry *metrics() const { return m_metrics.get(); }
    artwork::ArtworkService *artwork() const { return m_artwork.get(); }
    VideoPreviews *previews() const { return m_previews.get(); }
    HlsService *hls() const { return m_hls.get(); }
    OptimiseQueue *optimiser() const { return m_optimiser.get(); }
    VideoSubtitles *subtitles() const { return m_subtitles.get(); }
    Authenticator *auth() const { return m_auth.get(); }
    UserAdministration *users() const { return m_users.get(); }
    AppPasswordStore *appPasswords() const { return m_appPasswords.get(); }
    SubsonicAuthenticator *subsonicAuth() const { return m_subsonicAuth.get(); }
    QByteArray signingSecret() const { return m_secret; }

    // Creates a user; returns its id, 0 when refused (users must be on).
    qint64 addUser(const UserChanges &user);
    // A fresh bearer token (no login round trip) valid for an hour (auth must be on).
    QByteArray tokenFor(qint64 userId);

private:
    TestCatalog m_catalog;
    QString m_workDirectory;
    QByteArray m_secret;
    std::unique_ptr<UserRevocations> m_revocations;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<UserAdministration> m_users;
    std::unique_ptr<AppPasswordStore> m_appPasswords;
    std::unique_ptr<SubsonicAuthenticator> m_subsonicAuth;
    std::unique_ptr<TranscodeService> m_transcoding;
    std::unique_ptr<ActivityRegistry> m_activity;
    std::unique_ptr<ActivityTimeline> m_timeline;   // reads m_activity
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<FfmpegQueue> m_ffmpeg;   // poster frames when there is no transcode service
    std::unique_ptr<artwork::ArtworkService> m_artwork;
    std::unique_ptr<VideoPreviews> m_previews;
    std::unique_ptr<OptimisedStore> m_optimisedStore;
    std::unique_ptr<OptimiseQueue> m_optimiser;
    std::unique_ptr<HlsService> m_hls;
    std::unique_ptr<VideoSubtitles> m_subtitles;
    std::unique_ptr<RequestRateLimit> m_rateLimit;   // with auth: the guard's, as the runtime's
    std::unique_ptr<HttpServer> m_server;
    bool m_opened = false;
};

} // namespace cairn::test
