#pragma once
// What the scanner is doing: a progress bar (busy while the walk is still counting files),
// the file being read, the outcome of the last scan, and how many tracks the library holds.

#include <QWidget>

class QLabel;
class QProgressBar;

namespace cairn {

struct ScanProgress;
struct ScanSummary;

class ScanStatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScanStatusPanel(QWidget *parent = nullptr);

    void showScanStarted();
    void showProgress(const ScanProgress &progress);
    void showScanFinished(const ScanSummary &summary);
    void showTrackCount(qint64 count);

private:
    QProgressBar *m_progress;
    QLabel *m_currentFile;
    QLabel *m_summary;
    QLabel *m_trackCount;
};

} // namespace cairn
