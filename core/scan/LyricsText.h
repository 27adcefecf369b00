#pragma once
// Turns what a lyrics tag holds into a Lyrics value: the text cleaned (any line ends, control
// characters and broken UTF-16 removed, blank edges dropped) and LRC text recognised as synced.

#include "catalog/Lyrics.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace cairn::lyrics {

// What a lyrics tag's key says beyond "lyrics".
struct LyricsKey
{
    QString language;      // as the key gives it; empty when it does not
    QString description;
};

// Whether `key` (any case) names lyrics: LYRICS and UNSYNCEDLYRICS (Vorbis comments, APE,
// Matroska) and FFmpeg's "lyrics-<language>" and "lyrics-<description>-<language>" (ID3v2
// USLT as FFmpeg reads and copies it).
std::optional<LyricsKey> lyricsKey(QStringView key);

// "eng" for "ENG" or "eng\0"; "xxx" for what is no 2–3 letter code, and for "und" and "XXX".
QString languageCode(QStringView code);

// `text` with "\n" for every line end (CR LF, CR, U+2028/9), without a BOM, NULs and other
// control characters but tabs, and with U+FFFD for unpaired surrogates.
QString cleaned(QStringView text);

// The lyrics in a tag's text: synced lines when most lines carry LRC time tags (ID tags
// dropped, [offset:] kept, untimed lines continuing the line above), else the plain lines.
// Nothing when no line has text.
std::optional<Lyrics> fromText(QStringView text, const QString &language, const QString &description);

// Synced lyrics from timed pieces (ID3v2 SYLT): a piece starting with a line end begins a new
// line, others continue the current one (karaoke syllables) unless no piece starts a line.
// Nothing when no line has text.
std::optional<Lyrics> fromTimedPieces(const QList<LyricLine> &pieces, const QString &language,
                                      const QString &description);

} // namespace cairn::lyrics
