#include "PreviewBackend.h"

#include "http/HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

PreviewBackend::PreviewBackend() = default;

PreviewBackend::~PreviewBackend()
{
    if (m_server)
        m_server->stop();
}

QString PreviewBackend::start()
{
    if (const QString error = m_catalog.open(); !error.isEmpty())
        return error;
    TranscodeSettings transcode;
    transcode.maxConcurrent = 4;
    transcode.cacheDirectory = transcodeCacheDir();
    m_transcoding = std::make_unique<TranscodeService>(m_catalog.database(), transcode);
    VideoPreviewOptions options;
    options.thumbnailCacheDirectory = m_catalog.filePath(u"thumbnails"_s);
    m_previews = std::make_unique<VideoPreviews>(options, *m_transcoding);

    HttpServerConfig config;
    config.port = 0;
    HttpServices services;
    services.database = &m_catalog.database();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.transcoding = m_transcoding.get();
    services.videoPreviews = m_previews.get();
    services.guard = [](const Route &, HttpExchange &ex) {
        const bool restricted = ex.request().header("x-test-restricted") == "1";
        ex.setIdentity({1, u"tester"_s, false, restricted ? Visibility::folders({999}) : Visibility::everything()});
        return true;
    };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

} // namespace cairn::test
