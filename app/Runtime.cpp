#include "Runtime.h"

#include "DlnaServer.h"
#include "FirstAdmin.h"
#include "artwork/ArtworkService.h"
#include "auth/AppPasswordStore.h"
#include "auth/Authenticator.h"
#include "auth/CredentialsKey.h"
#include "auth/SigningSecret.h"
#include "auth/SubsonicAuthenticator.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "base/OwnerOnly.h"
#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"
#include "activity/CairnMetrics.h"
#include "activity/MetricsRegistry.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "hls/HlsService.h"
#include "hls/OptimiseQueue.h"
#include "http/HttpServer.h"
#include "http/auth/AuthGuard.h"
#include "http/auth/RequestRateLimit.h"
#include "http/auth/TlsFiles.h"
#include "preview/VideoPreviews.h"
#include "subtitle/VideoSubtitles.h"
#include "scan/LibraryScanner.h"
#include "scan/LibraryWatcher.h"
#include "transcode/TranscodeService.h"
#include "upload/StaleUploads.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "cairn.app")

namespace cairn {
namespace {

// The catalog holds password hashes and tokens: owner only. Created empty first so SQLite's
// -wal and -shm files, which copy the database file's permissions, are born private too.
void restrictToOwner(const QString &catalogPath)
{
    if (!QFile::exists(catalogPath)) {
        QFile create(catalogPath);
        create.open(QIODevice::WriteOnly);
    }
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        if (QFile::exists(catalogPath + suffix))
            QFile::setPermissions(catalogPath + suffix, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

constexpr quint16 kDefaultPort = 8765;
constexpr int kDefaultArtworkCacheMiB = 256;
constexpr int kDefaultTranscodeCacheMiB = 2048;
constexpr int kDefaultThumbnailCacheMiB = 64;
constexpr int kDefaultSubtitleCacheMiB = 32;
constexpr int kDefaultOptimisedStoreMiB = 20480;
constexpr qint64 kDefaultUploadMaxBytes = 4LL << 30;
} // namespace

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_dataDir = m_options.dataDir.isEmpty() ? defaultDataDir() : m_options.dataDir;
}

Runtime::~Runtime()
{
    if (m_server)
        m_server->stop();
    if (m_scanner) {
        m_scanner->cancel();
        m_scanThread.quit();
        m_scanThread.wait();
    }
}

QString Runtime::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

std::optional<QString> Runtime::start()
{
    // Created owner-only: the catalog, the secrets and the caches inside tell what the users own
    // and play. A folder that already exists keeps the permissions its owner gave it.
    const bool created = QFileInfo::exists(m_dataDir) ? QFileInfo(m_dataDir).isDir() : makeOwnerOnlyDir(m_dataDir);
    if (!created)
        return tr("Cannot create the data directory %1").arg(m_dataDir);
    m_settings = std::make_unique<QSettings>(QDir(m_dataDir).filePath(u"cairn.ini"_s), QSettings::IniFormat);
    // Every cache lives below it; each service makes its own folder owner-only, this makes the
    // root so too when an older version left it open.
    makeOwnerOnlyDir(QDir(m_dataDir).filePath(u"cache"_s));

    // SQLite in the data directory unless catalog/url names another file or a PostgreSQL database.
    const auto location = CatalogLocation::parse(m_settings->value(u"catalog/url"_s).toString(),
                                                 QDir(m_dataDir).filePath(u"catalog.sqlite"_s));
    if (!location)
        return tr("Cannot open the catalog: %1").arg(location.error().message);
    if (location->engine == CatalogLocation::Engine::Sqlite)
        restrictToOwner(location->sqlitePath);
    qCInfo(lcApp).noquote() << "catalog:" << location->describe();
    m_database = std::make_unique<Database>(*location);
    if (const auto error = m_database->open())
        return tr("Cannot open the catalog: %1").arg(*error);
    addLibraries();
    if (const auto error = startAuth())
        return error;

    m_scanner = new LibraryScanner(*m_database);
    startWatching();   // before the move: the watcher is the scanner's child, on its thread
    m_scanner->moveToThread(&m_scanThread);
    connect(&m_scanThread, &QThread::finished, m_scanner, &QObject::deleteLater);
    m_scanThread.setObjectName(u"scanner"_s);
    m_scanThread.start(QThread::LowPriority);
    if (m_watcher) {
        // Queued before the first scan: what changes while it runs is seen.
        QMetaObject::invokeMethod(m_watcher, &LibraryWatcher::syncFolders, Qt::QueuedConnection);
    }

    HttpServerConfig config;
    config.port = m_options.port.value_or(quint16(m_settings->value(u"server/port"_s, kDefaultPort).toUInt()));
    config.bindAddress = m_options.bind.value_or(
        QHostAddress(m_settings->value(u"server/bind"_s, u"0.0.0.0"_s).toString()));
    if (config.bindAddress.isNull())
        config.bindAddress = QHostAddress::LocalHost;
    if (const QString cert = m_settings->value(u"server/tlsCertificate"_s).toString(); !cert.isEmpty()) {
        const auto tls = loadTlsFiles(cert, m_settings->value(u"server/tlsKey"_s).toString());
        if (!tls)
            return tr("Cannot use the HTTPS certificate: %1").arg(tls.error().message);
        config.tls = *tls;
    }

    HttpServices services;
    services.database = m_database.get();
    TranscodeSettings transcode;
    transcode.ffmpegProgram = m_settings->value(u"transcode/ffmpeg"_s, transcode.ffmpegProgram).toString();
    transcode.maxConcurrent = qMax(0, m_settings->value(u"transcode/maxConcurrent"_s, 0).toInt());
    transcode.maxQueued = qBound(0, m_settings->value(u"transcode/maxQueued"_s, transcode.maxQueued).toInt(), 10000);
    transcode.queueTimeoutMs =
        qBound(1, m_settings->value(u"transcode/queueTimeoutSeconds"_s, transcode.queueTimeoutMs / 1000).toInt(), 3600)
        * 1000;
    transcode.cacheDirectory = QDir(m_dataDir).filePath(u"cache/transcodes"_s);
    transcode.cacheMaxBytes = qMax<qint64>(0, m_settings->value(u"transcode/cacheMiB"_s, kDefaultTranscodeCacheMiB).toLongLong()) << 20;
    m_transcoding = std::make_unique<TranscodeService>(*m_database, transcode);
    services.transcoding = m_transcoding.get();

    const qint64 artworkCacheMiB = qBound(8, m_settings->value(u"artwork/cacheMiB"_s, kDefaultArtworkCacheMiB).toInt(), 1 << 20);
    m_artwork = std::make_unique<artwork::ArtworkService>(artwork::ArtworkServiceOptions{
        QDir(m_dataDir).filePath(u"cache/artwork"_s), artworkCacheMiB << 20, 32LL << 20, &m_transcoding->jobs()});
    services.artwork = m_artwork.get();
    VideoPreviewOptions previews;
    previews.thumbnailCacheDirectory = QDir(m_dataDir).filePath(u"cache/thumbnails"_s);
    previews.thumbnailCacheBytes = qint64(qBound(8, m_settings->value(u"preview/thumbnailCacheMiB"_s, kDefaultThumbnailCacheMiB).toInt(), 1 << 20)) << 20;
    m_videoPreviews = std::make_unique<VideoPreviews>(previews, *m_transcoding);
    services.videoPreviews = m_videoPreviews.get();
    VideoSubtitleOptions subtitles;
    subtitles.cacheDirectory = QDir(m_dataDir).filePath(u"cache/subtitles"_s);
    subtitles.cacheBytes = qint64(qBound(1, m_settings->value(u"subtitle/cacheMiB"_s, kDefaultSubtitleCacheMiB).toInt(), 1 << 20)) << 20;
    m_subtitles = std::make_unique<VideoSubtitles>(subtitles, m_transcoding->jobs());
    services.subtitles = m_subtitles.get();
    LibraryScanner *scanner = m_scanner;
    services.requestScan = [scanner] { scanner->requestScan(); };
    services.isScanning = [scanner] { return scanner->isScanning(); };
    services.uploadMaxBytes = qMax<qint64>(0, m_settings->value(u"upload/maxBytes"_s, kDefaultUploadMaxBytes).toLongLong());
    services.auth = m_auth.get();
    services.users = m_users.get();
    services.appPasswords = m_appPasswords.get();
    services.subsonicAuth = m_subsonicAuth.get();
    services.corsOrigins = m_settings->value(u"server/corsOrigins"_s).toStringList();
    services.trustedProxies = parseTrustedProxies(m_settings->value(u"server/trustedProxies"_s).toStringList());
    m_rateLimit = std::make_unique<RequestRateLimit>(services.trustedProxies);
    services.guard = makeAuthGuard(*m_auth, CorsPolicy(services.corsOrigins), m_rateLimit.get());
    startActivity(config, services);
    startHls(services);
    startDlna(services);
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return error;
    m_dlna->setHttpPort(m_server->port());

    services.requestScan();
    return std::nullopt;
}

void Runtime::startWatching()
{
    const QSettings &s = *m_settings;
    WatchSettings watch;
    // Minutes with decimals (a test's few seconds); at least a second.
    const double minutes = s.value(u"scan/periodicMinutes"_s, double(watch.periodicMs) / 60000.0).toDouble();
    watch.periodicMs = minutes <= 0 ? 0 : qMax<qint64>(1000, qint64(qMin(minutes, 525600.0) * 60000.0));
    watch.maxDirectories = qMax(0, s.value(u"scan/maxWatchedDirectories"_s, 0).toInt());
    if (!s.value(u"scan/watch"_s, true).toBool()) {
        qCInfo(lcApp) << "library folders are not watched (scan/watch is false): changes appear at the next rescan";
        return;
    }
    m_watcher = new LibraryWatcher(*m_database, *m_scanner, watch, m_scanner);
}

std::optional<QString> Runtime::startAuth()
{
    const auto secret = loadOrCreateSigningSecret(*m_database, m_dataDir);
    if (!secret)
        return tr("Cannot create the URL signing key in %1").arg(m_database->isPostgres() ? m_database->path() : m_dataDir);
    const auto credentialsKey = loadOrCreateCredentialsKey(*m_database, m_dataDir);
    if (!credentialsKey)
        return tr("Cannot use the app password key %1 (see the log)")
            .arg(m_database->isPostgres() ? m_database->path() : QDir(m_dataDir).filePath(u"credentials.key"_s));
    m_revocations = std::make_unique<UserRevocations>();
    m_auth = std::make_unique<Authenticator>(*m_database, *secret, *m_revocations);
    m_users = std::make_unique<UserAdministration>(*m_database, *m_revocations);
    m_appPasswords = std::make_unique<AppPasswordStore>(*m_database, *credentialsKey, *m_revocations);
    m_subsonicAuth =
        std::make_unique<SubsonicAuthenticator>(*m_database, *m_appPasswords, m_auth->throttle(), *m_revocations);
    QTextStream out(stdout);
    return ensureFirstAdmin(*m_users, m_options, out);
}

void Runtime::startHls(HttpServices &services)
{
    const QSettings &s = *m_settings;
    HlsSettings hls;
    hls.segmentSeconds = qBound(2, s.value(u"hls/segmentSeconds"_s, hls.segmentSeconds).toInt(), 20);
    const QString format = s.value(u"hls/segmentFormat"_s, u"fmp4"_s).toString();
    if (format == u"mpegts")
        hls.segmentFormat = SegmentFormat::MpegTs;
    else if (format != u"fmp4")
        qCWarning(lcApp).noquote() << "hls/segmentFormat" << format << "is not fmp4 or mpegts - using fmp4";
    const QString speed = s.value(u"hls/x264Preset"_s, hls.x264Preset).toString();
    static const QStringList speeds{u"ultrafast"_s, u"superfast"_s, u"veryfast"_s, u"faster"_s, u"fast"_s,
                                    u"medium"_s,    u"slow"_s,      u"slower"_s,   u"veryslow"_s};
    if (speeds.contains(speed))
        hls.x264Preset = speed;
    else
        qCWarning(lcApp).noquote() << "hls/x264Preset" << speed << "is not one of" << speeds.join(u", "_s)
                                  << "- using" << hls.x264Preset;
    hls.aheadSegments = qBound(1, s.value(u"hls/aheadSegments"_s, hls.aheadSegments).toInt(), 1000);
    hls.producerIdleMs = qBound(1, s.value(u"hls/producerIdleSeconds"_s, hls.producerIdleMs / 1000).toInt(), 3600) * 1000;
    hls.sessionIdleMs = qBound(1, s.value(u"hls/sessionIdleSeconds"_s, hls.sessionIdleMs / 1000).toInt(), 86400) * 1000;
    // Beside the transcode cache (same file system): finished segments move there by rename.
    hls.workDirectory = QDir(m_dataDir).filePath(u"cache/hls-work"_s);
    // Optimised versions: made ahead of time by the background queue, never evicted.
    const qint64 storeBytes = qint64(qBound(1, s.value(u"optimised/storeMiB"_s, kDefaultOptimisedStoreMiB).toInt(), 1 << 30)) << 20;
    m_optimisedStore = std::make_unique<OptimisedStore>(QDir(m_dataDir).filePath(u"optimised"_s), storeBytes);
    OptimiseSettings optimise;
    optimise.ffmpegProgram = m_transcoding->settings().ffmpegProgram;
    optimise.x264Preset = hls.x264Preset;
    m_optimiser = std::make_unique<OptimiseQueue>(*m_optimisedStore, m_transcoding->jobs(), optimise);
    m_hls = std::make_unique<HlsService>(*m_transcoding, m_activity.get(), hls);
    m_hls->setOptimisedStore(m_optimisedStore.get());
    services.hls = m_hls.get();
    services.optimiser = m_optimiser.get();
}

void Runtime::startDlna(HttpServices &services)
{
    m_dlna = std::make_unique<DlnaServer>(m_dataDir, services);
    connect(m_scanner, &LibraryScanner::scanFinished, m_dlna.get(), &DlnaServer::catalogChanged);
    m_dlna->apply(checkDlnaSettings(readDlnaSettings(*m_settings), *m_users));
    DlnaServer *dlna = m_dlna.get();
    UserAdministration *users = m_users.get();
    services.dlnaStatus = [dlna] { return dlna->statusSnapshot(); };
    // On an HTTP worker: the check reads the accounts (thread-safe); applying and storing are
    // queued to this thread, which owns the settings and the DLNA server.
    services.applyDlnaSettings = [this, server = dlna, users](const dlna::DlnaSettings &wanted) -> Result<dlna::DlnaStatus> {
        const DlnaChoice choice = checkDlnaSettings(wanted, *users);
        if (choice.problem && wanted.enabled)
            return DomainError::invalid(*choice.problem);
        QMetaObject::invokeMethod(this, [this, choice] {
            storeDlnaSettings(*m_settings, choice.settings);
            m_dlna->apply(choice);
        }, Qt::QueuedConnection);
        dlna::DlnaStatus expected = server->statusSnapshot();
        expected.settings = choice.settings;
        return expected;
    };
}

std::optional<QString> Runtime::setLanAccess(bool lan)
{
    const QHostAddress address = lan ? QHostAddress::AnyIPv4 : QHostAddress::LocalHost;
    if (const auto error = m_server->listenOn(address))
        return error;
    m_settings->setValue(u"server/bind"_s, address.toString());
    return std::nullopt;
}

std::optional<QString> Runtime::setListening(const QHostAddress &address, quint16 port,
                                             const QString &tlsCertificate, const QString &tlsKey)
{
    std::optional<QSslConfiguration> tls;
    if (!tlsCertificate.isEmpty() || !tlsKey.isEmpty()) {
        const auto loaded = loadTlsFiles(tlsCertificate, tlsKey);
        if (!loaded)
            return tr("Cannot use the HTTPS certificate: %1").arg(loaded.error().message);
        tls = *loaded;
    }
    if (const auto error = m_server->listenOn(address, port, tls))
        return error;
    m_dlna->setHttpPort(m_server->port());
    m_settings->setValue(u"server/bind"_s, address.toString());
    m_settings->setValue(u"server/port"_s, port);
    m_settings->setValue(u"server/tlsCertificate"_s, tlsCertificate);
    m_settings->setValue(u"server/tlsKey"_s, tlsKey);
    return std::nullopt;
}

void Runtime::setHistoryRetention(int maxRows, int maxDays)
{
    m_activity->setHistoryRetention(qMax(0, maxRows), qMax(0, maxDays));
    m_settings->setValue(u"history/maxRows"_s, qMax(0, maxRows));
    m_settings->setValue(u"history/maxDays"_s, qMax(0, maxDays));
}

Result<dlna::DlnaStatus> Runtime::setDlnaSettings(const dlna::DlnaSettings &settings)
{
    const DlnaChoice choice = checkDlnaSettings(settings, *m_users);
    if (choice.problem && settings.enabled)
        return DomainError::invalid(*choice.problem);
    storeDlnaSettings(*m_settings, choice.settings);
    m_dlna->apply(choice);
    return m_dlna->status();
}

void Runtime::startActivity(HttpServerConfig &config, HttpServices &services)
{
    QSettings &s = *m_settings;
    config.idleTimeoutMs = qBound(1, s.value(u"server/idleTimeoutSeconds"_s, 30).toInt(), 3600) * 1000;
    config.requestTimeoutMs = qBound(1, s.value(u"server/requestTimeoutSeconds"_s, 15).toInt(), 600) * 1000;

    m_activity = std::make_unique<ActivityRegistry>(m_database.get());
    // The request rate is enforced by the HTTP guard: it follows every change of the limits,
    // wherever made (Activity tab, web app), on the thread that made it.
    RequestRateLimit *rateLimit = m_rateLimit.get();
    connect(m_activity.get(), &ActivityRegistry::limitsChanged, m_activity.get(),
            [rateLimit](const StreamLimits &l) { rateLimit->setRate(l.requestsPerSecond, l.requestBurst); },
            Qt::DirectConnection);
    const StreamLimits defaults;
    StreamLimits limits;
    limits.maxStreams = qMax(0, s.value(u"streams/maxTotal"_s, defaults.maxStreams).toInt());
    limits.maxStreamsPerUser = qMax(0, s.value(u"streams/maxPerUser"_s, defaults.maxStreamsPerUser).toInt());
    limits.maxHlsSessionsPerUser =
        qMax(0, s.value(u"hls/maxSessionsPerUser"_s, defaults.maxHlsSessionsPerUser).toInt());
    limits.totalBytesPerSecond = qMax<qint64>(0, s.value(u"streams/totalCapKBps"_s, 0).toLongLong()) * 1000;
    limits.streamBytesPerSecond = qMax<qint64>(0, s.value(u"streams/streamCapKBps"_s, 0).toLongLong()) * 1000;
    limits.retryAfterSeconds = qBound(1, s.value(u"streams/retryAfterSeconds"_s, 30).toInt(), 3600);
    limits.requestsPerSecond = qMax(0, s.value(u"server/requestsPerSecond"_s, defaults.requestsPerSecond).toInt());
    limits.requestBurst = qMax(1, s.value(u"server/requestBurst"_s, defaults.requestBurst).toInt());
    m_activity->setLimits(limits);
    m_activity->setHistoryRetention(qMax(0, s.value(u"history/maxRows"_s, 10000).toInt()),
                                    qMax(0, s.value(u"history/maxDays"_s, 365).toInt()));

    m_metrics = std::make_unique<MetricsRegistry>();
    addCairnMetrics(*m_metrics, *m_activity, m_database.get());
    MetricsRegistry *metrics = m_metrics.get();
    connect(m_scanner, &LibraryScanner::scanFinished, this, [metrics](const ScanSummary &summary) {
        metrics->observeScan(double(summary.elapsedMs) / 1000.0);
    });

    services.activity = m_activity.get();
    // The last hour for the charts (Activity tab, web app), sampled on this thread.
    const int timelineSeconds = qBound(1, s.value(u"activity/timelineSeconds"_s, 10).toInt(), 60);
    m_activityTimeline = std::make_unique<ActivityTimeline>(*m_activity, timelineSeconds * 1000, 3600 / timelineSeconds);
    m_activityTimeline->start();
    services.activityTimeline = m_activityTimeline.get();
    // Called on HTTP workers: the registry is thread-safe and applies at once; QSettings belongs
    // to this thread, so the write is queued here (the worker never waits for the GUI thread).
    services.applyStreamLimits = [this](const StreamLimits &limits) {
        m_activity->setLimits(limits);
        QMetaObject::invokeMethod(this, [this, limits] { storeStreamLimits(limits); }, Qt::QueuedConnection);
    };
    services.metrics = m_metrics.get();
    services.publicMetrics = s.value(u"metrics/public"_s, false).toBool();
}

void Runtime::setStreamLimits(const StreamLimits &limits)
{
    m_activity->setLimits(limits);
    storeStreamLimits(limits);
}

void Runtime::storeStreamLimits(const StreamLimits &limits)
{
    m_settings->setValue(u"streams/maxTotal"_s, limits.maxStreams);
    m_settings->setValue(u"streams/maxPerUser"_s, limits.maxStreamsPerUser);
    m_settings->setValue(u"streams/totalCapKBps"_s, limits.totalBytesPerSecond / 1000);
    m_settings->setValue(u"streams/streamCapKBps"_s, limits.streamBytesPerSecond / 1000);
    m_settings->setValue(u"streams/retryAfterSeconds"_s, limits.retryAfterSeconds);
    m_settings->setValue(u"hls/maxSessionsPerUser"_s, limits.maxHlsSessionsPerUser);
    m_settings->setValue(u"server/requestsPerSecond"_s, limits.requestsPerSecond);
    m_settings->setValue(u"server/requestBurst"_s, limits.requestBurst);
}

void Runtime::setTranscodeCacheMiB(int mib)
{
    m_transcoding->cache().setMaxBytes(qint64(qMax(0, mib)) << 20);
    m_settings->setValue(u"transcode/cacheMiB"_s, qMax(0, mib));
}

void Runtime::addLibraries()
{
    FolderRepository folders(*m_database);
    for (const QString &path : std::as_const(m_options.libraries)) {
        if (!QFileInfo(path).isDir())
            qCWarning(lcApp) << "library folder" << path << "does not exist (yet); adding it anyway";
        folders.add(path);
    }
    // First headless run without --library: the user's music folder, once (removing it later
    // sticks). The desktop's first-run wizard offers it instead, to be ticked or not.
    if (m_options.headless && m_options.libraries.isEmpty() && !m_settings->value(u"library/defaultAdded"_s).toBool()) {
        QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
        if (music.isEmpty())
            music = QDir(m_dataDir).filePath(u"Library"_s);
        QDir().mkpath(music);
        if (folders.list().isEmpty())
            folders.add(music);
        m_settings->setValue(u"library/defaultAdded"_s, true);
    }
    // Uploads cut off by a crash or a kill: no upload runs yet, so every one left is over.
    for (const Folder &folder : folders.list())
        removeStaleUploads(folder.path, 0);
}

} // namespace cairn
