#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSingleInstance, "cairn.shell.instance")

namespace cairn {
namespace {

const QByteArray activateMessage = "activate\n"_ba;
constexpr int connectTimeoutMs = 1000;

QString canonicalDir(const QString &dataDir)
{
    const QFileInfo info(dataDir);
    QString path = info.canonicalFilePath();   // empty while the directory does not exist
    if (path.isEmpty())
        path = QDir::cleanPath(info.absoluteFilePath());
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    path = path.toCaseFolded();   // case-insensitive file systems: one directory, one key
#endif
    return path;
}

} // namespace

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent), m_key(serverName(dataDir))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &dataDir)
{
    const QByteArray hash =
        QCryptographicHash::hash(canonicalDir(dataDir).toUtf8(), QCryptographicHash::Sha256);
    return u"cairn-"_s + QString::fromLatin1(hash.toHex().left(24));
}

bool SingleInstance::claim()
{
    if (m_server)
        return true;
    // The lock decides who is primary without a race between two launches at once; QLockFile
    // takes over a lock whose owner died, so a crash does not block later launches.
    auto lock = std::make_unique<QLockFile>(QDir::temp().filePath(m_key + u".lock"_s));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (askPrimaryToActivate())
            return false;
        // The lock's owner is alive but does not answer: wait briefly for it to go away.
        if (!lock->tryLock(connectTimeoutMs)) {
            qCWarning(lcSingleInstance) << "another instance holds" << lock->fileName()
                                        << "but does not answer";
            return false;
        }
    }
    m_lock = std::move(lock);
    listen();
    return true;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_key))
        return true;
    // A socket left behind by a crashed instance: we hold the lock, so nobody serves it.
    QLocalServer::removeServer(m_key);
    if (m_server->listen(m_key))
        return true;
    qCWarning(lcSingleInstance) << "cannot listen on" << m_key << m_server->errorString();
    return false;
}

bool SingleInstance::askPrimaryToActivate()
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(connectTimeoutMs))
        return false;
    socket.write(activateMessage);
    if (!socket.waitForBytesWritten(connectTimeoutMs))
        return false;
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(connectTimeoutMs);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        const auto readRequest = [this, socket] {
            if (!socket->canReadLine())
                return;
            if (socket->readLine() == activateMessage) {
                qCInfo(lcSingleInstance) << "another launch asked for the window";
                Q_EMIT activationRequested();
            }
            socket->disconnectFromServer();
        };
        connect(socket, &QLocalSocket::readyRead, this, readRequest);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        readRequest();   // the request may have arrived with the connection
    }
}

} // namespace cairn
