#include "VideoPresetForm.h"

#include "transcode/PresetRules.h"
#include "transcode/VideoPresetRules.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace cairn {
namespace {

QSpinBox *spinBox(int low, int high, int step, const QString &suffix, const QString &allowed)
{
    auto *box = new QSpinBox;
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setSuffix(suffix);
    box->setToolTip(allowed);
    return box;
}

} // namespace

VideoPresetForm::VideoPresetForm(QWidget *parent)
    : QWidget(parent), m_name(new QLineEdit),
      m_width(spinBox(kMinVideoWidth, kMaxVideoWidth, 2, tr(" px"),
                      tr("Allowed: an even number from %1 to %2").arg(kMinVideoWidth).arg(kMaxVideoWidth))),
      m_height(spinBox(kMinVideoHeight, kMaxVideoHeight, 2, tr(" px"),
                       tr("Allowed: an even number from %1 to %2").arg(kMinVideoHeight).arg(kMaxVideoHeight))),
      m_videoKbps(spinBox(kMinVideoKbps, kMaxVideoKbps, 100, tr(" kbit/s"),
                          tr("H.264. Allowed: %1 to %2").arg(kMinVideoKbps).arg(kMaxVideoKbps))),
      m_audioKbps(spinBox(kMinVideoAudioKbps, kMaxVideoAudioKbps, 16, tr(" kbit/s"),
                          tr("AAC. Allowed: %1 to %2").arg(kMinVideoAudioKbps).arg(kMaxVideoAudioKbps)))
{
    m_name->setMaxLength(kMaxPresetNameLength);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height"), m_height);
    form->addRow(tr("Video bitrate"), m_videoKbps);
    form->addRow(tr("Audio bitrate"), m_audioKbps);
    connect(m_name, &QLineEdit::textEdited, this, &VideoPresetForm::edited);
    for (QSpinBox *box : {m_width, m_height, m_videoKbps, m_audioKbps})
        connect(box, &QSpinBox::valueChanged, this, &VideoPresetForm::edited);
}

VideoPreset VideoPresetForm::fresh()
{
    // 720p as a starting point: the middle of the defaults.
    return VideoPreset{0, tr("New video preset"), 1280, 720, 2800, 128};
}

QString VideoPresetForm::freshHint()
{
    return tr("Edit the new video preset, then save it.");
}

QString VideoPresetForm::describe(const VideoPreset &p)
{
    return tr("%1×%2, video %3 kbit/s, audio %4 kbit/s").arg(p.width).arg(p.height).arg(p.videoKbps).arg(p.audioKbps);
}

void VideoPresetForm::setPreset(const VideoPreset &preset)
{
    const QSignalBlocker blockName(m_name), blockWidth(m_width), blockHeight(m_height), blockVideo(m_videoKbps),
        blockAudio(m_audioKbps);
    m_id = preset.id;
    m_name->setText(preset.name);
    m_width->setValue(preset.width);
    m_height->setValue(preset.height);
    m_videoKbps->setValue(preset.videoKbps);
    m_audioKbps->setValue(preset.audioKbps);
}

VideoPreset VideoPresetForm::preset() const
{
    return VideoPreset{m_id, m_name->text(), m_width->value(), m_height->value(), m_videoKbps->value(),
                       m_audioKbps->value()};
}

} // namespace cairn
