#include "api/LibraryRoutes.h"

#include "base/TextValues.h"
#include "catalog/FolderRepository.h"
#include "catalog/ScanErrorRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The files the last scans could not read, so administrators can fix them from the web app.
// Paths are shown whole: only administrators see them, and they added those folders.
void addScanErrorRoute(Router &router, const Database &db)
{
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/scan/errors"_s, Access::Admin, [&db](const QStringList &, HttpExchange &ex) {
        const Result<qint64> limit = intParam(ex.request().query, u"limit"_s, 100, 1, 1000);
        if (!limit)
            return ex.fail(limit.error());
        const ScanErrorRepository errors(db);
        QJsonArray items;
        const QList<ScanError> listed = errors.list(int(*limit));
        for (const ScanError &e : listed)
            items.append(QJsonObject{{u"path"_s, e.path}, {u"reason"_s, e.reason},
                                     {u"at"_s, e.at.toUTC().toString(Qt::ISODate)}});
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, items}, {u"total"_s, errors.count()}})));
    });
}

} // namespace

void addLibraryRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/health"_s, Access::Public, [](const QStringList &, HttpExchange &ex) {
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{
            {u"status"_s, u"ok"_s}, {u"version"_s, QStringLiteral(CAIRN_VERSION)}})));
    });

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/folders"_s, Access::Admin, [&db](const QStringList &, HttpExchange &ex) {
        QJsonArray folders;
        for (const Folder &f : FolderRepository(db).list())
            folders.append(QJsonObject{{u"id"_s, f.id}, {u"path"_s, f.path}});
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, folders}})));
    });

    router.add({HttpMethod::Post}, u"/api/folders"_s, Access::Admin, [&db, services](const QStringList &, HttpExchange &ex) {
        const QJsonValue path = QJsonDocument::fromJson(ex.request().body).object().value(u"path"_s);
        if (!path.isString())
            return ex.fail(DomainError::invalid(u"the body must be {\"path\": \"…\"}"_s));
        const Result<Folder> folder = FolderRepository(db).addNew(path.toString());
        if (!folder)
            return ex.fail(folder.error());
        if (services.requestScan)
            services.requestScan();
        ex.respond(HttpResponse::json(201, QJsonDocument(QJsonObject{{u"id"_s, folder->id}, {u"path"_s, folder->path}})));
    });
    router.add({HttpMethod::Delete}, u"/api/folders/{id}"_s, Access::Admin, [&db](const QStringList &params, HttpExchange &ex) {
        const Result<qint64> id = requireId(params.at(0), u"folder"_s);
        if (!id)
            return ex.fail(id.error());
        if (!FolderRepository(db).remove(*id))
            return ex.fail(DomainError::notFound(u"no such folder"_s));
        ex.respond(HttpResponse::empty(204));
    });

    const auto scanStatus = [services, &db] {
        return QJsonObject{{u"scanning"_s, services.isScanning ? services.isScanning() : false},
                           {u"tracks"_s, TrackRepository(db).count()}};
    };
    router.add({HttpMethod::Post}, u"/api/scan"_s, Access::Admin, [services, scanStatus](const QStringList &, HttpExchange &ex) {
        if (services.requestScan)
            services.requestScan();
        QJsonObject body = scanStatus();
        body.insert(u"scanning"_s, true);
        ex.respond(HttpResponse::json(202, QJsonDocument(body)));
    });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/scan"_s, Access::Admin, [scanStatus](const QStringList &, HttpExchange &ex) {
        ex.respond(HttpResponse::json(200, QJsonDocument(scanStatus())));
    });
    addScanErrorRoute(router, db);
}

} // namespace cairn
