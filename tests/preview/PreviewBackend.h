#pragma once
// A running backend for the video preview tests: catalog and library in a temporary
// directory, the transcode service with its cache, the preview service and the HTTP server
// on an ephemeral port. Requests carrying "X-Test-Restricted: 1" see no folder.

#include "catalog/Database.h"
#include "http/HttpServer.h"
#include "preview/VideoPreviews.h"
#include "scan/LibraryScanner.h"
#include "transcode/TranscodeService.h"

#include <QTemporaryDir>

#include <memory>

namespace cairn::test {

class PreviewBackend
{
public:
    PreviewBackend();
    ~PreviewBackend();

    QString libraryPath(const QString &name) const;
    QString transcodeCacheDir() const { return m_dir.filePath(QStringLiteral("transcodes")); }
    // Opens the catalog, builds the services and starts the server ("" = ok).
    QString start();
    bool scan();
    qint64 trackIdFor(const QString &fileName) const;

    VideoPreviews &previews() { return *m_previews; }
    quint16 port() const { return m_server->port(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    std::unique_ptr<TranscodeService> m_transcoding;
    std::unique_ptr<VideoPreviews> m_previews;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
