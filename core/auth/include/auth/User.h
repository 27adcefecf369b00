#pragma once
// A user account as the rest of Cairn sees it: never carries the password hash.

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct User
{
    qint64 id = 0;
    QString name;
    bool admin = false;
    bool enabled = true;
    int maxBitrate = 0;          // kbit/s, 0 = unlimited
    bool upload = false;         // may upload media into the folders they see (admins always may)
    QList<qint64> folderIds;     // granted library folders (admins see everything anyway)
    qint64 createdAt = 0;        // seconds since the epoch
    qint64 lastSeenAt = 0;
};

// What an administrator asks for when creating or editing a user. Unset optionals keep the
// current value on edit.
struct UserChanges
{
    std::optional<QString> name;
    std::optional<QString> password;
    std::optional<bool> admin;
    std::optional<bool> enabled;
    std::optional<int> maxBitrate;
    std::optional<bool> upload;
    std::optional<QList<qint64>> folderIds;
};

} // namespace cairn
