#include "OpenFileLimit.h"

#include "HttpLog.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace cairn {
namespace {
constexpr long kWanted = 65536;
}

long raiseOpenFileLimit()
{
#if defined(Q_OS_UNIX)
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    rlim_t wanted = kWanted;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted)
        wanted = limit.rlim_max;
#if defined(Q_OS_MACOS)
    wanted = qMin<rlim_t>(wanted, OPEN_MAX);   // macOS refuses more than OPEN_MAX here
#endif
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        const rlim_t before = limit.rlim_cur;
        limit.rlim_cur = wanted;
        if (::setrlimit(RLIMIT_NOFILE, &limit) == 0)
            qCInfo(lcHttp) << "open file limit raised from" << quint64(before) << "to" << quint64(wanted);
        else
            qCWarning(lcHttp) << "cannot raise the open file limit above" << quint64(before);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY ? kWanted : long(limit.rlim_cur);
#else
    return -1;
#endif
}

} // namespace cairn
