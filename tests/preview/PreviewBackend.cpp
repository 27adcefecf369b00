#include "PreviewBackend.h"

#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpExchange.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

PreviewBackend::PreviewBackend()
{
    QDir(m_dir.path()).mkpath(u"library"_s);
}

PreviewBackend::~PreviewBackend()
{
    if (m_server)
        m_server->stop();
}

QString PreviewBackend::libraryPath(const QString &name) const
{
    return QDir(m_dir.filePath(u"library"_s)).filePath(name);
}

QString PreviewBackend::start()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    if (const auto error = m_db->open())
        return *error;
    FolderRepository(*m_db).add(m_dir.filePath(u"library"_s));
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
    TranscodeSettings transcode;
    transcode.maxConcurrent = 4;
    transcode.cacheDirectory = transcodeCacheDir();
    m_transcoding = std::make_unique<TranscodeService>(*m_db, transcode);
    VideoPreviewOptions options;
    options.thumbnailCacheDirectory = m_dir.filePath(u"thumbnails"_s);
    m_previews = std::make_unique<VideoPreviews>(options, *m_transcoding);

    HttpServerConfig config;
    config.port = 0;
    HttpServices services;
    services.database = m_db.get();
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

bool PreviewBackend::scan()
{
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    m_scanner->scanNow();
    return finished.count() == 1;
}

qint64 PreviewBackend::trackIdFor(const QString &fileName) const
{
    const TrackPage page = TrackRepository(*m_db).list(0, 10000);
    for (const Track &t : page.items)
        if (QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
}

} // namespace cairn::test
