#pragma once
// The Presets tab's editor: one preset's name, format, bitrate, sample rate and channels.
// Offers only values the format takes (bitrate range or steps, sample rates, channel count).
// The audio kind's form in PresetEditorPane (see PresetEditorFor).

#include "transcode/Preset.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace cairn {

class PresetsTabForm : public QWidget
{
    Q_OBJECT
public:
    using Value = Preset;

    explicit PresetsTabForm(QWidget *parent = nullptr);

    // What PresetEditorFor asks of a kind: a new preset's values, the hint shown with them, and
    // a list row's tooltip.
    static Preset fresh();
    static QString freshHint();
    static QString describe(const Preset &) { return QString(); }

    void setPreset(const Preset &preset);
    // The edited preset (keeps the id of the one shown).
    Preset preset() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *formatBox() const { return m_format; }
    QSpinBox *bitrateBox() const { return m_bitrate; }

Q_SIGNALS:
    void edited();

private:
    void adaptToFormat();

    qint64 m_id = 0;
    QLineEdit *m_name;
    QComboBox *m_format;
    QSpinBox *m_bitrate;
    QComboBox *m_sampleRate;
    QSpinBox *m_channels;
};

} // namespace cairn
