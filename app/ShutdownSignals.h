#pragma once
// Turns SIGINT/SIGTERM (POSIX) and console close/Ctrl+C (Windows) into a normal
// QCoreApplication::quit(), so a service stop or Ctrl+C unwinds the runtime cleanly
// (server stopped, scan cancelled, child processes ended) instead of killing it mid-write.

#include <QObject>

namespace cairn {

class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;
};

} // namespace cairn
