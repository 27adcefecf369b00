#include "transcode/TranscodeService.h"

namespace cairn {

TranscodeService::TranscodeService(const Database &db, TranscodeSettings settings)
    : m_db(db), m_settings(std::move(settings)),
      m_cache(m_settings.cacheDirectory, m_settings.cacheDirectory.isEmpty() ? 0 : m_settings.cacheMaxBytes),
      m_jobs(FfmpegQueueSettings{m_settings.ffmpegProgram, m_settings.maxConcurrent, m_settings.maxQueued,
                                 m_settings.queueTimeoutMs, 5})
{
    if (!m_settings.cacheDirectory.isEmpty())
        m_cache.load();
}

int TranscodeService::defaultMaxConcurrent()
{
    return FfmpegQueue::defaultMaxConcurrent();
}

} // namespace cairn
