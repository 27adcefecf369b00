#include "DirectoryWatch.h"

#include "QtDirectoryWatch.h"
#ifdef CAIRN_HAVE_INOTIFY
#include "InotifyDirectoryWatch.h"
#endif

namespace cairn {

std::unique_ptr<DirectoryWatch> DirectoryWatch::create(bool portable)
{
#ifdef CAIRN_HAVE_INOTIFY
    if (!portable) {
        if (auto inotify = InotifyDirectoryWatch::create())
            return inotify;
    }
#else
    Q_UNUSED(portable)
#endif
    return std::make_unique<QtDirectoryWatch>();
}

} // namespace cairn
