#pragma once
// Images and media with embedded pictures for the artwork tests, plus a running backend
// (catalog, scanner, artwork service, HTTP server) whose visibility the test controls.

#include "artwork/ArtworkService.h"
#include "catalog/Database.h"
#include "catalog/Visibility.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QByteArray>
#include <QColor>
#include <QSize>
#include <QString>
#include <QTemporaryDir>

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

    QString libraryPath(const QString &name) const;
    QString cacheDir() const { return m_dir.filePath(QStringLiteral("artcache")); }
    // Opens the catalog, adds the library folder, starts the server.
    QString start(qint64 cacheBytes = 64LL << 20);
    bool scan();
    qint64 trackIdFor(const QString &fileName) const;

    // What callers may see (everything until set).
    void setVisibility(const Visibility &visibility);

    Database &database() { return *m_db; }
    artwork::ArtworkService &artwork() { return *m_artwork; }
    LibraryScanner &scanner() { return *m_scanner; }
    quint16 port() const { return m_server->port(); }
    qint64 libraryFolderId() const { return m_folderId; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    std::unique_ptr<artwork::ArtworkService> m_artwork;
    std::unique_ptr<HttpServer> m_server;
    std::shared_ptr<Visibility> m_visibility;
    qint64 m_folderId = 0;
};

} // namespace cairn::test
