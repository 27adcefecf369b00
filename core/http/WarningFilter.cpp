#include "WarningFilter.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <mutex>

namespace cairn {
namespace {

std::atomic<QtMessageHandler> previousHandler{nullptr};

void filterMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg) {
        if (message.startsWith(QLatin1String("QTcpServer::nextPendingConnection() called while not listening")))
            return;
        if (qstrcmp(context.category, "qt.httpserver") == 0 && message.endsWith(QLatin1String("is not listening.")))
            return;
    }
    if (const QtMessageHandler previous = previousHandler.load())
        previous(type, context, message);
}

} // namespace

void installWorkerWarningFilter()
{
    static std::once_flag once;
    std::call_once(once, [] { previousHandler.store(qInstallMessageHandler(filterMessage)); });
}

} // namespace cairn
