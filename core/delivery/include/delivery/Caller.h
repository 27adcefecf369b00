#pragma once
// Who asks for media, as the planner needs to know: which tracks they may see, and the account
// whose settings (the max bitrate) apply, read afresh for every request.

#include "catalog/Visibility.h"

#include <QtGlobal>

namespace cairn {

struct Caller
{
    qint64 userId = 0;        // 0 = no account (the local administrator): no bitrate limit
    Visibility visibility;    // sees nothing unless set
};

} // namespace cairn
