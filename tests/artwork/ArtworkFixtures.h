#pragma once
// Images and media with embedded pictures for the artwork tests, plus a running backend
// (the one test server with the artwork service) whose visibility the test controls.

#include "TestServer.h"
#include "artwork/ArtworkService.h"
#include "catalog/Database.h"
#include "catalog/Visibility.h"

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

// The artwork suites' backend: the one test server (tests/common/TestServer.h) with the
// artwork service, every caller seeing what the test set (everything until set).
class ArtworkBackend : public TestServer
{
public:
    ArtworkBackend();

    QString cacheDir() const { return artworkCacheDir(); }
    // Opens the catalog, adds the library folder, starts the server.
    QString start(qint64 cacheBytes = 64LL << 20);

    // What callers may see (everything until set).
    void setVisibility(const Visibility &visibility);

    artwork::ArtworkService &artwork() { return *TestServer::artwork(); }

private:
    std::shared_ptr<Visibility> m_visibility;
};

} // namespace cairn::test
