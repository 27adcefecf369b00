// The Logs tab: what Cairn logs appears live (from any thread), the level, category and search
// filters narrow it, Copy puts exactly the shown lines on the clipboard, "Open data folder"
// hands the folder to the system, a line with controls stays one escaped line, and the tab
// keeps no more than the journal's bound.

#include "LogsTab.h"
#include "UrlCatcher.h"
#include "base/LogJournal.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

Q_LOGGING_CATEGORY(lcFirst, "cairn.test.first")
Q_LOGGING_CATEGORY(lcSecond, "cairn.test.second")

namespace {

template<typename T>
T *child(const QWidget &parent, const QString &name)
{
    return parent.findChild<T *>(name);
}

// The shown lines that carry `marker`: the test's own, whatever else Qt logs meanwhile.
QStringList linesWith(const LogsTab &tab, const QString &marker)
{
    QStringList out;
    for (const QString &line : tab.shownLines())
        if (line.contains(marker))
            out << line;
    return out;
}

} // namespace

class TestLogsTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsLinesLiveAndFilters();
    void copiesWhatIsShown();
    void opensTheDataFolder();
    void controlCharactersStayOneLine();
    void keepsNoMoreThanTheBound();
};

void TestLogsTab::initTestCase()
{
    LogJournal::install(200);
}

void TestLogsTab::showsLinesLiveAndFilters()
{
    LogsTab tab(LogJournal::install(), u"/tmp"_s);
    tab.show();
    auto *level = child<QComboBox>(tab, u"logLevelFilter"_s);
    auto *category = child<QComboBox>(tab, u"logCategoryFilter"_s);
    auto *search = child<QLineEdit>(tab, u"logSearch"_s);
    QVERIFY(level && category && search);

    qCInfo(lcFirst) << "alpha: the first line";
    qCWarning(lcSecond) << "alpha: careful now";
    qCDebug(lcFirst) << "alpha: debug detail";   // hidden at the tab's default level
    QThread *worker = QThread::create([] { qCInfo(lcSecond) << "alpha: from a worker thread"; });
    worker->start();
    QVERIFY(worker->wait(5000));
    delete worker;

    QTRY_COMPARE(linesWith(tab, u"alpha:"_s).size(), 3);
    const QStringList all = linesWith(tab, u"alpha:"_s);
    QVERIFY2(all.at(0).contains(u" info cairn.test.first: alpha: the first line"_s), qPrintable(all.at(0)));
    QVERIFY2(all.at(1).contains(u" warning cairn.test.second: alpha: careful now"_s), qPrintable(all.at(1)));
    QVERIFY2(all.at(2).contains(u"alpha: from a worker thread"_s), qPrintable(all.at(2)));

    // Level: everything, then warnings and errors only.
    level->setCurrentIndex(level->findText(u"Everything"_s));
    QCOMPARE(linesWith(tab, u"alpha:"_s).size(), 4);
    level->setCurrentIndex(level->findText(u"Warnings and errors"_s));
    QCOMPARE(linesWith(tab, u"alpha:"_s).size(), 1);
    QVERIFY(linesWith(tab, u"alpha:"_s).first().contains(u"careful now"_s));
    level->setCurrentIndex(level->findText(u"Information and above"_s));

    // Category: the second one.
    const int second = category->findText(u"cairn.test.second"_s);
    QVERIFY2(second > 0, "a category seen is offered");
    category->setCurrentIndex(second);
    QCOMPARE(linesWith(tab, u"alpha:"_s).size(), 2);
    category->setCurrentIndex(0);   // all categories

    // Search: case-insensitive, in the message.
    search->setText(u"WORKER"_s);
    QCOMPARE(linesWith(tab, u"alpha:"_s), QStringList{all.at(2)});
    search->setText(u"no line says this"_s);
    QCOMPARE(tab.shownLines(), QStringList());
    search->clear();
    QCOMPARE(linesWith(tab, u"alpha:"_s).size(), 3);
}

void TestLogsTab::copiesWhatIsShown()
{
    LogsTab tab(LogJournal::install(), u"/tmp"_s);
    qCInfo(lcFirst) << "beta: one";
    qCInfo(lcFirst) << "beta: two";
    QTRY_COMPARE(linesWith(tab, u"beta:"_s).size(), 2);
    child<QLineEdit>(tab, u"logSearch"_s)->setText(u"beta: two"_s);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(tab, u"copyLogButton"_s), Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied.count(u'\n'), 1);
    QVERIFY2(copied.contains(u"cairn.test.first: beta: two\n"_s), qPrintable(copied));
    QVERIFY(!copied.contains(u"beta: one"_s));
}

void TestLogsTab::opensTheDataFolder()
{
    LogsTab tab(LogJournal::install(), u"/var/lib/cairn data"_s);
    test::UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"file"_s, &catcher, "open");
    QTest::mouseClick(child<QPushButton>(tab, u"openDataFolderButton"_s), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(catcher.opened, QList<QUrl>{QUrl::fromLocalFile(u"/var/lib/cairn data"_s)});
}

void TestLogsTab::controlCharactersStayOneLine()
{
    LogsTab tab(LogJournal::install(), u"/tmp"_s);
    qCWarning(lcFirst).noquote() << "gamma: a\r\ncairn.http.access: FORGED admin GET /api/users 200";
    QTRY_COMPARE(linesWith(tab, u"gamma:"_s).size(), 1);
    const QString line = linesWith(tab, u"gamma:"_s).first();
    QVERIFY2(!line.contains(u'\n') && !line.contains(u'\r'), qPrintable(line));
    QVERIFY2(line.contains(u"gamma: a"_s) && line.contains(u"FORGED"_s), qPrintable(line));
    QCOMPARE(linesWith(tab, u"FORGED"_s).size(), 1);   // not a second row
}

void TestLogsTab::keepsNoMoreThanTheBound()
{
    LogsTab tab(LogJournal::install(), u"/tmp"_s);
    const int bound = LogJournal::install().capacity();
    QCOMPARE(bound, 200);
    for (int i = 0; i < bound + 50; ++i)
        qCInfo(lcSecond) << "delta:" << i;
    QTRY_COMPARE(linesWith(tab, u"delta:"_s).size(), bound);
    QVERIFY2(linesWith(tab, u"delta:"_s).first().endsWith(u"delta: 50"_s), qPrintable(linesWith(tab, u"delta:"_s).first()));
    QVERIFY(linesWith(tab, u"delta:"_s).last().endsWith(u"delta: 249"_s));
    // A tab opened now starts from what the journal kept.
    LogsTab later(LogJournal::install(), u"/tmp"_s);
    QCOMPARE(linesWith(later, u"delta:"_s).size(), bound);
}

QTEST_MAIN(TestLogsTab)
#include "tst_logs_tab.moc"
