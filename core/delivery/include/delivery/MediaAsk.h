#pragma once
// What a client asks for when it wants a track's media, in no protocol's words: the original
// file, a stored preset by name, or a transcode made up from an output format and bitrate;
// optionally from an offset and within a bitrate the client can take.

#include "transcode/OutputFormat.h"

#include <QString>

#include <optional>

namespace cairn {

struct MediaAsk
{
    QString preset;                       // a stored preset, by name
    std::optional<OutputFormat> format;   // or a transcode made up from this format...
    int bitrateKbps = 0;                  // ...at this bitrate (0 = the format's default); never with `preset`
    int maxBitrateKbps = 0;               // the most the client can take (0 = no limit); caps like the user's limit
    double offsetSeconds = 0;             // where a transcode starts; NaN = the client's text was unreadable
    // With `format`: the file as it is unless its bitrate is above the user's or the client's
    // limit, then the transcode to `format` (Subsonic's stream without a format, or naming the
    // file's own). Never with an offset.
    bool originalUnlessAboveLimit = false;

    // Neither a preset nor a format: the file as it is.
    bool wantsOriginal() const { return preset.isEmpty() && !format; }
};

} // namespace cairn
