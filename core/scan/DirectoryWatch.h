#pragma once
// Notifications of changes inside a set of directories (not below them): an entry created,
// deleted or renamed, a file in it written. The OS's own mechanism; create() picks it.

#include <QObject>
#include <QStringList>

#include <memory>

namespace cairn {

class DirectoryWatch : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The platform's watch, owned by the caller; its notifications arrive on the thread that
    // creates it. `portable`: QFileSystemWatcher even where a native one exists (tests).
    static std::unique_ptr<DirectoryWatch> create(bool portable = false);

    // Starts watching `dirs`; returns those that could not be watched (the OS's limit reached).
    virtual QStringList add(const QStringList &dirs) = 0;
    virtual void remove(const QStringList &dirs) = 0;

Q_SIGNALS:
    // Something in `dir` changed, or `dir` itself was deleted or moved.
    void changed(const QString &dir);
};

} // namespace cairn
