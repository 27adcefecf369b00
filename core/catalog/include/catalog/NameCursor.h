#pragma once
// Where a page of albums or artists by name ended: its last item's name keys and id, so the next
// page starts right after it at any depth and whatever a scan changed in between (keyset paging,
// as LibraryCursor for tracks). Clients see it only as an opaque string.

#include <QString>
#include <QStringList>

#include <optional>

namespace cairn {

struct NameCursor
{
    QStringList keys;     // albums: title key, album artist key; artists: name key
    qint64 id = 0;

    QString encoded() const;
    // nullopt for anything encoded() did not write with `keyCount` keys.
    static std::optional<NameCursor> decoded(const QString &text, int keyCount);
};

} // namespace cairn
