#include "DirectoryWatch.h"

#include "QtDirectoryWatch.h"
#ifdef Q_OS_LINUX
#include "InotifyDirectoryWatch.h"
#endif

namespace cairn {

std::unique_ptr<DirectoryWatch> DirectoryWatch::create()
{
#ifdef Q_OS_LINUX
    if (auto inotify = InotifyDirectoryWatch::create())
        return inotify;
#endif
    return std::make_unique<QtDirectoryWatch>();
}

} // namespace cairn
