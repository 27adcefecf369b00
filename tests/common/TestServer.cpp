#include "TestServer.h"

#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"
#include "activity/CairnMetrics.h"
#include "activity/MetricsRegistry.h"
#include "artwork/ArtworkService.h"
#include "ffmpeg/FfmpegQueue.h"
#include "auth/AppPasswordStore.h"
#include "auth/Authenticator.h"
#include "auth/CredentialsKey.h"
#include "auth/SigningSecret.h"
#include "auth/SubsonicAuthenticator.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "hls/HlsService.h"
#include "http/auth/AuthGuard.h"
#include "http/auth/ClientAddress.h"
#include "http/auth/RequestRateLimit.h"
#include "preview/VideoPreviews.h"
#include "subtitle/VideoSubtitles.h"
#include "transcode/TranscodeService.h"

#include <QDateTime>
#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

TestServer::TestServer(const QStringList &folders) : m_catalog(folders) {}

TestServer::~TestServer()
{
    stop();
}

void TestServer::stop()
{
    if (m_server)
        m_server->stop();
}

QString TestServer::workPath(const QString &name) const
{
    return m_workDirectory.isEmpty() ? m_catalog.filePath(name) : QDir(m_workDirectory).filePath(name);
}

QString TestServer::open()
{
    if (m_opened)
        return {};
    if (const QString error = m_catalog.open(); !error.isEmpty())
        return error;
    m_opened = true;
    return {};
}

