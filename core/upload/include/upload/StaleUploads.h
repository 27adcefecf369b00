#pragma once
// Temporary files of uploads that never ended (Cairn killed mid-upload, a power cut): hidden,
// so never scanned, and removed at the next start and before each upload into their folder.

#include <QString>

namespace cairn {

// Removes the ".cairn-upload-…" files directly in `directory` last written more than
// `olderThanSecs` ago (0: all of them); returns how many went.
int removeStaleUploads(const QString &directory, qint64 olderThanSecs);

} // namespace cairn
