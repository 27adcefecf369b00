#pragma once
// The Presets tab's "Try": transcodes the first seconds of a track with a preset into a
// temporary file (through the same TranscodeSession and arguments the server uses) and
// reports the real size and bitrate. Asynchronous: the GUI thread never waits for FFmpeg.

#include "catalog/Track.h"
#include "transcode/Preset.h"

#include <QFile>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace cairn {

class TranscodeSession;

struct TrialResult
{
    QString path;          // the transcoded file (valid until the next trial)
    qint64 bytes = 0;
    double seconds = 0;    // of audio asked for
    double kbps = 0;       // measured: bytes over seconds
    QString error;         // empty on success
};

class PresetsTabTrial : public QObject
{
    Q_OBJECT
public:
    explicit PresetsTabTrial(QString ffmpegProgram, QObject *parent = nullptr);
    ~PresetsTabTrial() override;

    static constexpr double kSeconds = 5.0;

    void start(const Track &track, const Preset &preset);
    bool isRunning() const { return m_session != nullptr; }

Q_SIGNALS:
    void finished(const cairn::TrialResult &result);

private:
    void drain();
    void finish(const QString &error);

    QString m_program;
    QTemporaryDir m_dir;
    std::unique_ptr<TranscodeSession> m_session;
    QFile m_file;
    double m_seconds = 0;
};

} // namespace cairn
