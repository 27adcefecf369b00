#pragma once
// Images and media with embedded pictures for the artwork tests, plus a running backend
// (catalog, scanner, artwork service, HTTP server) whose visibility the test controls.

#include "TestCatalog.h"
#include "artwork/ArtworkService.h"
#include "catalog/Database.h"
#include "catalog/Visibility.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QColor>
#include <QSize>
#include <QString>

#include <memory>

namespace cairn::test {

// An encoded image ("jpeg", "png") of a plain colour; `transparent` makes half of it clear.
QByteArray makeImage(int width, int height, const char *format, const QColor &color = Qt::red,
                     bool transparent = false);
bool writeFile(const QString &path, const QByteArray &data);
// A PNG whose header claims width×height pixels, followed by a tiny bogus body.
QByteArray pngClaiming(quint32 width, quint32 height);
// Dimensions and format of encoded image bytes (invalid size when not decodable).
QSize imageSize(const QByteArray &data);

// ffmpeg -i audio -i cover -map 0 -map 1 -c copy -disposition:v attached_pic out; "" on success.
QString embedWithFfmpeg(const QString &audio, const QString &cover, const QString &out);

// Where ffmpeg cannot write a picture: adds one with TagLib.
enum class PictureTag { Xiph, Ape, Id3v2, Flac };
struct TaggedPicture
{
    QByteArray data;
    bool front = true;
};
bool embedWithTagLib(const QString &path, PictureTag tag, const QList<TaggedPicture> &pictures);

class ArtworkBackend
{
public:
    ArtworkBackend();
    ~ArtworkBackend();

    QString libraryPath(const QString &name) const { return m_catalog.libraryPath(name); }
    QString cacheDir() const { return m_catalog.filePath(QStringLiteral("artcache")); }
    // Opens the catalog, adds the library folder, starts the server.
    QString start(qint64 cacheBytes = 64LL << 20);
    bool scan() { return m_catalog.scan(); }
    qint64 trackIdFor(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }

    // What callers may see (everything until set).
    void setVisibility(const Visibility &visibility);

    Database &database() { return m_catalog.database(); }
    artwork::ArtworkService &artwork() { return *m_artwork; }
    LibraryScanner &scanner() { return m_catalog.scanner(); }
    quint16 port() const { return m_server->port(); }
    qint64 libraryFolderId() const { return m_catalog.libraryFolderId(); }

private:
    TestCatalog m_catalog;
    std::unique_ptr<artwork::ArtworkService> m_artwork;
    std::unique_ptr<HttpServer> m_server;
    std::shared_ptr<Visibility> m_visibility;
};

} // namespace cairn::test
