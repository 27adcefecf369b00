#include "catalog/NameCursor.h"

#include "CursorText.h"

namespace cairn {

QString NameCursor::encoded() const
{
    QJsonArray fields = QJsonArray::fromStringList(keys);
    fields.append(id);
    return cursortext::encoded(fields);
}

std::optional<NameCursor> NameCursor::decoded(const QString &text, int keyCount)
{
    const auto fields = cursortext::decoded(text, keyCount + 1);
    if (!fields)
        return std::nullopt;
    NameCursor cursor;
    for (int i = 0; i < keyCount; ++i) {
        if (!fields->at(i).isString())
            return std::nullopt;
        cursor.keys << fields->at(i).toString();
    }
    const auto id = cursortext::wholeNumber(fields->at(keyCount), 1, cursortext::kMostId);
    if (!id)
        return std::nullopt;
    cursor.id = *id;
    return cursor;
}

} // namespace cairn
