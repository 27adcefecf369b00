// The `cairn` executable links no widget code: --headless (and a display-less start) never
// maps QtWidgets, while a start with a display loads the desktop module (window and tray).
// A missing module leaves a working headless server and says why.

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDesktopModule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headlessMapsNoWidgets();
    void displayLoadsDesktopModule();
    void missingModuleServesHeadless();
};

namespace {

// The shared objects a running process has mapped (Linux's view of "loaded code").
QByteArray mappedFiles(qint64 pid)
{
    QFile maps(u"/proc/%1/maps"_s.arg(pid));
    return maps.open(QIODevice::ReadOnly) ? maps.readAll() : QByteArray();
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

int healthStatus(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return 0;
    socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(2000))
        answer += socket.readAll();
    static const QRegularExpression statusLine(u"^HTTP/1\\.1 (\\d{3}) "_s);
    return statusLine.match(QString::fromLatin1(answer)).captured(1).toInt();
}

// A running `cairn` with its own data dir, a known port and a first administrator.
class CairnProcess
{
public:
    CairnProcess(const QStringList &extraArguments, const QProcessEnvironment &environment)
    {
        QFile password(m_dir.filePath(u"password"_s));
        if (password.open(QIODevice::WriteOnly))
            password.write("correct horse battery\n");
        password.close();
        m_port = freePort();
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(CAIRN_BINARY),
                        QStringList{u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--port"_s, QString::number(m_port),
                                    u"--bind"_s, u"127.0.0.1"_s, u"--admin-user"_s, u"admin"_s,
                                    u"--admin-password-file"_s, password.fileName()}
                            + extraArguments);
    }
    ~CairnProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QProcess &process() { return m_process; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }

    // SIGTERM, as a service manager or a desktop session ends it; the exit code.
    int stop()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

QProcessEnvironment withDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"CAIRN_DESKTOP_MODULE"_s);
    return environment;
}

} // namespace

void TestDesktopModule::initTestCase()
{
    if (!QFile::exists(u"/proc/self/maps"_s))
        QSKIP("needs /proc/<pid>/maps to see which libraries a process loaded");
}

void TestDesktopModule::headlessMapsNoWidgets()
{
    CairnProcess cairn({u"--headless"_s}, withDisplay());
    QVERIFY(cairn.process().waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(healthStatus(cairn.port()), 200, 20000);
    const QByteArray maps = mappedFiles(cairn.pid());
    QVERIFY(maps.contains("libQt6Core"));
    QVERIFY2(!maps.contains("libQt6Widgets"), "a headless server mapped QtWidgets");
    QVERIFY(!maps.contains("cairn-desktop"));
    QCOMPARE(cairn.stop(), 0);
}

void TestDesktopModule::displayLoadsDesktopModule()
{
    CairnProcess cairn({}, withDisplay());
    QVERIFY(cairn.process().waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(healthStatus(cairn.port()), 200, 20000);
    const QByteArray maps = mappedFiles(cairn.pid());
    QVERIFY2(maps.contains("cairn-desktop"), "the desktop module was not loaded");
    QVERIFY(maps.contains("libQt6Widgets"));
    QCOMPARE(cairn.stop(), 0);
}

void TestDesktopModule::missingModuleServesHeadless()
{
    QProcessEnvironment environment = withDisplay();
    environment.insert(u"CAIRN_DESKTOP_MODULE"_s, u"/nonexistent/cairn-desktop.so"_s);
    CairnProcess cairn({}, environment);
    QVERIFY(cairn.process().waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(healthStatus(cairn.port()), 200, 20000);
    QVERIFY(!mappedFiles(cairn.pid()).contains("libQt6Widgets"));
    QCOMPARE(cairn.stop(), 0);
    const QString err = QString::fromUtf8(cairn.process().readAllStandardError());
    QVERIFY2(err.contains(u"desktop module cannot be loaded (/nonexistent/cairn-desktop.so: no such file); serving headless"_s),
             qPrintable(err));
}

QTEST_GUILESS_MAIN(TestDesktopModule)
#include "tst_desktop_module.moc"
