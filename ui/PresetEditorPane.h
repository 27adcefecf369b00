#pragma once
// The one editor of a kind of preset in the Presets tab: the stored presets as a list, the kind's
// form, and Add, Duplicate, Delete and Save, each write validated by the preset store. Messages
// go to the tab's message line through `message`. Writes are single small catalog statements.

#include <QGroupBox>

#include <memory>

class QListWidget;
class QPushButton;

namespace cairn {

class PresetEditorKind;

class PresetEditorPane : public QGroupBox
{
    Q_OBJECT
public:
    PresetEditorPane(const QString &title, std::unique_ptr<PresetEditorKind> kind, QWidget *parent = nullptr);
    ~PresetEditorPane() override;

    // For tests: the widgets a user works with.
    QListWidget *presetList() const { return m_list; }
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
    QPushButton *button(const QString &label, void (PresetEditorPane::*action)());
    void reload(qint64 selectId);
    void showSelected();

    std::unique_ptr<PresetEditorKind> m_kind;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace cairn
