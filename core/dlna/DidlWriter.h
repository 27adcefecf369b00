#pragma once
// DIDL-Lite as text: the containers and items of one Browse or Search answer, with only the
// optional properties the request's Filter asks for (the required ones are always written).

#include "DidlObject.h"
#include "dlna/Didl.h"

#include <QSet>
#include <QString>
#include <QXmlStreamWriter>

namespace cairn::dlna {

// A Browse/Search Filter: "*" or empty for everything, else a comma list of property names
// ("dc:creator", "res@size", "upnp:albumArtURI"…). Never refuses: unknown names are ignored.
class DidlFilter
{
public:
    explicit DidlFilter(const QString &text);
    bool wants(const QString &property) const;

private:
    bool m_all = true;
    QSet<QString> m_names;
};

class DidlWriter
{
public:
    DidlWriter(const DidlLinks &links, DidlFilter filter);

    void add(const DidlObject &object);
    QString finish();

private:
    void writeContainer(const DidlContainer &container);
    void writeItem(const DidlItem &item);
    void writeResource(const DidlResource &resource);
    void writeOptional(const QString &nsUri, const QString &name, const QString &value, const QString &filterName);
    void writeArt(const QString &url);

    const DidlLinks &m_links;
    DidlFilter m_filter;
    QString m_text;
    QXmlStreamWriter m_xml;
};

// "H:MM:SS.mmm", as res@duration wants it.
QString didlDuration(qint64 ms);

} // namespace cairn::dlna
