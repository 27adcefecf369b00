// System and account methods: ping, licence, extensions, music folders, the caller's user,
// scans.

#include "subsonic/EndpointTable.h"

#include "auth/UserAdministration.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

// Only what really works on this server is advertised.
Node extensions(const HttpServices &services)
{
    Node list(u"openSubsonicExtensions"_s);
    list.declareList(u"openSubsonicExtensions"_s);
    auto add = [&list](const QString &name) {
        list.append(Node(u"openSubsonicExtensions"_s).set(u"name"_s, name).append(Node(u"versions"_s).setText(1)));
    };
    add(u"formPost"_s);
    add(u"songLyrics"_s);
    if (services.transcoding)
        add(u"transcodeOffset"_s);
    if (services.subsonicAuth)
        add(u"apiKeyAuthentication"_s);
    return list;
}

void musicFolders(const Database &db, Call &call)
{
    Node folders(u"musicFolders"_s);
    folders.declareList(u"musicFolder"_s);
    for (const Folder &f : FolderRepository(db).list())
        if (call.identity().visibility.allowsFolder(f.id))
            folders.append(Node(u"musicFolder"_s).set(u"id"_s, f.id).set(u"name"_s, f.path.section(u'/', -1)));
    call.ok(folders);
}

Node userNode(const QString &name, bool admin, int maxBitrate, const QList<qint64> &folders)
{
    Node user(u"user"_s);
    user.set(u"username"_s, name)
        .set(u"scrobblingEnabled"_s, true)
        .set(u"adminRole"_s, admin)
        .set(u"settingsRole"_s, false)
        .set(u"downloadRole"_s, true)
        .set(u"uploadRole"_s, false)
        .set(u"playlistRole"_s, true)
        .set(u"coverArtRole"_s, false)
        .set(u"commentRole"_s, false)
        .set(u"podcastRole"_s, false)
        .set(u"streamRole"_s, true)
        .set(u"jukeboxRole"_s, false)
        .set(u"shareRole"_s, false)
        .set(u"videoConversionRole"_s, false);
    if (maxBitrate > 0)
        user.set(u"maxBitRate"_s, maxBitrate);
    user.declareList(u"folder"_s);
    for (const qint64 id : folders)
        user.append(Node(u"folder"_s).setText(id));
    return user;
}

void getUser(const HttpServices &services, Call &call)
{
    const auto name = call.params().required(u"username"_s);
    if (!name)
        return call.fail(name.error());
    const Identity &me = call.identity();
    if (name->compare(me.name, Qt::CaseInsensitive) != 0 && !me.admin)
        return call.fail(Error{Error::NotAuthorized, u"only administrators may look at other users"_s});
    QList<qint64> allFolders;
    for (const Folder &f : FolderRepository(*services.database).list())
        allFolders << f.id;
    if (!services.users)   // no accounts: the local administrator only
        return call.ok(userNode(me.name, true, 0, allFolders));
    for (const User &u : services.users->list())
        if (u.name.compare(*name, Qt::CaseInsensitive) == 0)
            return call.ok(userNode(u.name, u.admin, u.maxBitrate, u.admin ? allFolders : u.folderIds));
    call.fail(DomainError::notFound(u"no such user"_s));
}

Node scanStatus(const HttpServices &services, bool scanning)
{
    return Node(u"scanStatus"_s)
        .set(u"scanning"_s, scanning)
        .set(u"count"_s, TrackRepository(*services.database).count());
}

} // namespace

void addSystemEndpoints(EndpointTable &table, const HttpServices &services)
{
    table.add(u"ping"_s, Access::User, [](Call &call) { call.ok(); });
    table.add(u"getLicense"_s, Access::User, [](Call &call) {
        call.ok(Node(u"license"_s).set(u"valid"_s, true));
    });
    const Node advertised = extensions(services);
    table.add(u"getOpenSubsonicExtensions"_s, Access::Public, [advertised](Call &call) { call.okWithChildrenOf(advertised); });
    const Database *db = services.database;
    table.add(u"getMusicFolders"_s, Access::User, [db](Call &call) { musicFolders(*db, call); });
    table.add(u"getUser"_s, Access::User, [services](Call &call) { getUser(services, call); });
    table.add(u"getScanStatus"_s, Access::Admin, [services](Call &call) {
        call.ok(scanStatus(services, services.isScanning && services.isScanning()));
    });
    table.add(u"startScan"_s, Access::Admin, [services](Call &call) {
        if (services.requestScan)
            services.requestScan();
        call.ok(scanStatus(services, true));
    });
}

} // namespace cairn::subsonic
