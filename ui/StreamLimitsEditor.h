#pragma once
// The operator's limits as editable fields (streams in total and per user, video sessions per
// user, total and per-stream bandwidth caps in kB/s, API requests per second and burst per
// client address; 0 = unlimited) with an Apply button.

#include "activity/StreamLimits.h"

#include <QWidget>

#include <functional>

class QPushButton;
class QSpinBox;

namespace cairn {

class StreamLimitsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit StreamLimitsEditor(const StreamLimits &initial, QWidget *parent = nullptr);

    // Receives the edited limits on Apply (the app applies and stores them).
    void setApply(std::function<void(const StreamLimits &)> apply) { m_apply = std::move(apply); }
    StreamLimits limits() const;

private:
    StreamLimits m_initial;
    std::function<void(const StreamLimits &)> m_apply;
    QSpinBox *m_maxStreams;
    QSpinBox *m_maxPerUser;
    QSpinBox *m_hlsPerUser;
    QSpinBox *m_totalCap;
    QSpinBox *m_streamCap;
    QSpinBox *m_requestRate;
    QSpinBox *m_requestBurst;
    QPushButton *m_applyButton;
};

} // namespace cairn
