#include "ArtworkLog.h"

Q_LOGGING_CATEGORY(lcArtwork, "cairn.artwork")
