#pragma once
// A running backend for the video preview tests: catalog and library in a temporary
// directory, the transcode service with its cache, the preview service and the HTTP server
// on an ephemeral port. Requests carrying "X-Test-Restricted: 1" see no folder.

#include "TestCatalog.h"
#include "http/HttpServer.h"
#include "preview/VideoPreviews.h"
#include "transcode/TranscodeService.h"

#include <memory>

namespace cairn::test {

class PreviewBackend
{
public:
    PreviewBackend();
    ~PreviewBackend();

    QString libraryPath(const QString &name) const { return m_catalog.libraryPath(name); }
    QString transcodeCacheDir() const { return m_catalog.filePath(QStringLiteral("transcodes")); }
    // Opens the catalog, builds the services and starts the server ("" = ok).
    QString start();
    bool scan() { return m_catalog.scan(); }
    qint64 trackIdFor(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }

    VideoPreviews &previews() { return *m_previews; }
    quint16 port() const { return m_server->port(); }

private:
    TestCatalog m_catalog;
    std::unique_ptr<TranscodeService> m_transcoding;
    std::unique_ptr<VideoPreviews> m_previews;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
