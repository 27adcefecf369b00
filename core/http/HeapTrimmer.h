#pragma once
// Gives the memory of finished connections back to the system. glibc keeps freed heap pages in
// its arenas (one per thread that allocates), so after a burst of 2,000 clients a worker would
// hold on to their buffers' pages for good. Trims when a worker has had no connection for a
// moment, and now and then when it serves far fewer than at its peak. A no-op without glibc.

#include <QObject>
#include <QTimer>

namespace cairn {

class HeapTrimmer : public QObject
{
    Q_OBJECT
public:
    explicit HeapTrimmer(QObject *parent = nullptr);
    // The worker's connection count changed (call on the worker's thread).
    void connectionsChanged(int count);

private:
    void trimIfIdle();
    void trimIfShrunk();
    void trim();

    QTimer m_idle;
    QTimer m_periodic;
    int m_count = 0;
    int m_peak = 0;   // most connections since the last trim
};

} // namespace cairn
