#include "ScanStatusPanel.h"

#include "scan/LibraryScanner.h"

#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

ScanStatusPanel::ScanStatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_clock([this] { return m_elapsed.elapsed(); })
    , m_progress(new QProgressBar(this))
    , m_rateLabel(new QLabel(this))
    , m_currentFile(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_trackCount(new QLabel(this))
{
    m_progress->setObjectName(u"scanProgress"_s);
    m_elapsed.start();
    m_rateLabel->setObjectName(u"scanRateLabel"_s);
    m_currentFile->setObjectName(u"currentFileLabel"_s);
    m_summary->setObjectName(u"scanSummaryLabel"_s);
    m_trackCount->setObjectName(u"trackCountLabel"_s);

    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    // A long path must not widen the window.
    m_currentFile->setMinimumWidth(1);
    m_currentFile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_currentFile->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_trackCount, 0, 0);
    layout->addWidget(m_summary, 0, 1, Qt::AlignRight);
    layout->addWidget(m_progress, 1, 0, 1, 2);
    layout->addWidget(m_rateLabel, 2, 0, 1, 2);
    layout->addWidget(m_currentFile, 3, 0, 1, 2);
    m_rateLabel->hide();
}

void ScanStatusPanel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

void ScanStatusPanel::showScanStarted()
{
    m_progress->setRange(0, 0);
    m_rate.reset();
    m_rateLabel->clear();
    m_rateLabel->hide();
    m_currentFile->setText(tr("Looking for files…"));
    m_summary->setText(tr("Scanning"));
}

void ScanStatusPanel::showProgress(const ScanProgress &progress)
{
    if (progress.total <= 0) {
        m_progress->setRange(0, 0);   // the walk has not counted the files yet
    } else {
        m_progress->setRange(0, progress.total);
        m_progress->setValue(qMin(progress.seen, progress.total));
    }
    m_rate.add(m_clock(), progress.seen, progress.total);
    const QString rate = progressText(m_rate.done(), m_rate.total(), m_rate.filesPerSecond(), m_rate.msLeft());
    m_rateLabel->setText(rate);
    m_rateLabel->setVisible(!rate.isEmpty());
    m_currentFile->setText(QDir::toNativeSeparators(progress.currentFile));
    m_currentFile->setToolTip(m_currentFile->text());
}

QString ScanStatusPanel::progressText(int done, int total, std::optional<double> filesPerSecond,
                                      std::optional<qint64> msLeft)
{
    if (total <= 0)
        return {};
    QStringList parts{tr("%L1 of %Ln files", nullptr, total).arg(qBound(0, done, total))};
    if (filesPerSecond && std::isfinite(*filesPerSecond) && *filesPerSecond >= 0.0)
        parts << tr("%Ln files/s", nullptr, int(qMin(std::round(*filesPerSecond), double(INT_MAX))));
    if (msLeft && *msLeft > 0 && done < total)
        parts << timeLeftText(*msLeft);
    return parts.join(u" · "_s);
}

QString ScanStatusPanel::timeLeftText(qint64 msLeft)
{
    const qint64 seconds = (qMax<qint64>(0, msLeft) + 999) / 1000;   // "about 0 s" never
    if (seconds < 60)
        return tr("about %Ln s left", nullptr, int(qMax<qint64>(1, seconds)));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90)
        return tr("about %Ln min left", nullptr, int(minutes));
    return tr("about %Ln h left", nullptr, int(qMin<qint64>((minutes + 30) / 60, INT_MAX)));
}

void ScanStatusPanel::showScanFinished(const ScanSummary &summary)
{
    const int total = qMax(1, summary.filesSeen);
    m_progress->setRange(0, total);
    m_progress->setValue(total);
    m_rate.reset();
    m_rateLabel->clear();
    m_rateLabel->hide();
    m_currentFile->clear();
    m_currentFile->setToolTip({});
    m_summary->setText(tr("Last scan: %1 added, %2 updated, %3 removed, %4 errors")
                           .arg(summary.added)
                           .arg(summary.updated)
                           .arg(summary.removed)
                           .arg(summary.errors));
}

void ScanStatusPanel::showTrackCount(qint64 count)
{
    m_trackCount->setText(tr("%n tracks", nullptr, int(qMin<qint64>(count, INT_MAX))));
}

} // namespace cairn
