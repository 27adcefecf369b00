#include "catalog/CatalogLocation.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// libpq keys a URL may carry besides the parts of the URL itself; others are refused rather
// than passed on, so a typo is not silently ignored.
const QStringList kPostgresOptions = {u"sslmode"_s, u"connect_timeout"_s, u"application_name"_s,
                                      u"sslrootcert"_s, u"sslcert"_s, u"sslkey"_s, u"target_session_attrs"_s};

DomainError badUrl(const QString &why)
{
    return DomainError::invalid(
        u"catalog/url: %1. Expected empty (SQLite in the data directory), sqlite:<file> or "
        "postgresql://user:password@host:port/database"_s.arg(why));
}

Result<CatalogLocation> parsePostgres(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(u"not a valid URL (%1)"_s.arg(url.errorString()));
    CatalogLocation location;
    location.engine = CatalogLocation::Engine::Postgres;
    location.host = url.host(QUrl::FullyDecoded);
    location.port = url.port(5432);
    if (location.port <= 0 || location.port > 65535)
        return badUrl(u"port out of range"_s);
    location.user = url.userName(QUrl::FullyDecoded);
    location.password = url.password(QUrl::FullyDecoded);
    QString database = url.path(QUrl::FullyDecoded);
    if (database.startsWith(u'/'))
        database.remove(0, 1);
    if (database.isEmpty() || database.contains(u'/'))
        return badUrl(u"the database name is missing after the host"_s);
    location.database = database;
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == u"host"_s && location.host.isEmpty()) {
            location.host = value;   // a socket directory: postgresql:///db?host=/run/postgresql
        } else if (key == u"port"_s) {
            bool ok = false;
            location.port = value.toInt(&ok);
            if (!ok || location.port <= 0 || location.port > 65535)
                return badUrl(u"port out of range"_s);
        } else if (kPostgresOptions.contains(key)) {
            if (value.contains(u';'))
                return badUrl(u"option %1 holds a ';'"_s.arg(key));
            options << key + u'=' + value;
        } else {
            return badUrl(u"unknown option '%1' (known: %2)"_s.arg(key, kPostgresOptions.join(u", "_s)));
        }
    }
    location.options = options.join(u';');
    return location;
}

} // namespace

Result<CatalogLocation> CatalogLocation::parse(const QString &url, const QString &defaultSqlitePath)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return sqlite(defaultSqlitePath);
    if (text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) || text.startsWith(u"postgres://"_s, Qt::CaseInsensitive))
        return parsePostgres(text);
    if (text.startsWith(u"sqlite:"_s, Qt::CaseInsensitive)) {
        QString path = text.mid(7);
        if (path.startsWith(u"//"_s))
            path = QUrl(text).path(QUrl::FullyDecoded);   // sqlite:///var/lib/cairn/catalog.sqlite
        if (path.isEmpty())
            return badUrl(u"the SQLite file name is missing"_s);
        return sqlite(path);
    }
    return badUrl(u"unknown scheme in '%1'"_s.arg(text.section(u':', 0, 0).left(40)));
}

QString CatalogLocation::describe() const
{
    if (engine == Engine::Sqlite)
        return sqlitePath;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(user);
    url.setHost(host.startsWith(u'/') ? QString() : host);
    if (port != 5432)
        url.setPort(port);
    url.setPath(u'/' + database);
    return url.toString();
}

} // namespace cairn
