#pragma once
// The Presets tab's "Video (HLS) presets" section: the list of video quality profiles and an
// editor to add, save, duplicate and delete them, each validated at save time. Messages go to
// the tab's message line through `message`. Writes are single small catalog statements.

#include "transcode/VideoPresetRepository.h"

#include <QGroupBox>

class QListWidget;
class QPushButton;

namespace cairn {

class VideoPresetForm;

class VideoPresetsPane : public QGroupBox
{
    Q_OBJECT
public:
    explicit VideoPresetsPane(VideoPresetRepository presets, QWidget *parent = nullptr);

    // For tests: the widgets a user works with.
    QListWidget *presetList() const { return m_list; }
    VideoPresetForm *form() const { return m_form; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *deleteButton() const { return m_delete; }

    void addPreset();
    bool saveCurrent();
    void duplicateCurrent();
    void deleteCurrent();

Q_SIGNALS:
    // An empty text clears the message line.
    void message(const QString &text, bool error);

private:
    QPushButton *button(const QString &label, void (VideoPresetsPane::*action)());
    void reload(qint64 selectId);
    void showSelected();

    VideoPresetRepository m_presets;
    QListWidget *m_list = nullptr;
    VideoPresetForm *m_form = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace cairn
