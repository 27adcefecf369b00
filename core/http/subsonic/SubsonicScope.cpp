#include "subsonic/SubsonicScope.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {

Result<Visibility> scopeOf(const Call &call)
{
    const Visibility &mine = call.identity().visibility;
    if (!call.params().has(u"musicFolderId"_s))
        return mine;
    const auto folder = call.params().integer(u"musicFolderId"_s, 0, 1, std::numeric_limits<qint64>::max());
    if (!folder)
        return folder.error();
    return mine.allowsFolder(*folder) ? Visibility::folders({*folder}) : Visibility::folders({});
}

} // namespace cairn::subsonic
