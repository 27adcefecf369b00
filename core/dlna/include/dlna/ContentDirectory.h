#pragma once
// UPnP ContentDirectory:1 over the catalog: Browse and Search answered as DIDL-Lite text, limited
// to what one Visibility allows. No HTTP and no SOAP here: the HTTP face unwraps the action's
// arguments into these requests and wraps the answer (or the UpnpError as a SOAP fault).

#include "catalog/Visibility.h"
#include "dlna/Didl.h"

#include <QString>

#include <variant>

namespace cairn {
class Database;
}

namespace cairn::dlna {

struct UpnpError { int code; QString description; };   // 402, 701, 708, 709, 720

struct BrowseAnswer {
    QString result;                // the DIDL-Lite document
    quint32 numberReturned = 0;
    quint32 totalMatches = 0;
    quint32 updateId = 0;
};

enum class BrowseFlag { Metadata, DirectChildren };

struct BrowseRequest {
    QString objectId;
    BrowseFlag flag;
    QString filter;
    quint32 startingIndex = 0;
    quint32 requestedCount = 0;    // 0 = all (capped at kMaxReturned)
    QString sortCriteria;
};

struct SearchRequest {
    QString containerId;
    QString criteria;
    QString filter;
    quint32 startingIndex = 0;
    quint32 requestedCount = 0;    // 0 = all (capped at kMaxReturned)
    QString sortCriteria;
};

class ContentDirectory
{
public:
    ContentDirectory(const Database &db, Visibility visibility, DidlLinks links, quint32 systemUpdateId);

    std::variant<BrowseAnswer, UpnpError> browse(const BrowseRequest &request) const;
    std::variant<BrowseAnswer, UpnpError> search(const SearchRequest &request) const;

    static QString searchCapabilities();   // "dc:title,dc:creator,upnp:artist,upnp:album,upnp:genre,upnp:class"
    static QString sortCapabilities();

    // One answer never holds more objects than this, whatever RequestedCount says: a client
    // pages on with StartingIndex (TotalMatches tells it how far).
    static constexpr quint32 kMaxReturned = 5000;

private:
    const Database &m_db;
    Visibility m_visibility;
    DidlLinks m_links;
    quint32 m_updateId;
};

} // namespace cairn::dlna
