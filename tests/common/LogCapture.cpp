#include "LogCapture.h"

#include <QByteArray>
#include <QMutex>

namespace cairn::test {
namespace {

QMutex g_mutex;
QStringList g_lines;
QByteArray g_category;
bool g_passOn = true;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && g_category == context.category) {
        QMutexLocker lock(&g_mutex);
        g_lines << message;
        if (!g_passOn)
            return;
    }
    g_previous(type, context, message);
}

} // namespace

LogCapture::LogCapture(const char *category, bool passOn)
{
    {
        QMutexLocker lock(&g_mutex);
        g_category = category;
        g_passOn = passOn;
        g_lines.clear();
    }
    g_previous = qInstallMessageHandler(collect);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(g_previous);
}

QStringList LogCapture::lines() const
{
    QMutexLocker lock(&g_mutex);
    return g_lines;
}

void LogCapture::clear()
{
    QMutexLocker lock(&g_mutex);
    g_lines.clear();
}

} // namespace cairn::test
