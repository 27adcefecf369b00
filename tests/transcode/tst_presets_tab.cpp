// The Presets tab on a real catalog: defaults listed, invalid values refused with a message,
// add / edit / duplicate / delete, and "Try" producing a real file at the preset's bitrate
// (under the offscreen platform the file is checked instead of listening to it).

#include "MediaFixtures.h"
#include "PresetEditorPane.h"
#include "PresetsTab.h"
#include "PresetsTabForm.h"
#include "PresetsTabTrial.h"

#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "scan/LibraryScanner.h"
#include "transcode/TranscodeService.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestPresetsTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsDefaults();
    void invalidPresetIsRefused();
    void addEditDuplicateDelete();
    void duplicateNameIsRefused();
    void tryMeasuresTheRealOutput_data();
    void tryMeasuresTheRealOutput();
    void cacheSizeIsApplied();

private:
    PresetEditorPane *pane() const { return m_tab->audioPane(); }
    PresetsTabForm *form() const { return m_tab->audioForm(); }
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
        QVERIFY(!items.isEmpty());
        pane()->presetList()->setCurrentItem(items.first());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TranscodeService> m_service;
    std::unique_ptr<PresetsTab> m_tab;
    int m_cacheMiB = -1;
};

void TestPresetsTab::initTestCase()
{
    const QString library = m_dir.filePath(u"library"_s);
    QDir().mkpath(library);
    QCOMPARE(runProgram(u"ffmpeg"_s, {u"-nostdin"_s, u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                                      u"anoisesrc=c=pink:a=0.2:d=8:r=44100"_s, u"-ac"_s, u"2"_s,
                                      QDir(library).filePath(u"noise.flac"_s)}), QByteArray());
    QVERIFY(QFile::exists(QDir(library).filePath(u"noise.flac"_s)));
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    QCOMPARE(m_db->open(), std::nullopt);
    FolderRepository(*m_db).add(library);
    LibraryScanner scanner(*m_db);
    scanner.scanNow();
    TranscodeSettings settings;
    settings.cacheDirectory = m_dir.filePath(u"cache"_s);
    settings.cacheMaxBytes = 64LL << 20;
    m_service = std::make_unique<TranscodeService>(*m_db, settings);
    m_tab = std::make_unique<PresetsTab>(*m_service, *m_db, [this](int mib) {
        m_cacheMiB = mib;
        m_service->cache().setMaxBytes(qint64(mib) << 20);
    });
    m_tab->setPlaysTrials(false);
    m_tab->show();
    QCOMPARE(m_tab->trackBox()->count(), 1);
}

void TestPresetsTab::listsDefaults()
{
    QCOMPARE(names(), (QStringList{u"AAC 256"_s, u"FLAC"_s, u"MP3 128 (mobile)"_s, u"MP3 320"_s, u"Opus 96"_s,
                                   u"WAV (browser compatibility)"_s}));
    select(u"Opus 96"_s);
    QCOMPARE(form()->preset().format, OutputFormat::Opus);
    QCOMPARE(form()->preset().bitrateKbps, 96);
}

void TestPresetsTab::invalidPresetIsRefused()
{
    select(u"MP3 320"_s);
    form()->bitrateBox()->setValue(200);   // between MP3's CBR steps
    QVERIFY(!pane()->saveCurrent());
    QVERIFY2(m_tab->messageLabel()->text().contains(u"224"_s), qPrintable(m_tab->messageLabel()->text()));
    QCOMPARE(m_service->presets().findByName(u"MP3 320"_s)->bitrateKbps, 320);

    form()->bitrateBox()->setValue(320);
    form()->nameEdit()->setText(u"FLAC"_s);   // taken
    QVERIFY(!pane()->saveCurrent());
    QVERIFY(m_tab->messageLabel()->text().contains(u"already exists"_s));
    form()->nameEdit()->clear();
    QVERIFY(!pane()->saveCurrent());
    QVERIFY(m_tab->messageLabel()->text().contains(u"name"_s));
    QCOMPARE(names().size(), 6);
}

