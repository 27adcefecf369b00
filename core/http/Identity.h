#pragma once
// Who is behind a request, once authenticated: the user and what they may see.

#include "catalog/Visibility.h"

#include <QString>

namespace cairn {

struct Identity
{
    qint64 userId = 0;        // 0 = nobody (public routes)
    QString name;
    bool admin = false;
    Visibility visibility;    // sees nothing unless set
};

// Which identity a route requires. Every route states one, so a new route cannot be
// reachable without a decision about who may call it.
enum class Access { Public, User, Admin };

} // namespace cairn
