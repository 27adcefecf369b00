// core/upload on its own: the no-replace rename (an existing file is never touched), a
// temporary upload file that goes unless kept, a name taken meanwhile, and which leftovers
// the cleaning removes.

#include "NoReplaceRename.h"
#include "upload/StaleUploads.h"
#include "upload/UploadFile.h"
#include "upload/UploadName.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QStringList everything(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestUploadFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renameNeverReplaces();
    void temporaryFileGoesUnlessKept();
    void nameTakenMeanwhileIsAConflict();
    void onlyOldLeftoversAreCleaned();
    void namesAreNormalised();
};

void TestUploadFile::renameNeverReplaces()
{
    QTemporaryDir dir;
    const QString from = dir.filePath(u"from"_s), to = dir.filePath(u"to"_s);
    QVERIFY(writeFile(from, "new"));
    QVERIFY(writeFile(to, "old"));
    QString error;
    QCOMPARE(renameNoReplace(from, to, &error), RenameOutcome::TargetExists);
    QCOMPARE(contentOf(to), "old"_ba);
    QCOMPARE(contentOf(from), "new"_ba);
    QVERIFY(QFile::remove(to));
    QCOMPARE(renameNoReplace(from, to, &error), RenameOutcome::Renamed);
    QCOMPARE(contentOf(to), "new"_ba);
    QVERIFY(!QFile::exists(from));
    QCOMPARE(renameNoReplace(from, dir.filePath(u"other"_s), &error), RenameOutcome::Failed);
    QVERIFY(!error.isEmpty());
}

void TestUploadFile::temporaryFileGoesUnlessKept()
{
    QTemporaryDir dir;
    {
        auto file = UploadFile::create(dir.path());
        QVERIFY(file);
        QVERIFY(QFileInfo((*file)->tempPath()).fileName().startsWith(kUploadTempPrefix));
        QVERIFY(!(*file)->write("abc"));
        QCOMPARE((*file)->size(), 3);
        QCOMPARE(everything(dir.path()).size(), 1);
    }
    QCOMPARE(everything(dir.path()), QStringList());
    {
        auto file = UploadFile::create(dir.path());
        QVERIFY(file);
        QVERIFY(!(*file)->write("abcdef"));
        QVERIFY((*file)->keepAs(u"song.mp3"_s));
    }
    QCOMPARE(everything(dir.path()), QStringList{u"song.mp3"_s});
    QCOMPARE(contentOf(dir.filePath(u"song.mp3"_s)), "abcdef"_ba);
}

void TestUploadFile::nameTakenMeanwhileIsAConflict()
{
    QTemporaryDir dir;
    {
        auto file = UploadFile::create(dir.path());
        QVERIFY(file);
        QVERIFY(!(*file)->write("upload"));
        QVERIFY(writeFile(dir.filePath(u"song.mp3"_s), "someone else's"));
        const Outcome kept = (*file)->keepAs(u"song.mp3"_s);
        QVERIFY(!kept);
        QCOMPARE(kept.error().kind, DomainError::Kind::Conflict);
    }
    QCOMPARE(everything(dir.path()), QStringList{u"song.mp3"_s});
    QCOMPARE(contentOf(dir.filePath(u"song.mp3"_s)), "someone else's"_ba);
}

void TestUploadFile::onlyOldLeftoversAreCleaned()
{
    QTemporaryDir dir;
    const QString old = dir.filePath(kUploadTempPrefix + u"old"_s);
    const QString recent = dir.filePath(kUploadTempPrefix + u"recent"_s);
    const QString other = dir.filePath(u".other-hidden"_s);
    for (const QString &path : {old, recent, other})
        QVERIFY(writeFile(path, "x"));
    for (const QString &path : {old, other}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    }
    QCOMPARE(removeStaleUploads(dir.path(), 15 * 60), 1);
    QVERIFY(!QFile::exists(old));
    QVERIFY(QFile::exists(recent));
    QVERIFY(QFile::exists(other));   // only upload leftovers, never another file
    QCOMPARE(removeStaleUploads(dir.path(), 0), 1);
    QCOMPARE(everything(dir.path()), QStringList{u".other-hidden"_s});
}

void TestUploadFile::namesAreNormalised()
{
    const Result<QString> nfd = checkUploadName(u"Cafe\u0301.FLAC"_s);
    QVERIFY(nfd);
    QCOMPARE(*nfd, u"Caf\u00e9.FLAC"_s);
    QCOMPARE(checkUploadName(u"a+b (live).opus"_s).value(), u"a+b (live).opus"_s);
    QCOMPARE(checkUploadName(u"x.exe"_s).error().kind, DomainError::Kind::UnsupportedType);
    QCOMPARE(checkUploadName(u"../x.mp3"_s).error().kind, DomainError::Kind::InvalidInput);
    QCOMPARE(checkUploadName(u"COM1.mp3"_s).error().kind, DomainError::Kind::InvalidInput);
    QVERIFY(checkUploadName(u"COMET.mp3"_s));
}

QTEST_GUILESS_MAIN(TestUploadFile)
#include "tst_upload_file.moc"
