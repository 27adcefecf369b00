#pragma once
// One GUI instance per data directory: a second launch on the same data dir asks the first
// to show its window and exits; instances on different data dirs run side by side.

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

namespace cairn {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the primary instance (it then listens for later launches);
    // false when a running instance was found and asked to show itself.
    bool claim();

    // The local socket name for a data directory: a hash of its canonical path, so it is
    // short, has no path separators and differs per data directory.
    static QString serverName(const QString &dataDir);

Q_SIGNALS:
    void activationRequested();

private:
    bool listen();
    bool askPrimaryToActivate();
    void onNewConnection();

    QString m_key;
    QLocalServer *m_server = nullptr;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace cairn
