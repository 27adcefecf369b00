#pragma once
// The editor of one video (HLS) preset: name, frame box (width × height) and the H.264 and AAC
// bitrates. The boxes offer the allowed ranges; VideoPresetRules judges the rest (even sizes).
// The video kind's form in PresetEditorPane (see PresetEditorFor).

#include "transcode/VideoPreset.h"

#include <QWidget>

class QLineEdit;
class QSpinBox;

namespace cairn {

class VideoPresetForm : public QWidget
{
    Q_OBJECT
public:
    using Value = VideoPreset;

    explicit VideoPresetForm(QWidget *parent = nullptr);

    // What PresetEditorFor asks of a kind: a new preset's values, the hint shown with them, and
    // a list row's tooltip.
    static VideoPreset fresh();
    static QString freshHint();
    static QString describe(const VideoPreset &preset);

    void setPreset(const VideoPreset &preset);
    // The edited preset (keeps the id of the one shown).
    VideoPreset preset() const;

    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *widthBox() const { return m_width; }
    QSpinBox *heightBox() const { return m_height; }
    QSpinBox *videoKbpsBox() const { return m_videoKbps; }
    QSpinBox *audioKbpsBox() const { return m_audioKbps; }

Q_SIGNALS:
    void edited();

private:
    qint64 m_id = 0;
    QLineEdit *m_name;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QSpinBox *m_videoKbps;
    QSpinBox *m_audioKbps;
};

} // namespace cairn
