#pragma once
// The web app's static files, read once from the Qt resources (":/web") at start-up: each with
// its media type, a gzip copy when that is smaller, and strong ETags. Immutable after
// construction, so every worker thread may read it at once.
//
// Files under assets/ are addressed as "/assets/<version>/<name>": the version is a digest of
// every asset, so a changed file changes every URL and those URLs can be cached forever.
// index.html names them through the placeholder "%ASSET_BASE%", replaced here.

#include <QByteArray>
#include <QHash>
#include <QString>

namespace cairn {

struct WebAsset
{
    QByteArray contentType;
    QByteArray identity;       // the bytes as stored
    QByteArray gzip;           // empty when compressing does not help (images, tiny files)
    QByteArray etag;           // strong, of `identity`
    QByteArray gzipEtag;       // strong, of `gzip` (another representation, another tag)
};

class WebAssets
{
public:
    explicit WebAssets(const QString &root);

    // "index.html", "assets/app.js"…; nullptr when absent.
    const WebAsset *find(const QString &name) const;
    // The digest of all assets, as used in "/assets/<version>/".
    const QByteArray &version() const { return m_version; }
    qsizetype size() const { return m_assets.size(); }

private:
    QHash<QString, WebAsset> m_assets;
    QByteArray m_version;
};

// gzip (RFC 1952) of `data` at the best compression; empty on failure.
QByteArray gzipCompress(const QByteArray &data);

} // namespace cairn
