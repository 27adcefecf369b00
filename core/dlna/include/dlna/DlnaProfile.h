#pragma once
// What a DLNA renderer is told about a media resource before it asks for it: the MIME type, the
// DLNA profile name (DLNA.ORG_PN) where Cairn can be sure one applies, how the resource can be
// sought, and the transfer flags; as the fourth field of protocolInfo (DIDL-Lite `res`) and as
// the `contentFeatures.dlna.org` header of the media answer.
//
// A wrong profile name is worse than none: some TVs (Samsung) refuse an item whose PN does not
// match what they decode, while every renderer accepts a resource without one. So a PN is only
// given when the catalog's facts (container, codec, bitrate, rate, channels) prove it.

#include "catalog/Track.h"
#include "transcode/OutputFormat.h"

#include <QByteArray>
#include <QString>

namespace cairn::dlna {

struct DlnaMedia
{
    QByteArray mimeType;
    QByteArray profile;   // the DLNA.ORG_PN value; empty = none applies (or none is certain)
};

// The file as it is.
DlnaMedia dlnaMediaOf(const Track &track);
// A transcode Cairn produces. WAV goes out as "audio/wav" (a RIFF file), not as DLNA's LPCM
// (raw audio/L16), so it carries no PN.
DlnaMedia dlnaMediaOfTranscode(OutputFormat format, int sampleRate, int channels);
// A video's MPEG-TS copy (H.264 High + AAC-LC stereo, the HLS ladder's encoding), without a PN:
// see DlnaProfile.cpp for why no AVC_TS_* profile is certain.
DlnaMedia dlnaMediaOfVideoTranscode();

// How a renderer may seek in the resource (DLNA.ORG_OP). BytesAndTime is an addition to the
// shared design: a constant-bitrate transcode answers both Range and TimeSeekRange.
enum class DlnaSeek { Bytes, Time, None, BytesAndTime };

// "DLNA.ORG_PN=…;DLNA.ORG_OP=…;DLNA.ORG_CI=…;DLNA.ORG_FLAGS=…" (PN only when a profile applies).
QByteArray contentFeatures(const DlnaMedia &media, DlnaSeek seek, bool transcoded);
// "http-get:*:<mime>:<contentFeatures>"
QString protocolInfo(const DlnaMedia &media, DlnaSeek seek, bool transcoded);

// Whether a renderer should rather be offered a transcode besides the original: formats many
// renderers do not decode (FLAC on older TVs, Opus, Vorbis, WavPack, APE, WMA, ALAC, DSD,
// Matroska/WebM/AVI video).
bool needsCompatibleCopy(const Track &track);

} // namespace cairn::dlna
