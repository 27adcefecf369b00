#pragma once
// Where a fragmented MP4 file's media part begins: what an init segment is cut at, and where a
// reader of a segment still being written starts sending.

#include <QByteArrayView>

#include <optional>

namespace cairn {

// Where the first top-level moof box starts (the init's size), or nullopt when the bytes
// do not begin with well-formed boxes up to one.
std::optional<qint64> fmp4InitSize(QByteArrayView head);

} // namespace cairn
