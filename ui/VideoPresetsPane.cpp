#include "VideoPresetsPane.h"

#include "VideoPresetForm.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cairn {

VideoPresetsPane::VideoPresetsPane(VideoPresetRepository presets, QWidget *parent)
    : QGroupBox(tr("Video (HLS) presets"), parent), m_presets(presets)
{
    m_list = new QListWidget;
    connect(m_list, &QListWidget::currentRowChanged, this, &VideoPresetsPane::showSelected);
    m_form = new VideoPresetForm;
    connect(m_form, &VideoPresetForm::edited, this, [this] { Q_EMIT message(QString(), false); });
    m_add = button(tr("Add"), &VideoPresetsPane::addPreset);
    m_duplicate = button(tr("Duplicate"), &VideoPresetsPane::duplicateCurrent);
    m_delete = button(tr("Delete"), &VideoPresetsPane::deleteCurrent);
    // A lambda: clicked(bool) must not reach saveCurrent's bool result.
    m_save = new QPushButton(tr("Save"));
    connect(m_save, &QPushButton::clicked, this, [this] { saveCurrent(); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_delete);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list);
    listColumn->addLayout(buttons);
    auto *editor = new QVBoxLayout;
    editor->addWidget(m_form);
    editor->addWidget(m_save, 0, Qt::AlignLeft);
    editor->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(listColumn, 1);
    layout->addLayout(editor, 2);
    reload(0);
}

QPushButton *VideoPresetsPane::button(const QString &label, void (VideoPresetsPane::*action)())
{
    auto *b = new QPushButton(label);
    connect(b, &QPushButton::clicked, this, action);
    return b;
}

void VideoPresetsPane::reload(qint64 selectId)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = 0;
    for (const VideoPreset &p : m_presets.list()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(tr("%1×%2, video %3 kbit/s, audio %4 kbit/s")
                             .arg(p.width).arg(p.height).arg(p.videoKbps).arg(p.audioKbps));
        if (p.id == selectId)
            row = m_list->count() - 1;
    }
    m_list->setCurrentRow(m_list->count() > 0 ? row : -1);
    showSelected();
}

void VideoPresetsPane::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (const auto preset = m_presets.find(item->data(Qt::UserRole).toLongLong()))
        m_form->setPreset(*preset);
    Q_EMIT message(QString(), false);
}

void VideoPresetsPane::addPreset()
{
    // 720p as a starting point: the middle of the defaults.
    const VideoPreset fresh{0, tr("New video preset"), 1280, 720, 2800, 128};
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_form->setPreset(fresh);
    Q_EMIT message(tr("Edit the new video preset, then save it."), false);
}

bool VideoPresetsPane::saveCurrent()
{
    const auto saved = m_presets.save(m_form->preset());
    if (const auto *error = std::get_if<QString>(&saved)) {
        Q_EMIT message(tr("Not saved: %1").arg(*error), true);
        return false;
    }
    reload(std::get<VideoPreset>(saved).id);
    Q_EMIT message(tr("Saved."), false);
    return true;
}

void VideoPresetsPane::duplicateCurrent()
{
    const VideoPreset current = m_form->preset();
    if (current.id == 0)
        return;
    const auto copy = m_presets.duplicate(current.id);
    if (const auto *error = std::get_if<QString>(&copy)) {
        Q_EMIT message(*error, true);
        return;
    }
    reload(std::get<VideoPreset>(copy).id);
}

void VideoPresetsPane::deleteCurrent()
{
    const auto stored = m_presets.find(m_form->preset().id);
    if (!stored || !m_presets.remove(stored->id))
        return;
    reload(0);
    Q_EMIT message(tr("Deleted \"%1\".").arg(stored->name), false);
}

} // namespace cairn
