#pragma once
// What PresetEditorPane needs from one kind of preset: its stored rows and the writes, through
// the kind's PresetStore, and its form. PresetEditorFor<Form> supplies it for any form that
// edits one PresetStore value (see PresetsTabForm, VideoPresetForm).

#include "base/Result.h"
#include "transcode/PresetStore.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QWidget>

#include <functional>

namespace cairn {

class PresetEditorKind
{
public:
    struct Row
    {
        qint64 id = 0;
        QString name;
        QString toolTip;
    };

    virtual ~PresetEditorKind() = default;

    virtual QWidget *form() const = 0;
    // Calls `slot` (in `context`'s lifetime) whenever the user changes the form.
    virtual void onEdited(QObject *context, std::function<void()> slot) = 0;
    virtual QList<Row> rows() const = 0;
    virtual void showStored(qint64 id) = 0;
    virtual void showFresh() = 0;
    virtual QString freshHint() const = 0;
    virtual qint64 shownId() const = 0;
    // The writes answer the stored id, or for a removal the stored name.
    virtual Result<qint64> saveShown() = 0;
    virtual Result<qint64> duplicate(qint64 id) = 0;
    virtual Result<QString> remove(qint64 id) = 0;
};

// `Form` is a widget with `using Value`, setPreset(Value), preset(), the signal edited(), and
// the statics fresh() (a new preset's values), freshHint() and describe(Value) (a row's tooltip).
template<typename Form>
class PresetEditorFor final : public PresetEditorKind
{
public:
    using Value = typename Form::Value;

    PresetEditorFor(PresetStore<Value> store, Form *form) : m_store(store), m_form(form) {}

    QWidget *form() const override { return m_form; }
    void onEdited(QObject *context, std::function<void()> slot) override
    {
        QObject::connect(m_form, &Form::edited, context, std::move(slot));
    }
    QList<Row> rows() const override
    {
        QList<Row> rows;
        for (const Value &p : m_store.list())
            rows.append(Row{p.id, p.name, Form::describe(p)});
        return rows;
    }
    void showStored(qint64 id) override
    {
        if (const auto preset = m_store.find(id))
            m_form->setPreset(*preset);
    }
    void showFresh() override { m_form->setPreset(Form::fresh()); }
    QString freshHint() const override { return Form::freshHint(); }
    qint64 shownId() const override { return m_form->preset().id; }
    Result<qint64> saveShown() override { return idOf(m_store.save(m_form->preset())); }
    Result<qint64> duplicate(qint64 id) override { return idOf(m_store.duplicate(id)); }
    Result<QString> remove(qint64 id) override
    {
        const auto stored = m_store.find(id);
        if (!stored)
            return DomainError::notFound(QString());
        if (const Outcome removed = m_store.remove(id); !removed)
            return removed.error();
        return stored->name;
    }

private:
    static Result<qint64> idOf(const Result<Value> &written)
    {
        if (!written)
            return written.error();
        return written->id;
    }

    PresetStore<Value> m_store;
    Form *m_form;
};

} // namespace cairn
