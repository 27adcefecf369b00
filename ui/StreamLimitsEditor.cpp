#include "StreamLimitsEditor.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QSpinBox *spinBox(QWidget *parent, const QString &name, int max, qint64 value, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, max);
    box->setValue(int(qMin<qint64>(value, max)));
    box->setSuffix(suffix);
    box->setSpecialValueText(QObject::tr("unlimited"));
    return box;
}

} // namespace

StreamLimitsEditor::StreamLimitsEditor(const StreamLimits &initial, QWidget *parent)
    : QWidget(parent)
    , m_initial(initial)
    , m_maxStreams(spinBox(this, u"maxStreamsSpin"_s, 1000, initial.maxStreams, {}))
    , m_maxPerUser(spinBox(this, u"maxPerUserSpin"_s, 1000, initial.maxStreamsPerUser, {}))
    , m_hlsPerUser(spinBox(this, u"hlsPerUserSpin"_s, 1000, initial.maxHlsSessionsPerUser, {}))
    , m_totalCap(spinBox(this, u"totalCapSpin"_s, 10'000'000, initial.totalBytesPerSecond / 1000, tr(" kB/s")))
    , m_streamCap(spinBox(this, u"streamCapSpin"_s, 10'000'000, initial.streamBytesPerSecond / 1000, tr(" kB/s")))
    , m_requestRate(spinBox(this, u"requestRateSpin"_s, 1'000'000, initial.requestsPerSecond, tr(" per second")))
    , m_requestBurst(new QSpinBox(this))
    , m_applyButton(new QPushButton(tr("Apply limits"), this))
{
    m_requestBurst->setObjectName(u"requestBurstSpin"_s);
    m_requestBurst->setRange(1, 1'000'000);   // a bucket of none would refuse everything
    m_requestBurst->setValue(qBound(1, initial.requestBurst, 1'000'000));
    m_requestBurst->setSuffix(tr(" at once"));
    m_requestRate->setToolTip(tr("API requests from one address (this computer is not counted); "
                                 "media requests may be four times as many"));
    m_hlsPerUser->setToolTip(tr("Beyond this, a user's video paused longest makes room, or the new one is refused"));
    m_applyButton->setObjectName(u"applyLimitsButton"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Streams at once:"), m_maxStreams);
    form->addRow(tr("Streams per user:"), m_maxPerUser);
    form->addRow(tr("Videos per user:"), m_hlsPerUser);
    form->addRow(tr("Total bandwidth:"), m_totalCap);
    form->addRow(tr("Bandwidth per stream:"), m_streamCap);
    form->addRow(tr("Requests per address:"), m_requestRate);
    form->addRow(tr("Request burst:"), m_requestBurst);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_applyButton, 0, Qt::AlignBottom);
    layout->addStretch();
    connect(m_applyButton, &QPushButton::clicked, this, [this] {
        if (m_apply)
            m_apply(limits());
    });
}

StreamLimits StreamLimitsEditor::limits() const
{
    StreamLimits l = m_initial;
    l.maxStreams = m_maxStreams->value();
    l.maxStreamsPerUser = m_maxPerUser->value();
    l.maxHlsSessionsPerUser = m_hlsPerUser->value();
    l.requestsPerSecond = m_requestRate->value();
    l.requestBurst = m_requestBurst->value();
    l.totalBytesPerSecond = qint64(m_totalCap->value()) * 1000;
    l.streamBytesPerSecond = qint64(m_streamCap->value()) * 1000;
    return l;
}

} // namespace cairn
