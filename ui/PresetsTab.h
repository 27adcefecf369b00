#pragma once
// The Presets tab: the transcoding presets and the video (HLS) presets, each in the one preset
// editor (PresetEditorPane) with its own form, a "Try" that transcodes a few seconds of a chosen
// track with the audio preset shown and plays them, and the transcode cache's size. Preset
// writes are single small catalog statements on this thread.

#include <QWidget>

#include <functional>

class QAudioOutput;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSpinBox;

namespace cairn {

class Database;
class PresetEditorPane;
class PresetsTabForm;
class PresetsTabTrial;
class TranscodeService;
class VideoPresetForm;
struct TrialResult;

class PresetsTab : public QWidget
{
    Q_OBJECT
public:
    // `setCacheMiB` resizes the transcode cache and keeps the setting (Runtime does both).
    PresetsTab(TranscodeService &service, const Database &db, std::function<void(int)> setCacheMiB,
               QWidget *parent = nullptr);
    ~PresetsTab() override;

    // Tests turn playback off: under the offscreen platform they check the file instead.
    void setPlaysTrials(bool play) { m_playTrials = play; }

    // For tests: the widgets a user works with.
    PresetEditorPane *audioPane() const { return m_audioPane; }
    PresetsTabForm *audioForm() const { return m_form; }
    PresetEditorPane *videoPane() const { return m_videoPane; }
    VideoPresetForm *videoForm() const { return m_videoForm; }
    QLabel *messageLabel() const { return m_message; }
    QComboBox *trackBox() const { return m_tracks; }
    PresetsTabTrial *trial() const { return m_trial; }

    void tryCurrent();

Q_SIGNALS:
    void trialFinished(const QString &summary);

private:
    QWidget *buildTryPane();
    QWidget *buildCachePane();
    void showMessage(const QString &text, bool error);
    void onTrialFinished(const TrialResult &result);
    void refreshCacheUsage();

    TranscodeService &m_service;
    const Database &m_db;
    std::function<void(int)> m_setCacheMiB;
    PresetsTabForm *m_form = nullptr;
    PresetEditorPane *m_audioPane = nullptr;
    VideoPresetForm *m_videoForm = nullptr;
    PresetEditorPane *m_videoPane = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_tracks = nullptr;
    QPushButton *m_tryButton = nullptr;
    QLabel *m_trialResult = nullptr;
    QSpinBox *m_cacheMiB = nullptr;
    QLabel *m_cacheUsage = nullptr;
    PresetsTabTrial *m_trial = nullptr;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    bool m_playTrials = true;
};

} // namespace cairn
