#include "PresetsTabForm.h"

#include "transcode/PresetRules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace cairn {

PresetsTabForm::PresetsTabForm(QWidget *parent)
    : QWidget(parent), m_name(new QLineEdit), m_format(new QComboBox), m_bitrate(new QSpinBox),
      m_sampleRate(new QComboBox), m_channels(new QSpinBox)
{
    m_name->setMaxLength(kMaxPresetNameLength);
    for (const OutputFormatInfo &info : outputFormats())
        m_format->addItem(info.label, int(info.format));
    m_bitrate->setSuffix(tr(" kbit/s"));
    m_channels->setSpecialValueText(tr("as the source"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Bitrate"), m_bitrate);
    form->addRow(tr("Sample rate"), m_sampleRate);
    form->addRow(tr("Channels"), m_channels);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PresetsTabForm::adaptToFormat);
    connect(m_name, &QLineEdit::textEdited, this, &PresetsTabForm::edited);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PresetsTabForm::edited);
    connect(m_bitrate, &QSpinBox::valueChanged, this, &PresetsTabForm::edited);
    connect(m_sampleRate, &QComboBox::currentIndexChanged, this, &PresetsTabForm::edited);
    connect(m_channels, &QSpinBox::valueChanged, this, &PresetsTabForm::edited);
    adaptToFormat();
}

Preset PresetsTabForm::fresh()
{
    Preset fresh;
    fresh.name = tr("New preset");
    fresh.bitrateKbps = infoFor(fresh.format).defaultKbps;
    return fresh;
}

QString PresetsTabForm::freshHint()
{
    return tr("Edit the new preset, then save it.");
}

void PresetsTabForm::adaptToFormat()
{
    const OutputFormatInfo &info = infoFor(OutputFormat(m_format->currentData().toInt()));
    m_bitrate->setEnabled(!info.lossless);
    // The spin box allows the whole range; the rules reject values between MP3's steps.
    m_bitrate->setRange(info.lossless ? 0 : info.minKbps, info.lossless ? 0 : info.maxKbps);
    if (!info.lossless && m_bitrate->value() == 0)
        m_bitrate->setValue(info.defaultKbps);
    m_bitrate->setToolTip(tr("Allowed: %1").arg(allowedBitrates(info.format)));
    const int rate = m_sampleRate->currentData().toInt();
    m_sampleRate->clear();
    m_sampleRate->addItem(tr("as the source"), 0);
    for (int r : info.sampleRates)
        m_sampleRate->addItem(tr("%1 Hz").arg(r), r);
    m_sampleRate->setCurrentIndex(qMax(0, m_sampleRate->findData(rate)));
    m_channels->setRange(0, info.maxChannels);
}

void PresetsTabForm::setPreset(const Preset &preset)
{
    const QSignalBlocker blockName(m_name), blockFormat(m_format), blockBitrate(m_bitrate),
        blockRate(m_sampleRate), blockChannels(m_channels);
    m_id = preset.id;
    m_name->setText(preset.name);
    m_format->setCurrentIndex(m_format->findData(int(preset.format)));
    adaptToFormat();
    m_bitrate->setValue(preset.bitrateKbps);
    m_sampleRate->setCurrentIndex(qMax(0, m_sampleRate->findData(preset.sampleRate)));
    m_channels->setValue(preset.channels);
}

Preset PresetsTabForm::preset() const
{
    Preset p;
    p.id = m_id;
    p.name = m_name->text();
    p.format = OutputFormat(m_format->currentData().toInt());
    p.bitrateKbps = infoFor(p.format).lossless ? 0 : m_bitrate->value();
    p.sampleRate = m_sampleRate->currentData().toInt();
    p.channels = m_channels->value();
    return p;
}

} // namespace cairn
