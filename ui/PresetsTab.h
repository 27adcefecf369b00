#pragma once
// The Presets tab: the transcoding presets (add, edit, duplicate, delete, each validated at
// save time), a "Try" that transcodes a few seconds of a chosen track and plays them, the
// transcode cache's size, and the video (HLS) presets (VideoPresetsPane). Preset writes are
// single small catalog statements on this thread.

#include "transcode/PresetRepository.h"

#include <QWidget>

#include <functional>

class QAudioOutput;
class QComboBox;
class QLabel;
class QListWidget;
class QMediaPlayer;
class QPushButton;
class QSpinBox;

namespace cairn {

class Database;
class PresetsTabForm;
class PresetsTabTrial;
class TranscodeService;
class VideoPresetsPane;
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
    QListWidget *presetList() const { return m_list; }
    PresetsTabForm *form() const { return m_form; }
    QLabel *messageLabel() const { return m_message; }
    QComboBox *trackBox() const { return m_tracks; }
    PresetsTabTrial *trial() const { return m_trial; }
    VideoPresetsPane *videoPane() const { return m_videoPane; }

    void addPreset();
    bool saveCurrent();
    void duplicateCurrent();
    void deleteCurrent();
    void tryCurrent();

Q_SIGNALS:
    void trialFinished(const QString &summary);

private:
    QWidget *buildAudioPane();
    QWidget *buildListPane();
    QWidget *buildTryPane();
    QWidget *buildCachePane();
    void reload(qint64 selectId);
    void showSelected();
    void showMessage(const QString &text, bool error);
    void onTrialFinished(const TrialResult &result);
    void refreshCacheUsage();

    TranscodeService &m_service;
    const Database &m_db;
    PresetRepository m_presets;
    std::function<void(int)> m_setCacheMiB;
    QListWidget *m_list = nullptr;
    PresetsTabForm *m_form = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_tracks = nullptr;
    QPushButton *m_tryButton = nullptr;
    QLabel *m_trialResult = nullptr;
    QSpinBox *m_cacheMiB = nullptr;
    QLabel *m_cacheUsage = nullptr;
    PresetsTabTrial *m_trial = nullptr;
    VideoPresetsPane *m_videoPane = nullptr;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    bool m_playTrials = true;
};

} // namespace cairn
