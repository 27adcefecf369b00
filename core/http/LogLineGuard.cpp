#include "LogLineGuard.h"

#include "base/LogText.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <mutex>

namespace cairn {
namespace {

std::atomic<QtMessageHandler> previousHandler{nullptr};

void guardMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (const QtMessageHandler previous = previousHandler.load())
        previous(type, context, oneLogLine(message));
}

} // namespace

void installLogLineGuard()
{
    static std::once_flag once;
    std::call_once(once, [] { previousHandler.store(qInstallMessageHandler(guardMessage)); });
}

} // namespace cairn
