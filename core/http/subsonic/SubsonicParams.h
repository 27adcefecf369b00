#pragma once
// A Subsonic request's parameters, from the query string and, for form POSTs (the formPost
// extension), the url-encoded body; read with the spec's error for a missing or malformed one.

#include "base/Result.h"

#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace cairn {
struct HttpRequest;
}

namespace cairn::subsonic {

class Params
{
public:
    static Params from(const HttpRequest &request);

    bool has(const QString &name) const;
    // The first value; empty when absent.
    QString value(const QString &name) const;
    // Every value of a repeated parameter (`id=1&id=2`), in order.
    QStringList values(const QString &name) const;

    // Present and not empty; else InvalidInput "required parameter 'name' is missing".
    Result<QString> required(const QString &name) const;
    // An integer within [min, max]; absent → fallback; malformed or outside → InvalidInput.
    Result<qint64> integer(const QString &name, qint64 fallback, qint64 min, qint64 max) const;
    Result<qint64> requiredInteger(const QString &name, qint64 min, qint64 max) const;
    // "true"/"false" (any case), also "1"/"0"; absent → fallback.
    Result<bool> boolean(const QString &name, bool fallback) const;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace cairn::subsonic
