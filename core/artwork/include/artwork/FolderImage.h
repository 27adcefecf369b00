#pragma once
// The cover image of an album folder: cover, folder, front or album (in that order of
// preference) with a .jpg, .jpeg, .png or .webp extension, in any letter case.

#include <QFileInfoList>
#include <QString>

namespace cairn::artwork {

// Absolute path of the folder's cover image, or an empty string.
QString folderImageIn(const QString &directory);
// The same, chosen among a listing of the folder already made (sorted by name, without hidden
// entries; directories are ignored): the scanner's walk lists every folder once for both.
QString folderImageAmong(const QFileInfoList &entries);

} // namespace cairn::artwork
