#pragma once
// What the scanner is doing: a progress bar (busy while the walk is still counting files),
// the file being read, how fast files are read and the time left (ScanRate), the outcome of the
// last scan, and how many tracks the library holds.

#include "ScanRate.h"

#include <QElapsedTimer>
#include <QWidget>

#include <functional>
#include <optional>

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

    // The clock the rate is measured with, in milliseconds (tests set a fake one).
    void setClock(std::function<qint64()> clock);

    // "1,234 of 10,000 files · 2,150 files/s · about 4 s left"; a part that is not known is left
    // out (empty when the total is not known yet). Numbers in the default QLocale.
    static QString progressText(int done, int total, std::optional<double> filesPerSecond,
                                std::optional<qint64> msLeft);
    static QString timeLeftText(qint64 msLeft);

private:
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_clock;
    ScanRate m_rate;
    QProgressBar *m_progress;
    QLabel *m_rateLabel;
    QLabel *m_currentFile;
    QLabel *m_summary;
    QLabel *m_trackCount;
};

} // namespace cairn
