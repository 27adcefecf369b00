#include "webapp/WebRoutes.h"

#include "base/DomainError.h"
#include "http/Router.h"
#include "web/WebAssets.h"

#include "ConditionalRequest.h"
#include "HttpExchange.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// No inline script or style anywhere in the app, so 'self' is enough; hls.js feeds <video>
// from blob: MediaSource URLs and may start a blob: worker; covers fall back to data: URIs.
constexpr QByteArrayView kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        if (coding != "gzip" && coding != "x-gzip")
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = parts.at(i).trimmed().toLower();
            if (param.startsWith("q=") && param.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

void serve(HttpExchange &ex, const WebAsset &asset, const QByteArray &cacheControl)
{
    const bool gzip = !asset.gzip.isEmpty() && acceptsGzip(ex.request().header("Accept-Encoding"));
    const QByteArray &etag = gzip ? asset.gzipEtag : asset.etag;
    // What a 200 and a 304 both carry.
    const auto stamp = [&](HttpResponse &r) {
        r.setHeader("ETag", etag);
        r.setHeader("Cache-Control", cacheControl);
        if (!asset.gzip.isEmpty())
            r.setHeader("Vary", "Accept-Encoding");
        r.setHeader("Content-Security-Policy", kContentSecurityPolicy.toByteArray());
        r.setHeader("X-Content-Type-Options", "nosniff");
        r.setHeader("Referrer-Policy", "same-origin");
        r.setHeader("X-Frame-Options", "DENY");
    };
    if (answerPreconditions(ex, Validators{etag, {}}, stamp))
        return;
    HttpResponse r;
    stamp(r);
    r.setHeader("Content-Type", asset.contentType);
    if (gzip)
        r.setHeader("Content-Encoding", "gzip");
    r.body = gzip ? asset.gzip : asset.identity;
    ex.respond(r);
}

} // namespace

void addWebRoutes(Router &router)
{
    // Read and compressed once per process (servers are made again in tests); shared
    // read-only by every worker thread.
    static const auto shared = std::make_shared<const WebAssets>(u":/web"_s);
    const auto assets = shared;

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/"_s, Access::Public, [assets](const QStringList &, HttpExchange &ex) {
        const WebAsset *index = assets->find(u"index.html"_s);
        if (!index)
            return ex.fail(DomainError::notFound(u"the web app is not built in"_s));
        // Revalidated every time: it names the current asset version.
        serve(ex, *index, "no-cache");
    });

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/assets/{version}/{file}"_s, Access::Public,
               [assets](const QStringList &params, HttpExchange &ex) {
        const WebAsset *asset = assets->find(u"assets/"_s + params.at(1));
        if (!asset)
            return ex.fail(DomainError::notFound(u"no such file"_s));
        // A page from before an upgrade still gets the current file, but must not keep it.
        const bool current = params.at(0).toLatin1() == assets->version();
        serve(ex, *asset, current ? "public, max-age=31536000, immutable" : "no-cache");
    });
}

} // namespace cairn
