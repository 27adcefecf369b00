#include "UploadLog.h"

Q_LOGGING_CATEGORY(lcUpload, "cairn.upload")
