#pragma once
// What a sidecar subtitle file's name says of it: "Film.en.srt", "Film.eng.forced.srt",
// "Film.pt-BR.sdh.vtt", "Film.Director's commentary.srt" for the video "Film.mkv".

#include "subtitle/SubtitleTrack.h"

#include <QString>

#include <optional>

namespace cairn {

// The file extensions taken as sidecar subtitles (lower case, no dot).
bool isSidecarSubtitleExtension(const QString &suffix);

// The track `fileName` describes for a video whose name without its extension is `videoStem`;
// nullopt when it is not that video's sidecar. Sets language, title, flags and codec.
std::optional<SubtitleTrack> parseSidecarName(const QString &videoStem, const QString &fileName);

// A language as an RFC 5646 tag ("en", "de", "pt-BR") from ISO 639-1/639-2 codes or tags as
// containers and file names carry them ("eng", "ger", "fre", "pt_BR"); empty for "und" and
// anything not a language.
QString languageTag(const QString &code);

} // namespace cairn
