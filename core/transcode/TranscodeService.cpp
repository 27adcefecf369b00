#include "transcode/TranscodeService.h"

#include <QThread>

namespace cairn {

TranscodeService::TranscodeService(const Database &db, TranscodeSettings settings)
    : m_db(db), m_settings(std::move(settings)),
      m_limiter(m_settings.maxConcurrent > 0 ? m_settings.maxConcurrent : defaultMaxConcurrent()),
      m_cache(m_settings.cacheDirectory, m_settings.cacheDirectory.isEmpty() ? 0 : m_settings.cacheMaxBytes)
{
    if (!m_settings.cacheDirectory.isEmpty())
        m_cache.load();
}

int TranscodeService::defaultMaxConcurrent()
{
    return qMax(1, QThread::idealThreadCount());
}

} // namespace cairn
