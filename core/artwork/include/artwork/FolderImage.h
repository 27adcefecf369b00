#pragma once
// The cover image of an album folder: cover, folder, front or album (in that order of
// preference) with a .jpg, .jpeg, .png or .webp extension, in any letter case.

#include <QString>

namespace cairn::artwork {

// Absolute path of the folder's cover image, or an empty string.
QString folderImageIn(const QString &directory);

} // namespace cairn::artwork
