#include "api/UploadRoutes.h"

#include "base/TextValues.h"
#include "catalog/FolderRepository.h"
#include "http/HttpServer.h"
#include "upload/StaleUploads.h"
#include "upload/UploadFile.h"
#include "upload/UploadName.h"

#include "api/UploadSink.h"

#include "HttpExchange.h"
#include "JsonErrorAnswer.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Leftovers older than this are uploads that will never finish: a live one writes all the
// time, and a silent one is dropped after server/requestTimeoutSeconds (at most 10 minutes).
constexpr qint64 kStaleUploadSecs = 15 * 60;

// The library folder the caller may upload into, or NotFound exactly like an unknown id.
Result<Folder> visibleFolder(const QString &idText, const Identity &caller, const Database &db)
{
    const Result<qint64> id = requireId(idText, u"folder"_s);
    if (!id)
        return id.error();
    if (caller.visibility.allowsFolder(*id)) {
        for (const Folder &folder : FolderRepository(db).list())
            if (folder.id == *id)
                return folder;
    }
    return DomainError::notFound(u"no such folder"_s);
}

// The declared size against the limit, before a byte is stored.
std::optional<DomainError> checkSize(const HttpRequest &request, qint64 maxBytes)
{
    if (request.contentLength == 0)
        return DomainError::invalid(u"the upload is empty"_s);
    if (request.contentLength > maxBytes)
        return DomainError::tooLarge(u"the upload is larger than %1 bytes (upload/maxBytes)"_s.arg(maxBytes));
    return std::nullopt;
}

// Everything decided from the head: where the body goes, or why it may not come.
Result<std::unique_ptr<BodySink>> startUpload(const QStringList &params, const HttpExchange &ex, const HttpServices &services)
{
    const Result<Folder> folder = visibleFolder(params.at(0), ex.identity(), *services.database);
    if (!folder)
        return folder.error();
    const QUrlQuery &query = ex.request().query;
    if (!query.hasQueryItem(u"name"_s))
        return DomainError::invalid(u"'name' is required"_s);
    const Result<QString> name = checkUploadName(query.queryItemValue(u"name"_s, QUrl::FullyDecoded));
    if (!name)
        return name.error();
    if (const auto error = checkSize(ex.request(), services.uploadMaxBytes))
        return *error;
    const QString path = QDir(folder->path).filePath(*name);
    // A dangling symbolic link is a name taken too.
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        return DomainError::conflict(u"a file with this name already exists"_s);
    removeStaleUploads(folder->path, kStaleUploadSecs);
    auto file = UploadFile::create(folder->path);
    if (!file)
        return file.error();
    return std::unique_ptr<BodySink>(std::make_unique<UploadSink>(std::move(*file), UploadTarget{folder->id, *name},
                                                                  services.uploadMaxBytes, services.requestScan));
}

} // namespace

void addUploadRoutes(Router &router, const HttpServices &services)
{
    if (services.uploadMaxBytes <= 0 || !services.database)
        return;
    router.addStreamingBody({HttpMethod::Post}, u"/api/folders/{id}/upload"_s, Access::Uploader,
                            [services](const QStringList &params, HttpExchange &ex) -> std::unique_ptr<BodySink> {
        const HttpRequest &request = ex.request();
        // The size is known before the body (Content-Length) or checked as it comes (chunked).
        if (!request.chunked && request.contentLength < 0) {
            ex.respond(jsonProtocolAnswer(411, u"an upload needs Content-Length or chunked framing"_s));
            return nullptr;
        }
        auto sink = startUpload(params, ex, services);
        if (!sink) {
            ex.fail(sink.error());
            return nullptr;
        }
        return std::move(*sink);
    });
}

} // namespace cairn
