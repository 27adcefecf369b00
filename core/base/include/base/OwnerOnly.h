#pragma once
// Files and folders only the account running Cairn may read. What lies in the data dir beside
// the catalog (resized covers, transcodes, thumbnails, HLS segments) tells what the users own
// and play, so it is kept like the catalog: on Unix 0600 files and 0700 folders, created so
// from the start (no moment where another account could open them). On Windows the data dir
// sits in the user's profile, whose ACL already keeps other accounts out: nothing is changed.

#include <QFile>
#include <QString>

namespace cairn {

// Creates `path` and its missing parents, each created folder owner-only, and makes `path`
// itself owner-only even when it existed (a cache left by an older version). False when it is
// not a folder afterwards.
bool makeOwnerOnlyDir(const QString &path);

// Opens `file` with `mode`; a file created by it is owner-only.
bool openOwnerOnly(QFile &file, QIODevice::OpenMode mode);

// Makes an existing file owner-only (one another program wrote, e.g. FFmpeg's output).
bool restrictFileToOwner(const QString &path);

} // namespace cairn
