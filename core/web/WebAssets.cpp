#include "web/WebAssets.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

#include <zlib.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QByteArray contentTypeFor(const QString &name)
{
    static const QHash<QString, QByteArray> types{
        {u"html"_s, "text/html; charset=utf-8"},
        {u"js"_s, "text/javascript; charset=utf-8"},
        {u"mjs"_s, "text/javascript; charset=utf-8"},
        {u"css"_s, "text/css; charset=utf-8"},
        {u"svg"_s, "image/svg+xml"},
        {u"png"_s, "image/png"},
        {u"json"_s, "application/json"},
        {u"txt"_s, "text/plain; charset=utf-8"},
        {u"webmanifest"_s, "application/manifest+json"},
        {u"woff2"_s, "font/woff2"},
    };
    return types.value(name.section(u'.', -1).toLower(), "application/octet-stream");
}

bool worthCompressing(const QByteArray &type)
{
    return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/manifest")
        || type.startsWith("image/svg");
}

QByteArray strongTag(const QByteArray &bytes)
{
    return '"' + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32) + '"';
}

} // namespace

QByteArray gzipCompress(const QByteArray &data)
{
    z_stream zs{};
    // windowBits 15 + 16: a gzip wrapper instead of zlib's.
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&zs, uLong(data.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const qsizetype written = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

WebAssets::WebAssets(const QString &root)
{
    QStringList names;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        names << it.next().mid(root.size() + 1);
    std::sort(names.begin(), names.end());

    QHash<QString, QByteArray> contents;
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &name : std::as_const(names)) {
        QFile file(root + u'/' + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        contents.insert(name, file.readAll());
        if (name.startsWith(u"assets/"_s)) {
            digest.addData(name.toUtf8());
            digest.addData(QByteArrayView("\0", 1));
            digest.addData(contents.value(name));
        }
    }
    m_version = digest.result().toHex().left(16);

    for (auto i = contents.cbegin(); i != contents.cend(); ++i) {
        WebAsset asset;
        asset.contentType = contentTypeFor(i.key());
        asset.identity = i.value();
        if (i.key() == u"index.html"_s)
            asset.identity.replace("%ASSET_BASE%", QByteArray("/assets/" + m_version));
        asset.etag = strongTag(asset.identity);
        if (worthCompressing(asset.contentType) && asset.identity.size() > 256) {
            const QByteArray packed = gzipCompress(asset.identity);
            if (!packed.isEmpty() && packed.size() < asset.identity.size()) {
                asset.gzip = packed;
                asset.gzipEtag = strongTag(packed);
            }
        }
        m_assets.insert(i.key(), std::move(asset));
    }
}

const WebAsset *WebAssets::find(const QString &name) const
{
    const auto it = m_assets.constFind(name);
    return it == m_assets.cend() ? nullptr : &it.value();
}

} // namespace cairn
