// The Presets tab's video (HLS) section on a real catalog, driven through its widgets with
// mouse clicks and typing (offscreen): defaults listed, a preset added from the form reaches
// the list and the catalog, an odd width is refused with a message and writes nothing,
// duplicate and delete.

#include "PresetEditorPane.h"
#include "PresetsTab.h"
#include "VideoPresetForm.h"

#include "catalog/Database.h"
#include "transcode/TranscodeService.h"
#include "transcode/VideoPresetRepository.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

class TestVideoPresetsTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsDefaults();
    void addThroughTheForm();
    void oddWidthIsRefused();
    void duplicateAndDelete();
    void duplicateNameIsRefused();

private:
    PresetEditorPane *pane() const { return m_tab->videoPane(); }
    VideoPresetForm *form() const { return m_tab->videoForm(); }
    QString message() const { return m_tab->messageLabel()->text(); }
    // A fresh repository on the same file: what the catalog holds, not what the widgets show.
    VideoPresetRepository catalog() const { return VideoPresetRepository(*m_db); }

    QStringList names() const
    {
        QStringList out;
        for (int i = 0; i < pane()->presetList()->count(); ++i)
            out << pane()->presetList()->item(i)->text();
        return out;
    }
    void select(const QString &name)
    {
        const auto items = pane()->presetList()->findItems(name, Qt::MatchExactly);
        QVERIFY2(!items.isEmpty(), qPrintable(name));
        pane()->presetList()->setCurrentItem(items.first());
    }
    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    static void typeInto(QSpinBox *box, int value)
    {
        box->selectAll();   // the number, without the suffix
        QTest::keyClicks(box, QString::number(value));
    }
    static void click(QPushButton *button) { QTest::mouseClick(button, Qt::LeftButton); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TranscodeService> m_service;
    std::unique_ptr<PresetsTab> m_tab;
};

void TestVideoPresetsTab::initTestCase()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    QCOMPARE(m_db->open(), std::nullopt);
    m_service = std::make_unique<TranscodeService>(*m_db, TranscodeSettings{});
    m_tab = std::make_unique<PresetsTab>(*m_service, *m_db, [](int) {});
    m_tab->setPlaysTrials(false);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    QVERIFY(pane());
    QVERIFY(pane()->isVisible());
}

void TestVideoPresetsTab::listsDefaults()
{
    QCOMPARE(names(), (QStringList{u"360p"_s, u"480p"_s, u"720p"_s, u"1080p"_s, u"2160p (4K)"_s}));
    select(u"1080p"_s);
    QCOMPARE(form()->preset(), *catalog().findByName(u"1080p"_s));
    QCOMPARE(form()->widthBox()->value(), 1920);
    QCOMPARE(form()->audioKbpsBox()->value(), 192);
}

void TestVideoPresetsTab::addThroughTheForm()
{
    click(pane()->addButton());
    QCOMPARE(form()->preset().id, 0);
    typeInto(form()->nameEdit(), u"Tablet"_s);
    typeInto(form()->widthBox(), 1024);
    typeInto(form()->heightBox(), 576);
    typeInto(form()->videoKbpsBox(), 2000);
    typeInto(form()->audioKbpsBox(), 96);
    click(pane()->saveButton());

    QCOMPARE(message(), u"Saved."_s);
    QCOMPARE(names(), (QStringList{u"360p"_s, u"480p"_s, u"Tablet"_s, u"720p"_s, u"1080p"_s, u"2160p (4K)"_s}));
    QCOMPARE(pane()->presetList()->currentItem()->text(), u"Tablet"_s);
    const auto stored = catalog().findByName(u"Tablet"_s);
    QVERIFY(stored.has_value());
    QCOMPARE(*stored, (VideoPreset{stored->id, u"Tablet"_s, 1024, 576, 2000, 96}));
    QCOMPARE(form()->preset(), *stored);
}

void TestVideoPresetsTab::oddWidthIsRefused()
{
    // Editing a stored preset: the row keeps its values.
    select(u"Tablet"_s);
    typeInto(form()->widthBox(), 1023);
    QCOMPARE(form()->widthBox()->value(), 1023);
    click(pane()->saveButton());
    QVERIFY2(message().contains(u"even number from 128 to 7680"_s), qPrintable(message()));
    QCOMPARE(catalog().findByName(u"Tablet"_s)->width, 1024);

    // A new one: nothing is written.
    const int before = catalog().list().size();
    click(pane()->addButton());
    typeInto(form()->nameEdit(), u"Odd"_s);
    typeInto(form()->widthBox(), 641);
    click(pane()->saveButton());
    QVERIFY2(message().contains(u"width 641"_s), qPrintable(message()));
    QCOMPARE(catalog().findByName(u"Odd"_s), std::nullopt);
    QCOMPARE(catalog().list().size(), before);
    QVERIFY(!names().contains(u"Odd"_s));

    // Typing again clears the message; an even width then saves.
    typeInto(form()->widthBox(), 640);
    QCOMPARE(message(), QString());
    click(pane()->saveButton());
    QCOMPARE(message(), u"Saved."_s);
    QCOMPARE(catalog().findByName(u"Odd"_s)->width, 640);
}

void TestVideoPresetsTab::duplicateAndDelete()
{
    select(u"Tablet"_s);
    click(pane()->duplicateButton());
    QCOMPARE(pane()->presetList()->currentItem()->text(), u"Tablet (copy)"_s);
    QCOMPARE(catalog().findByName(u"Tablet (copy)"_s)->width, 1024);

    click(pane()->deleteButton());
    QVERIFY2(message().contains(u"Tablet (copy)"_s), qPrintable(message()));
    QCOMPARE(catalog().findByName(u"Tablet (copy)"_s), std::nullopt);
    for (const QString &name : {u"Tablet"_s, u"Odd"_s}) {
        select(name);
        click(pane()->deleteButton());
        QCOMPARE(catalog().findByName(name), std::nullopt);
    }
    QCOMPARE(names(), (QStringList{u"360p"_s, u"480p"_s, u"720p"_s, u"1080p"_s, u"2160p (4K)"_s}));
    QCOMPARE(catalog().list().size(), 5);
}

void TestVideoPresetsTab::duplicateNameIsRefused()
{
    // Renaming onto another preset's name (any case) is refused and writes nothing.
    select(u"480p"_s);
    typeInto(form()->nameEdit(), u"720P"_s);
    click(pane()->saveButton());
    QCOMPARE(message(), u"Not saved: a video preset named \"720P\" already exists"_s);
    QCOMPARE(catalog().findByName(u"480p"_s)->name, u"480p"_s);
    QCOMPARE(names(), (QStringList{u"360p"_s, u"480p"_s, u"720p"_s, u"1080p"_s, u"2160p (4K)"_s}));
}

QTEST_MAIN(TestVideoPresetsTab)
#include "tst_video_presets_tab.moc"
