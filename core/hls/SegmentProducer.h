#pragma once
// One FFmpeg run that writes the segments of one variant, from a first index to the end, into
// a work directory, and reports each finished segment (FFmpeg prints a CSV line per segment on
// stdout); an fMP4 segment is split first, its init reported once as segment kInitSegment. Holds a transcode slot while it runs; destroying it kills FFmpeg and removes the
// unfinished segment. Lives on the HLS thread.

#include "ffmpeg/FfmpegQueue.h"

#include "SegmentArguments.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace cairn {

class TranscodeSession;

class SegmentProducer : public QObject
{
    Q_OBJECT
public:
    SegmentProducer(const QString &program, SegmentJob job, std::unique_ptr<FfmpegQueue::Slot> slot,
                    QObject *parent = nullptr);
    ~SegmentProducer() override;

    bool start();                      // false: see errorText()
    const QString &variantKey() const { return m_job.variant.key; }
    int firstIndex() const { return m_job.firstIndex; }
    int nextIndex() const { return m_next; }   // the segment being produced now
    bool isRunning() const { return m_running; }
    QString errorText() const;
    // Its slot, for the producer that replaces it (a seek, a variant switch): the session keeps
    // its place instead of queueing again behind others. FFmpeg must be stopped right after.
    std::unique_ptr<FfmpegQueue::Slot> takeSlot() { return std::move(m_slot); }
    // Kills FFmpeg now and frees its slot, and says nothing more (no signal); for a producer
    // dropped inside one of its own signals, deleted later. Its unfinished segment goes with it.
    void stop();

Q_SIGNALS:
    // FFmpeg writes segment `index` into `path` now (the file may not exist yet): readers may
    // follow it as it grows. Not where a file being read cannot be replaced (Windows).
    void segmentStarted(int index, const QString &path);
    // `path` is in the work directory; the receiver moves or keeps it.
    void segmentFinished(int index, const QString &path);
    // FFmpeg exited (ok = status 0) or could not run.
    void finished(bool ok);

private:
    void onActivity();
    void onSegmentWritten(int index);
    void announceNext();

    SegmentJob m_job;
    std::unique_ptr<FfmpegQueue::Slot> m_slot;
    std::unique_ptr<TranscodeSession> m_session;
    QByteArray m_pending;      // an incomplete stdout line
    int m_next;
    bool m_running = false;
};

} // namespace cairn
