#pragma once
// What the HTTP layer needs to transcode: the presets (audio and video HLS), the FFmpeg
// program, the cap on concurrent transcodes and the transcode cache. Built once by the app;
// thread-safe.

#include "transcode/PresetRepository.h"
#include "transcode/TranscodeCache.h"
#include "transcode/TranscodeLimiter.h"
#include "transcode/VideoPresetRepository.h"

#include <QString>

namespace cairn {

class Database;

struct TranscodeSettings
{
    QString ffmpegProgram = QStringLiteral("ffmpeg");
    int maxConcurrent = 0;                        // 0 = the number of cores
    QString cacheDirectory;                       // empty = no cache
    qint64 cacheMaxBytes = 2LL * 1024 * 1024 * 1024;
    int firstByteTimeoutMs = 15000;               // FFmpeg silent this long = a failed transcode
};

class TranscodeService
{
public:
    TranscodeService(const Database &db, TranscodeSettings settings);

    PresetRepository presets() const { return PresetRepository(m_db); }
    VideoPresetRepository videoPresets() const { return VideoPresetRepository(m_db); }
    TranscodeLimiter &limiter() { return m_limiter; }
    TranscodeCache &cache() { return m_cache; }
    const TranscodeSettings &settings() const { return m_settings; }

    static int defaultMaxConcurrent();

private:
    const Database &m_db;
    TranscodeSettings m_settings;
    TranscodeLimiter m_limiter;
    TranscodeCache m_cache;
};

} // namespace cairn
