#include "PresetEditorPane.h"

#include "PresetEditorKind.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cairn {

PresetEditorPane::PresetEditorPane(const QString &title, std::unique_ptr<PresetEditorKind> kind, QWidget *parent)
    : QGroupBox(title, parent), m_kind(std::move(kind))
{
    m_list = new QListWidget;
    connect(m_list, &QListWidget::currentRowChanged, this, &PresetEditorPane::showSelected);
    m_kind->onEdited(this, [this] { Q_EMIT message(QString(), false); });
    m_add = button(tr("Add"), &PresetEditorPane::addPreset);
    m_duplicate = button(tr("Duplicate"), &PresetEditorPane::duplicateCurrent);
    m_delete = button(tr("Delete"), &PresetEditorPane::deleteCurrent);
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
    editor->addWidget(m_kind->form());
    editor->addWidget(m_save, 0, Qt::AlignLeft);
    editor->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(listColumn, 1);
    layout->addLayout(editor, 2);
    reload(0);
}

PresetEditorPane::~PresetEditorPane() = default;

QPushButton *PresetEditorPane::button(const QString &label, void (PresetEditorPane::*action)())
{
    auto *b = new QPushButton(label);
    connect(b, &QPushButton::clicked, this, action);
    return b;
}

void PresetEditorPane::reload(qint64 selectId)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = 0;
    for (const PresetEditorKind::Row &r : m_kind->rows()) {
        auto *item = new QListWidgetItem(r.name, m_list);
        item->setData(Qt::UserRole, r.id);
        item->setToolTip(r.toolTip);
        if (r.id == selectId)
            row = m_list->count() - 1;
    }
    m_list->setCurrentRow(m_list->count() > 0 ? row : -1);
    showSelected();
}

void PresetEditorPane::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_kind->showStored(item->data(Qt::UserRole).toLongLong());
    Q_EMIT message(QString(), false);
}

void PresetEditorPane::addPreset()
{
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_kind->showFresh();
    Q_EMIT message(m_kind->freshHint(), false);
}

bool PresetEditorPane::saveCurrent()
{
    const Result<qint64> saved = m_kind->saveShown();
    if (!saved) {
        Q_EMIT message(tr("Not saved: %1").arg(saved.error().message), true);
        return false;
    }
    reload(*saved);
    Q_EMIT message(tr("Saved."), false);
    return true;
}

void PresetEditorPane::duplicateCurrent()
{
    const qint64 id = m_kind->shownId();
    if (id == 0)
        return;
    const Result<qint64> copy = m_kind->duplicate(id);
    if (!copy) {
        Q_EMIT message(copy.error().message, true);
        return;
    }
    reload(*copy);
}

void PresetEditorPane::deleteCurrent()
{
    const qint64 id = m_kind->shownId();
    if (id == 0)
        return;
    const Result<QString> removed = m_kind->remove(id);
    if (!removed)
        return;
    reload(0);
    Q_EMIT message(tr("Deleted \"%1\".").arg(*removed), false);
}

} // namespace cairn
