#pragma once
// Builds and owns Cairn's running core: settings, catalog, scanner thread and HTTP server.
// The same for the desktop app and --headless; the only place where services are wired.

#include "Options.h"
#include "activity/StreamLimits.h"
#include "base/Result.h"
#include "dlna/DlnaSettings.h"

#include <QObject>
#include <QSettings>
#include <QThread>

#include <memory>
#include <optional>

namespace cairn {

namespace artwork {
class ArtworkService;
}
class ActivityRegistry;
class ActivityTimeline;
class DlnaServer;
class AppPasswordStore;
class Authenticator;
class Database;
class UserAdministration;
class UserRevocations;
class HlsService;
class HttpServer;
class LibraryScanner;
class LibraryWatcher;
class MetricsRegistry;
class RequestRateLimit;
class SubsonicAuthenticator;
class TranscodeService;
class VideoPreviews;
class VideoSubtitles;
class OptimisedStore;
class OptimiseQueue;
struct HttpServerConfig;
struct HttpServices;

class Runtime : public QObject
{
    Q_OBJECT
public:
    explicit Runtime(Options options, QObject *parent = nullptr);
    ~Runtime() override;

    // Opens the catalog, applies --library, starts the scanner thread and the server, and
    // starts an (incremental) scan. Returns an error text when Cairn cannot run.
    std::optional<QString> start();

    QString dataDir() const { return m_dataDir; }
    QSettings &settings() { return *m_settings; }
    Database &database() { return *m_database; }
    LibraryScanner &scanner() { return *m_scanner; }
    HttpServer &server() { return *m_server; }
    UserAdministration &users() { return *m_users; }
    AppPasswordStore &appPasswords() { return *m_appPasswords; }
    artwork::ArtworkService &artwork() { return *m_artwork; }
    ActivityRegistry &activity() { return *m_activity; }
    const ActivityTimeline &activityTimeline() const { return *m_activityTimeline; }
    TranscodeService &transcoding() { return *m_transcoding; }
    OptimiseQueue &optimiser() { return *m_optimiser; }
    // Resizes the transcode cache now (evicting as needed) and keeps the size in the settings.
    void setTranscodeCacheMiB(int mib);
    // Applies new stream limits now and keeps them in the settings.
    void setStreamLimits(const StreamLimits &limits);
    // Checks DLNA settings (the account must exist and be enabled), applies them now and keeps
    // them; the error says what is wrong and nothing changes.
    Result<dlna::DlnaStatus> setDlnaSettings(const dlna::DlnaSettings &settings);
    DlnaServer &dlna() { return *m_dlna; }
    // Whether the home network may connect (listening on every address) or only this computer
    // (loopback): kept in the settings and applied now by listening again on the same port.
    std::optional<QString> setLanAccess(bool lan);
    // Listens on a new address, port and HTTPS certificate (empty paths = plain HTTP): checks
    // the files, restarts the HTTP workers and keeps the choice. On failure the server goes on
    // as before, nothing is kept, and the reason is returned.
    std::optional<QString> setListening(const QHostAddress &address, quint16 port,
                                        const QString &tlsCertificate, const QString &tlsKey);
    // Applies the finished-stream history's bounds now and keeps them.
    void setHistoryRetention(int maxRows, int maxDays);

    static QString defaultDataDir();

private:
    void addLibraries();
    std::optional<QString> startAuth();
    void startWatching();
    void startActivity(HttpServerConfig &config, HttpServices &services);
    void startHls(HttpServices &services);
    void startDlna(HttpServices &services);
    void storeStreamLimits(const StreamLimits &limits);

    Options m_options;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Database> m_database;
    QThread m_scanThread;
    LibraryScanner *m_scanner = nullptr;      // lives on m_scanThread
    LibraryWatcher *m_watcher = nullptr;      // the scanner's child (null when scan/watch is off)
    std::unique_ptr<UserRevocations> m_revocations;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<UserAdministration> m_users;
    std::unique_ptr<AppPasswordStore> m_appPasswords;
    std::unique_ptr<SubsonicAuthenticator> m_subsonicAuth;
    std::unique_ptr<ActivityRegistry> m_activity;         // outlives the server (streams hold tickets)
    std::unique_ptr<ActivityTimeline> m_activityTimeline; // reads m_activity; outlives the server
    std::unique_ptr<MetricsRegistry> m_metrics;           // outlives the server
    std::unique_ptr<TranscodeService> m_transcoding;      // outlives the server (bodies hold its slots)
    std::unique_ptr<artwork::ArtworkService> m_artwork;   // outlives the server; takes poster frames through m_transcoding's queue
    std::unique_ptr<VideoPreviews> m_videoPreviews;       // outlives the server
    std::unique_ptr<VideoSubtitles> m_subtitles;          // outlives the server
    std::unique_ptr<OptimisedStore> m_optimisedStore;     // outlives the HLS sessions that read it
    std::unique_ptr<OptimiseQueue> m_optimiser;           // goes before m_transcoding (it holds a slot)
    std::unique_ptr<HlsService> m_hls;                    // outlives the server (bodies hold sessions)
    std::unique_ptr<RequestRateLimit> m_rateLimit;        // outlives the server (its guard asks it)
    std::unique_ptr<DlnaServer> m_dlna;                   // outlives the server (its routes read the device)
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn
