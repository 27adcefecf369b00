#pragma once
// What the HTTP layer needs to transcode: the presets (audio and video HLS), the FFmpeg
// queue (program, cap on concurrent children, waiting line) and the transcode cache. Built once by the app;
// thread-safe.

#include "ffmpeg/FfmpegQueue.h"
#include "transcode/PresetRepository.h"
#include "transcode/TranscodeCache.h"
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
    int maxQueued = 64;                           // FFmpeg jobs waiting for a slot; beyond: 503
    int queueTimeoutMs = 30000;                   // longest wait for a slot; beyond: 503
};

class TranscodeService
{
public:
    TranscodeService(const Database &db, TranscodeSettings settings);

    PresetRepository presets() const { return PresetRepository(m_db); }
    VideoPresetRepository videoPresets() const { return VideoPresetRepository(m_db); }
    FfmpegQueue &jobs() { return m_jobs; }
    TranscodeCache &cache() { return m_cache; }
    const TranscodeSettings &settings() const { return m_settings; }

    static int defaultMaxConcurrent();

private:
    const Database &m_db;
    TranscodeSettings m_settings;
    TranscodeCache m_cache;
    // Last, so it goes first: its jobs (preview clips) adopt files into the cache.
    FfmpegQueue m_jobs;
};

} // namespace cairn
