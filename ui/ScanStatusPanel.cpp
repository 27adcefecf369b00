#include "ScanStatusPanel.h"

#include "scan/LibraryScanner.h"

#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

ScanStatusPanel::ScanStatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_currentFile(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_trackCount(new QLabel(this))
{
    m_progress->setObjectName(u"scanProgress"_s);
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
    layout->addWidget(m_currentFile, 2, 0, 1, 2);
}

void ScanStatusPanel::showScanStarted()
{
    m_progress->setRange(0, 0);
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
    m_currentFile->setText(QDir::toNativeSeparators(progress.currentFile));
    m_currentFile->setToolTip(m_currentFile->text());
}

void ScanStatusPanel::showScanFinished(const ScanSummary &summary)
{
    const int total = qMax(1, summary.filesSeen);
    m_progress->setRange(0, total);
    m_progress->setValue(total);
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
