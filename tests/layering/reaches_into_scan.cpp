// Built by the `layering` test with cairn_hls's include path: it must NOT compile, because
// ScanLog.h is an internal of the scanner library, not part of its public face.
#include "scan/ScanLog.h"
