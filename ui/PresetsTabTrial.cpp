#include "PresetsTabTrial.h"

#include "transcode/FfmpegArguments.h"
#include "transcode/LiveLayout.h"
#include "transcode/TranscodeSession.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

PresetsTabTrial::PresetsTabTrial(QString ffmpegProgram, QObject *parent)
    : QObject(parent), m_program(std::move(ffmpegProgram))
{
}

PresetsTabTrial::~PresetsTabTrial() = default;

void PresetsTabTrial::start(const Track &track, const Preset &preset)
{
    m_session.reset();
    m_file.close();
    const OutputSpec spec = resolveOutput(preset, track.sampleRate, track.channels);
    m_seconds = track.durationMs > 0 ? qMin(kSeconds, double(track.durationMs) / 1000.0) : kSeconds;
    m_file.setFileName(QDir(m_dir.path()).filePath(u"trial."_s + infoFor(spec.format).extension));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return finish(tr("Cannot write the trial file: %1").arg(m_file.errorString()));
    // The server's own layout: a WAV trial gets the header Cairn writes in front of the PCM.
    const auto plan = planLive(spec, m_seconds, 0, {});
    if (plan)
        m_file.write(plan->prefix);
    m_session = std::make_unique<TranscodeSession>(m_program, ffmpegArguments({track.path, spec, 0, m_seconds}));
    connect(m_session.get(), &TranscodeSession::activity, this, &PresetsTabTrial::drain, Qt::QueuedConnection);
    if (!m_session->start())
        return finish(m_session->errorText());
}

void PresetsTabTrial::drain()
{
    if (!m_session)
        return;
    char buffer[64 * 1024];
    while (m_session->bytesAvailable() > 0)
        m_file.write(buffer, m_session->read(buffer, sizeof buffer));
    if (!m_session->outputEnded() || !m_session->hasExited())
        return;
    finish(m_session->succeeded() ? QString() : m_session->errorText());
}

void PresetsTabTrial::finish(const QString &error)
{
    TrialResult result;
    result.path = m_file.fileName();
    result.bytes = m_file.size();
    result.seconds = m_seconds;
    result.kbps = m_seconds > 0 ? double(result.bytes) * 8 / m_seconds / 1000 : 0;
    result.error = error;
    m_file.close();
    // Deleted later: this may run inside the session's own signal.
    if (m_session)
        m_session.release()->deleteLater();
    Q_EMIT finished(result);
}

} // namespace cairn
