#include "SegmentProducer.h"

#include "transcode/TranscodeSession.h"

#include "Fmp4Split.h"
#include "HlsLog.h"
#include "base/NativeCalls.h"
#include "base/OwnerOnly.h"

#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

SegmentProducer::SegmentProducer(const QString &program, SegmentJob job, std::unique_ptr<FfmpegQueue::Slot> slot,
                                 QObject *parent)
    : QObject(parent), m_job(std::move(job)), m_slot(std::move(slot)), m_next(m_job.firstIndex)
{
    m_session = std::make_unique<TranscodeSession>(program, segmentArguments(m_job));
    m_session->setBackground(m_job.background);
}

SegmentProducer::~SegmentProducer()
{
    m_session->disconnect(this);
    m_session.reset();   // kills and reaps FFmpeg
    if (m_running)       // what it was writing is a partial segment
        QFile::remove(QDir(m_job.outputDirectory).filePath(segmentFileName(m_next, m_job.format)));
}

void SegmentProducer::stop()
{
    m_session->disconnect(this);
    m_session->kill();
    m_slot.reset();
}

bool SegmentProducer::start()
{
    makeOwnerOnlyDir(m_job.outputDirectory);
    connect(m_session.get(), &TranscodeSession::activity, this, &SegmentProducer::onActivity);
    if (!m_session->start()) {
        qCWarning(lcHls).noquote() << "cannot start ffmpeg for" << m_job.inputPath << ":" << m_session->errorText();
        return false;
    }
    m_running = true;
    announceNext();
    qCDebug(lcHls) << "ffmpeg" << m_session->processId() << "produces variant" << m_job.variant.name << "from segment"
                   << m_job.firstIndex << "of" << m_job.inputPath;
    return true;
}

QString SegmentProducer::errorText() const
{
    return m_session->errorText();
}

void SegmentProducer::announceNext()
{
#if CAIRN_HAS_GROWING_SEGMENTS
    // The split of a finished fMP4 segment replaces its file by rename, which Windows refuses
    // while a reader has the file open: there, readers wait for the finished segment.
    if (m_next < m_job.timeline.count())
        Q_EMIT segmentStarted(m_next, QDir(m_job.outputDirectory).filePath(segmentFileName(m_next, m_job.format)));
#endif
}

void SegmentProducer::onSegmentWritten(int index)
{
    const QDir dir(m_job.outputDirectory);
    const QString path = dir.filePath(segmentFileName(index, m_job.format));
    if (m_job.format == SegmentFormat::Fmp4) {
        const QString initPath = dir.filePath(kInitFileName);
        const bool hadInit = QFile::exists(initPath);
        QString error;
        if (!splitFmp4Segment(path, initPath, &error)) {
            // Not served: a request for it fails when FFmpeg ends or its wait times out.
            qCWarning(lcHls).noquote() << "segment" << index << "of" << m_job.inputPath << ":" << error;
            QFile::remove(path);
            return;
        }
        if (!hadInit)
            Q_EMIT segmentFinished(kInitSegment, initPath);
    }
    Q_EMIT segmentFinished(index, path);
}

void SegmentProducer::onActivity()
{
    char buffer[4096];
    qint64 n;
    while ((n = m_session->read(buffer, sizeof buffer)) > 0)
        m_pending.append(buffer, n);
    qsizetype eol;
    while ((eol = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(eol).trimmed();
        m_pending.remove(0, eol + 1);
        const auto index = finishedSegmentIndex(line);
        if (!index) {
            if (!line.isEmpty())
                qCWarning(lcHls) << "unexpected ffmpeg segment line:" << line;
            continue;
        }
        m_next = *index + 1;
        onSegmentWritten(*index);
        if (m_running)
            announceNext();
    }
    if (m_running && m_session->hasExited() && m_session->outputEnded()) {
        m_running = false;
        m_slot.reset();
        const bool ok = m_session->succeeded();
        if (!ok)
            qCWarning(lcHls).noquote() << "ffmpeg failed for" << m_job.inputPath << ":" << m_session->errorText();
        Q_EMIT finished(ok);
    }
}

} // namespace cairn