QString TestServer::start(const TestServerOptions &options)
{
    m_workDirectory = options.workDirectory;
    if (!options.database) {
        if (const QString error = open(); !error.isEmpty())
            return error;
    }
    if (options.scanFirst && !m_catalog.scan())
        return u"the scan did not finish"_s;
    const Database &db = options.database ? *options.database : m_catalog.database();

    HttpServices services;
    services.database = &db;
    services.requestScan = options.requestScan ? options.requestScan : [] {};
    services.isScanning = options.isScanning ? options.isScanning : [] { return false; };
    services.uploadMaxBytes = options.uploadMaxBytes;
    services.guard = options.guard;
    if (!options.trustedProxies.isEmpty())
        services.trustedProxies = parseTrustedProxies(options.trustedProxies);

    if (options.auth || options.users) {
        m_revocations = std::make_unique<UserRevocations>();
        m_users = std::make_unique<UserAdministration>(db, *m_revocations);
        services.users = m_users.get();
    }
    if (options.auth) {
        if (options.signingSecret.isEmpty()) {
            const auto secret = loadOrCreateSigningSecret(db, dataDir());
            if (!secret)
                return u"no signing secret"_s;
            m_secret = *secret;
        } else {
            m_secret = options.signingSecret;
        }
        m_auth = std::make_unique<Authenticator>(db, m_secret, *m_revocations);
        services.auth = m_auth.get();
        const auto credentialsKey = loadOrCreateCredentialsKey(db, dataDir());
        if (!credentialsKey)
            return u"no credentials key"_s;
        m_appPasswords = std::make_unique<AppPasswordStore>(db, *credentialsKey, *m_revocations);
        services.appPasswords = m_appPasswords.get();
        m_subsonicAuth =
            std::make_unique<SubsonicAuthenticator>(db, *m_appPasswords, m_auth->throttle(), *m_revocations);
        services.subsonicAuth = m_subsonicAuth.get();
        services.corsOrigins = options.corsOrigins;
        // As the runtime: the limiter takes its rate from the stream limits (set below).
        m_rateLimit = std::make_unique<RequestRateLimit>(services.trustedProxies);
        const StreamLimits rate = options.limits.value_or(StreamLimits{});
        m_rateLimit->setRate(rate.requestsPerSecond, rate.requestBurst);
        services.guard = makeAuthGuard(*m_auth, CorsPolicy(services.corsOrigins), m_rateLimit.get());
    }

    if (options.transcoding || options.previews || options.hls || options.subtitles) {
        TranscodeSettings transcode;
        transcode.maxConcurrent = options.maxTranscodes;
        transcode.maxQueued = options.ffmpegQueueLength;
        transcode.queueTimeoutMs = options.ffmpegQueueTimeoutMs;
        if (!options.ffmpegProgram.isEmpty())
            transcode.ffmpegProgram = options.ffmpegProgram;
        if (options.transcodeCache || options.previews || options.hls)
            transcode.cacheDirectory = transcodeCacheDir();
        m_transcoding = std::make_unique<TranscodeService>(db, transcode);
        services.transcoding = m_transcoding.get();
    }
    if (options.activity || options.metrics || options.hls) {
        m_activity = std::make_unique<ActivityRegistry>(&db);
        if (RequestRateLimit *rateLimit = m_rateLimit.get()) {
            QObject::connect(m_activity.get(), &ActivityRegistry::limitsChanged, m_activity.get(),
                             [rateLimit](const StreamLimits &l) { rateLimit->setRate(l.requestsPerSecond, l.requestBurst); },
                             Qt::DirectConnection);
        }
        if (options.limits)
            m_activity->setLimits(*options.limits);
        services.activity = m_activity.get();
        m_timeline = std::make_unique<ActivityTimeline>(*m_activity, options.timelineIntervalMs);
        m_timeline->start();
        services.activityTimeline = m_timeline.get();
    }
    if (options.metrics) {
        m_metrics = std::make_unique<MetricsRegistry>();
        addCairnMetrics(*m_metrics, *m_activity, &db);
        services.metrics = m_metrics.get();
        services.publicMetrics = options.publicMetrics;
    }
    if (options.artwork) {
        FfmpegQueue *ffmpeg = m_transcoding ? &m_transcoding->jobs() : nullptr;
        if (!ffmpeg) {   // poster frames need FFmpeg even where transcoding is not offered
            m_ffmpeg = std::make_unique<FfmpegQueue>(FfmpegQueueSettings{});
            ffmpeg = m_ffmpeg.get();
        }
        m_artwork = std::make_unique<artwork::ArtworkService>(
            artwork::ArtworkServiceOptions{artworkCacheDir(), options.artworkCacheBytes, 32LL << 20, ffmpeg});
        services.artwork = m_artwork.get();
    }
    if (options.previews) {
        VideoPreviewOptions previews;
        previews.thumbnailCacheDirectory = workPath(u"thumbnails"_s);
        m_previews = std::make_unique<VideoPreviews>(previews, *m_transcoding);
        services.videoPreviews = m_previews.get();
    }
    if (options.subtitles) {
        VideoSubtitleOptions subtitles;
        subtitles.cacheDirectory = workPath(u"subtitles"_s);
        m_subtitles = std::make_unique<VideoSubtitles>(subtitles, m_transcoding->jobs());
        services.subtitles = m_subtitles.get();
    }
    if (options.hls) {
        HlsSettings hls = options.hlsSettings;
        hls.workDirectory = workPath(u"hls-work"_s);
        if (options.optimised) {
            m_optimisedStore = std::make_unique<OptimisedStore>(workPath(u"optimised"_s), options.optimisedStoreBytes);
            OptimiseSettings optimise = options.optimiseSettings;
            optimise.ffmpegProgram = m_transcoding->settings().ffmpegProgram;
            optimise.x264Preset = hls.x264Preset;
            m_optimiser = std::make_unique<OptimiseQueue>(*m_optimisedStore, m_transcoding->jobs(), optimise);
            services.optimiser = m_optimiser.get();
        }
        m_hls = std::make_unique<HlsService>(*m_transcoding, m_activity.get(), hls);
        m_hls->setOptimisedStore(m_optimisedStore.get());
        services.hls = m_hls.get();
    }

    HttpServerConfig config = options.config;
    config.port = 0;
    if (options.moreServices)
        options.moreServices(services);
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

QByteArray TestServer::streamPath(const QString &fileName) const
{
    return "/api/tracks/" + QByteArray::number(trackIdFor(fileName)) + "/stream";
}

qint64 TestServer::addUser(const UserChanges &user)
{
    if (!m_users)
        return 0;
    const Result<User> created = m_users->create(user);
    return created ? created->id : 0;
}

QByteArray TestServer::tokenFor(qint64 userId)
{
    return m_auth->issueToken(userId, QDateTime::currentSecsSinceEpoch() + 3600);
}

} // namespace cairn::test
