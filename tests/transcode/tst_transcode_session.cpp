// TranscodeSession on its own: output through the socketpair with real backpressure, stderr
// kept for failures, kill on destruction, and FFmpeg's death with its parent process.

#include "ProcessTable.h"

#include "base/NativeCalls.h"
#include "transcode/TranscodeSession.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QStringList toneArgs(const QString &duration)
{
    return {u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
            u"sine=frequency=440:duration="_s + duration, u"-f"_s, u"s16le"_s, u"pipe:1"_s};
}

} // namespace

class TestTranscodeSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWholeOutput();
    void slowReaderBlocksFfmpeg();
    void failureKeepsStderr();
    void missingProgram();
    void destructionKillsAndReaps();
    void childDiesWithItsParent();
};

void TestTranscodeSession::readsWholeOutput()
{
    TranscodeSession session(u"ffmpeg"_s, toneArgs(u"2"_s));
    QVERIFY(session.start());
    QByteArray out;
    char buffer[65536];
    while (!session.outputEnded()) {
        if (session.bytesAvailable() == 0)
            QVERIFY(session.waitForOutput(10000) || session.outputEnded());
        out.append(buffer, session.read(buffer, sizeof buffer));
    }
    QVERIFY(session.waitForExit(10000));
    QTRY_VERIFY(session.hasExited());
    QVERIFY(session.succeeded());
    QCOMPARE(out.size(), 2 * 44100 * 2);   // 2 s, mono, 16 bit
}

void TestTranscodeSession::slowReaderBlocksFfmpeg()
{
    if (!processTableAvailable())
        QSKIP("needs /proc");
#if !CAIRN_HAS_SOCKETPAIR_OUTPUT
    // Known gap (Windows; CAIRN_PORTABLE_FALLBACKS): QProcess reads its pipe without a bound.
    QSKIP("QProcess's stdout pipe has no read bound: FFmpeg is not held back by a slow reader");
#endif
    // 10 minutes of PCM (~53 MB) would take FFmpeg a second or two; unread, it must block.
    TranscodeSession session(u"ffmpeg"_s, toneArgs(u"600"_s));
    QVERIFY(session.start());
    QVERIFY(session.waitForOutput(10000));
    QTest::qWait(1500);
    QVERIFY(!session.hasExited());
    QVERIFY(processRunning(session.processId()));
    QVERIFY(session.bytesAvailable() <= 256 * 1024);
}

void TestTranscodeSession::failureKeepsStderr()
{
    TranscodeSession session(u"ffmpeg"_s, {u"-nostdin"_s, u"-i"_s, u"file:/nonexistent/x.flac"_s, u"-f"_s, u"mp3"_s,
                                            u"pipe:1"_s});
    QVERIFY(session.start());
    QVERIFY(!session.waitForOutput(10000));
    QVERIFY(session.waitForExit(10000));
    QVERIFY(!session.succeeded());
    QVERIFY2(session.errorText().contains(u"No such file"_s), qPrintable(session.errorText()));
}

void TestTranscodeSession::missingProgram()
{
    TranscodeSession session(u"/nonexistent/ffmpeg"_s, {});
    QVERIFY(!session.start());
    QVERIFY(session.errorText().contains(u"cannot start"_s));
}

void TestTranscodeSession::destructionKillsAndReaps()
{
    if (!processTableAvailable())
        QSKIP("needs /proc");
    qint64 pid = 0;
    {
        TranscodeSession session(u"ffmpeg"_s, toneArgs(u"600"_s));
        QVERIFY(session.start());
        pid = session.processId();
        QVERIFY(processRunning(pid));
    }
    QVERIFY(!processExists(pid));   // killed and reaped before the destructor returned
}

void TestTranscodeSession::childDiesWithItsParent()
{
#if !CAIRN_HAS_PARENT_DEATH_SIGNAL
    QSKIP("PR_SET_PDEATHSIG is Linux-only (and off with CAIRN_PORTABLE_FALLBACKS); elsewhere the session kills FFmpeg when it ends");
#endif
    QProcess host;
    host.start(QCoreApplication::applicationDirPath() + u"/transcode_child_host"_s, QStringList{});
    QVERIFY(host.waitForStarted(10000));
    QVERIFY(host.waitForReadyRead(10000));
    const qint64 ffmpeg = host.readLine().trimmed().toLongLong();
    QVERIFY(ffmpeg > 0);
    QVERIFY(processRunning(ffmpeg));
    host.kill();   // SIGKILL: the host gets no chance to clean up
    QVERIFY(host.waitForFinished(5000));
    // Whoever adopts the orphan reaps it; what matters is that it no longer runs.
    QTRY_VERIFY_WITH_TIMEOUT(!processRunning(ffmpeg), 1000);
}

QTEST_GUILESS_MAIN(TestTranscodeSession)
#include "tst_transcode_session.moc"
