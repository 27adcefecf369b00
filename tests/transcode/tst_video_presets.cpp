// Video (HLS) presets: the rules with their messages, the default rows of the migration and the
// repository on a real catalog (round trips, every rule's bad case refused without a write,
// case-insensitive name conflicts).

#include "catalog/Database.h"
#include "transcode/VideoPresetRepository.h"
#include "transcode/VideoPresetRules.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

Q_DECLARE_METATYPE(cairn::VideoPreset)

namespace {

VideoPreset valid()
{
    return VideoPreset{0, u"Tablet"_s, 1024, 576, 2000, 128};
}

int rowCount(const Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(u"SELECT COUNT(*) FROM video_presets"_s) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestVideoPresets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void boundariesAccepted_data();
    void boundariesAccepted();
    void defaultsPresentAndOrdered();
    void saveUpdateDuplicateRemove();
    void invalidPresetRefused_data();
    void invalidPresetRefused();
    void nameConflictIsCaseInsensitive();
    void unknownIds();

private:
    VideoPresetRepository repo() const { return VideoPresetRepository(*m_db); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestVideoPresets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(u"catalog.sqlite"_s));
    QCOMPARE(m_db->open(), std::nullopt);
}

void TestVideoPresets::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestVideoPresets::boundariesAccepted_data()
{
    QTest::addColumn<VideoPreset>("preset");
    QTest::newRow("smallest") << VideoPreset{0, u"Tiny"_s, 128, 96, 100, 32};
    QTest::newRow("largest") << VideoPreset{0, u"8K"_s, 7680, 4320, 100000, 512};
    QTest::newRow("name of 64 characters") << VideoPreset{0, QString(64, u'n'), 640, 360, 800, 96};
    QTest::newRow("name with spaces around") << VideoPreset{0, u"  720p  "_s, 1280, 720, 2800, 128};
}

void TestVideoPresets::boundariesAccepted()
{
    QFETCH(VideoPreset, preset);
    QCOMPARE(videoPresetError(preset), std::nullopt);
}

void TestVideoPresets::defaultsPresentAndOrdered()
{
    QList<VideoPreset> presets = repo().list();
    for (VideoPreset &p : presets) {
        QVERIFY(p.id > 0);
        QCOMPARE(videoPresetError(p), std::nullopt);
        p.id = 0;
    }
    const QList<VideoPreset> expected{
        {0, u"360p"_s, 640, 360, 800, 96},        {0, u"480p"_s, 854, 480, 1400, 128},
        {0, u"720p"_s, 1280, 720, 2800, 128},     {0, u"1080p"_s, 1920, 1080, 5000, 192},
        {0, u"2160p (4K)"_s, 3840, 2160, 16000, 192}};
    QCOMPARE(presets, expected);

    // The order is by size, not by name: a new 540p lands between 480p and 720p.
    QVERIFY(repo().save(VideoPreset{0, u"540p"_s, 960, 540, 2000, 128}).ok());
    QStringList names;
    for (const VideoPreset &p : repo().list())
        names << p.name;
    QCOMPARE(names, (QStringList{u"360p"_s, u"480p"_s, u"540p"_s, u"720p"_s, u"1080p"_s, u"2160p (4K)"_s}));
}

void TestVideoPresets::saveUpdateDuplicateRemove()
{
    VideoPresetRepository presets = repo();
    VideoPreset input = valid();
    input.name = u"  Tablet "_s;
    const auto saved = presets.save(input);
    QVERIFY(saved.ok());
    VideoPreset stored = saved.value();
    QVERIFY(stored.id > 0);
    QCOMPARE(stored.name, u"Tablet"_s);   // trimmed
    QCOMPARE(presets.find(stored.id), stored);
    QCOMPARE(presets.findByName(u"tablet"_s), stored);

    stored.videoKbps = 2400;
    stored.width = 1280;
    stored.height = 720;
    stored.name = u"Tablet HD"_s;
    QCOMPARE(presets.save(stored).value(), stored);
    QCOMPARE(presets.find(stored.id), stored);
    QCOMPARE(presets.findByName(u"Tablet"_s), std::nullopt);
    QCOMPARE(rowCount(*m_db), 6);

    const auto copy = presets.duplicate(stored.id);
    QVERIFY(copy.ok());
    QCOMPARE(copy->name, u"Tablet HD (copy)"_s);
    QCOMPARE(copy->videoKbps, 2400);
    QCOMPARE(presets.duplicate(stored.id)->name, u"Tablet HD (copy 2)"_s);
    QCOMPARE(rowCount(*m_db), 8);

    // A copy of a name at the length limit still fits the limit.
    const VideoPreset longName{0, QString(64, u'x'), 640, 360, 800, 96};
    const auto longCopy = presets.duplicate(presets.save(longName)->id);
    QVERIFY(longCopy.ok());
    QVERIFY(longCopy->name.endsWith(u" (copy)"_s));

    QVERIFY(presets.remove(stored.id));
    QCOMPARE(presets.find(stored.id), std::nullopt);
    QVERIFY(!presets.remove(stored.id));
    QVERIFY(presets.findByName(u"Tablet HD (copy)"_s).has_value());
}

void TestVideoPresets::invalidPresetRefused_data()
{
    QTest::addColumn<VideoPreset>("preset");
    QTest::addColumn<QString>("message");   // a part of the message naming what is allowed
    const VideoPreset base = valid();
    auto with = [&base](auto change) {
        VideoPreset p = base;
        change(p);
        return p;
    };
    QTest::newRow("empty name") << with([](VideoPreset &p) { p.name.clear(); }) << u"needs a name"_s;
    QTest::newRow("blank name") << with([](VideoPreset &p) { p.name = u"   "_s; }) << u"needs a name"_s;
    QTest::newRow("name of 65 characters") << with([](VideoPreset &p) { p.name = QString(65, u'n'); })
                                           << u"at most 64 characters"_s;
    QTest::newRow("width too small") << with([](VideoPreset &p) { p.width = 126; }) << u"even number from 128 to 7680"_s;
    QTest::newRow("width too large") << with([](VideoPreset &p) { p.width = 7682; })
                                     << u"even number from 128 to 7680"_s;
    QTest::newRow("odd width") << with([](VideoPreset &p) { p.width = 641; }) << u"width 641"_s;
    QTest::newRow("zero width") << with([](VideoPreset &p) { p.width = 0; }) << u"width 0"_s;
    QTest::newRow("height too small") << with([](VideoPreset &p) { p.height = 94; }) << u"even number from 96 to 4320"_s;
    QTest::newRow("height too large") << with([](VideoPreset &p) { p.height = 4322; })
                                      << u"even number from 96 to 4320"_s;
    QTest::newRow("odd height") << with([](VideoPreset &p) { p.height = 481; }) << u"height 481"_s;
    QTest::newRow("video bitrate too low") << with([](VideoPreset &p) { p.videoKbps = 99; }) << u"100 to 100000"_s;
    QTest::newRow("video bitrate too high") << with([](VideoPreset &p) { p.videoKbps = 100001; })
                                            << u"100 to 100000"_s;
    QTest::newRow("audio bitrate too low") << with([](VideoPreset &p) { p.audioKbps = 31; }) << u"32 to 512"_s;
    QTest::newRow("audio bitrate too high") << with([](VideoPreset &p) { p.audioKbps = 513; }) << u"32 to 512"_s;
    QTest::newRow("negative audio bitrate") << with([](VideoPreset &p) { p.audioKbps = -128; }) << u"32 to 512"_s;
}

void TestVideoPresets::invalidPresetRefused()
{
    QFETCH(VideoPreset, preset);
    QFETCH(QString, message);
    const auto ruleError = videoPresetError(preset);
    QVERIFY(ruleError.has_value());
    QVERIFY2(ruleError->contains(message), qPrintable(*ruleError));

    VideoPresetRepository presets = repo();
    const QList<VideoPreset> before = presets.list();
    const auto inserted = presets.save(preset);
    QVERIFY(!inserted.ok());
    QCOMPARE(inserted.error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(inserted.error().message, *ruleError);

    // The same change to an existing preset leaves the stored row as it was.
    VideoPreset update = preset;
    update.id = presets.findByName(u"720p"_s)->id;
    QCOMPARE(presets.save(update).error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(presets.list(), before);
}

void TestVideoPresets::nameConflictIsCaseInsensitive()
{
    VideoPresetRepository presets = repo();
    VideoPreset taken = valid();
    taken.name = u"720P"_s;
    const auto inserted = presets.save(taken);
    QVERIFY(!inserted.ok());
    QCOMPARE(inserted.error().kind, DomainError::Kind::Conflict);
    QCOMPARE(inserted.error().message, u"a video preset named \"720P\" already exists"_s);

    VideoPreset renamed = *presets.findByName(u"480p"_s);
    renamed.name = u" 2160P (4k) "_s;
    QCOMPARE(presets.save(renamed).error().kind, DomainError::Kind::Conflict);
    QCOMPARE(presets.findByName(u"480p"_s)->name, u"480p"_s);
    QCOMPARE(rowCount(*m_db), 5);

    // Changing only the case of its own name is not a conflict.
    VideoPreset recased = *presets.findByName(u"1080p"_s);
    recased.name = u"1080P"_s;
    QVERIFY(presets.save(recased).ok());
    QCOMPARE(presets.find(recased.id)->name, u"1080P"_s);
}

void TestVideoPresets::unknownIds()
{
    VideoPresetRepository presets = repo();
    VideoPreset ghost = valid();
    ghost.id = 9999;
    const auto saved = presets.save(ghost);
    QCOMPARE(saved.error().kind, DomainError::Kind::NotFound);
    QCOMPARE(saved.error().message, u"no such video preset"_s);
    QCOMPARE(presets.duplicate(9999).error().kind, DomainError::Kind::NotFound);
    QCOMPARE(presets.duplicate(9999).error().message, u"no such video preset"_s);
    const Outcome removed = presets.remove(9999);
    QCOMPARE(removed.error().kind, DomainError::Kind::NotFound);
    QCOMPARE(removed.error().message, u"no such video preset"_s);
    QCOMPARE(presets.find(9999), std::nullopt);
    QCOMPARE(rowCount(*m_db), 5);
}

QTEST_GUILESS_MAIN(TestVideoPresets)
#include "tst_video_presets.moc"