void TestPresetsTab::addEditDuplicateDelete()
{
    pane()->addPreset();
    form()->nameEdit()->setText(u"Car"_s);
    form()->formatBox()->setCurrentIndex(form()->formatBox()->findData(int(OutputFormat::Vorbis)));
    form()->bitrateBox()->setValue(160);
    QVERIFY(pane()->saveCurrent());
    QVERIFY(names().contains(u"Car"_s));
    QCOMPARE(m_service->presets().findByName(u"Car"_s)->format, OutputFormat::Vorbis);

    form()->bitrateBox()->setValue(128);
    QVERIFY(pane()->saveCurrent());
    QCOMPARE(m_service->presets().findByName(u"Car"_s)->bitrateKbps, 128);

    pane()->duplicateCurrent();
    QVERIFY(names().contains(u"Car (copy)"_s));
    QCOMPARE(pane()->presetList()->currentItem()->text(), u"Car (copy)"_s);
    pane()->deleteCurrent();
    select(u"Car"_s);
    pane()->deleteCurrent();
    QVERIFY(!names().contains(u"Car"_s));
    QVERIFY(!names().contains(u"Car (copy)"_s));
    QCOMPARE(names().size(), 6);
}

void TestPresetsTab::duplicateNameIsRefused()
{
    // A copy renamed onto an existing name (any case) is refused; the copy keeps its name.
    select(u"Opus 96"_s);
    pane()->duplicateCurrent();
    QCOMPARE(pane()->presetList()->currentItem()->text(), u"Opus 96 (copy)"_s);
    form()->nameEdit()->setText(u"opus 96"_s);
    QVERIFY(!pane()->saveCurrent());
    QCOMPARE(m_tab->messageLabel()->text(), u"Not saved: a preset named \"opus 96\" already exists"_s);
    QVERIFY(names().contains(u"Opus 96 (copy)"_s));
    pane()->deleteCurrent();
    QCOMPARE(m_tab->messageLabel()->text(), u"Deleted \"Opus 96 (copy)\"."_s);
    QCOMPARE(names().size(), 6);
}

void TestPresetsTab::tryMeasuresTheRealOutput_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<double>("kbps");
    QTest::newRow("MP3 128") << u"MP3 128 (mobile)"_s << u".mp3"_s << 128.0;
    QTest::newRow("WAV") << u"WAV (browser compatibility)"_s << u".wav"_s << 1411.2;
}

void TestPresetsTab::tryMeasuresTheRealOutput()
{
    QFETCH(QString, preset);
    QFETCH(QString, suffix);
    QFETCH(double, kbps);
    select(preset);
    QSignalSpy done(m_tab.get(), &PresetsTab::trialFinished);
    QSignalSpy result(m_tab->trial(), &PresetsTabTrial::finished);
    m_tab->tryCurrent();
    QVERIFY(done.wait(30000));
    const auto trial = result.first().first().value<TrialResult>();
    QVERIFY2(trial.error.isEmpty(), qPrintable(trial.error));
    QVERIFY(trial.path.endsWith(suffix));
    QCOMPARE(QFileInfo(trial.path).size(), trial.bytes);
    QVERIFY2(qAbs(trial.kbps - kbps) < kbps * 0.1, qPrintable(QString::number(trial.kbps)));
    QVERIFY(done.first().first().toString().contains(QString::number(trial.kbps, 'f', 0)));
    // The file is real audio of the trial's length.
    const QByteArray pcm = runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-i"_s, trial.path, u"-f"_s, u"s16le"_s,
                                                    u"-ac"_s, u"1"_s, u"-ar"_s, u"8000"_s, u"pipe:1"_s});
    QVERIFY(qAbs(double(pcm.size()) / 16000.0 - PresetsTabTrial::kSeconds) < 0.2);
}

void TestPresetsTab::cacheSizeIsApplied()
{
    QList<QSpinBox *> boxes = m_tab->findChildren<QSpinBox *>();
    QSpinBox *cache = nullptr;
    for (QSpinBox *b : boxes)
        if (b->suffix().contains(u"MiB"_s))
            cache = b;
    QVERIFY(cache);
    QCOMPARE(cache->value(), 64);
    cache->setValue(10);
    Q_EMIT cache->editingFinished();
    QCOMPARE(m_cacheMiB, 10);
    QCOMPARE(m_service->cache().maxBytes(), 10LL << 20);
}

QTEST_MAIN(TestPresetsTab)
#include "tst_presets_tab.moc"
