// The desktop's Optimised tab, clicked through with the real queue making real versions behind
// it: a version asked for over HTTP appears, its progress bar fills and it turns Ready; Delete
// removes it and its files; a version being made can be cancelled, and its FFmpeg stops.
#include "MediaFixtures.h"
#include "OptimisedTab.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "ffmpeg/FfmpegQueue.h"
#include "hls/OptimiseQueue.h"
#include "transcode/TranscodeService.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestOptimisedTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsProgressAndRemoves()
    {
        TestServer server;
        QCOMPARE(makeVideo(server.libraryPath(u"clip.mp4"_s), 14, 640, 360), QString());
        QCOMPARE(makeVideo(server.libraryPath(u"long.mp4"_s), 120, 640, 360), QString());
        TestServerOptions options;
        options.scanFirst = true;
        options.hls = true;
        options.optimised = true;
        options.optimiseSettings.quietMs = 200;
        options.optimiseSettings.tickMs = 100;
        QCOMPARE(server.start(options), QString());

        OptimisedTab tab(*server.optimiser());
        tab.show();
        auto *list = tab.findChild<QTreeWidget *>(u"optimisedList"_s);
        auto *remove = tab.findChild<QPushButton *>(u"optimisedRemove"_s);
        auto *store = tab.findChild<QLabel *>(u"optimisedStore"_s);
        QVERIFY(list && remove && store);
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(!remove->isEnabled());   // nothing selected: nothing to cancel

        const QByteArray clip = QByteArray::number(server.trackIdFor(u"clip.mp4"_s));
        QCOMPARE(request(server.port(), "POST", "/api/videos/" + clip + "/optimised").status, 202);
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *row = list->topLevelItem(0);
        QCOMPARE(row->text(0), u"clip"_s);
        QCOMPARE(row->text(1), u"360p"_s);
        QTRY_COMPARE_WITH_TIMEOUT(row->text(2), u"Ready"_s, 60000);
        auto *bar = qobject_cast<QProgressBar *>(list->itemWidget(row, 3));
        QVERIFY(bar);
        QCOMPARE(bar->maximum(), 3);   // 14 s in segments of 6 s
        QCOMPARE(bar->value(), 3);
        QVERIFY2(!store->text().startsWith(u"0 "_s), qPrintable(store->text()));
        const QString madeId = server.optimiser()->versions().constFirst().id;
        const QString madeDir = QDir(server.workPath(u"optimised"_s)).filePath(madeId);
        QVERIFY(QFileInfo::exists(QDir(madeDir).filePath(u"2.m4s"_s)));

        list->setCurrentItem(row);
        QCOMPARE(remove->text(), u"Delete"_s);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 0);
        QTRY_VERIFY(!QDir(madeDir).exists());
        QTRY_VERIFY(store->text().startsWith(u"0 "_s));

        // A long one, cancelled while FFmpeg makes it.
        const QByteArray longId = QByteArray::number(server.trackIdFor(u"long.mp4"_s));
        QCOMPARE(request(server.port(), "POST", "/api/videos/" + longId + "/optimised").status, 202);
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        row = list->topLevelItem(0);
        QTRY_COMPARE_WITH_TIMEOUT(row->text(2), u"Being made"_s, 20000);
        QTRY_COMPARE(server.transcoding()->jobs().running(), 1);
        list->setCurrentItem(row);
        QCOMPARE(remove->text(), u"Cancel"_s);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(server.optimiser()->versions().isEmpty());
        QTRY_COMPARE(server.transcoding()->jobs().running(), 0);   // its FFmpeg is gone
        QTRY_COMPARE(QDir(server.workPath(u"optimised"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
    }
};

QTEST_MAIN(TestOptimisedTab)
#include "tst_optimised_tab.moc"
