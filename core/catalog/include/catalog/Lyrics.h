#pragma once
// The lyrics a track's tags carry, as plain values: one Lyrics per text (a language, synced or
// not), each a list of lines. What OpenSubsonic's structuredLyrics is made of.

#include <QList>
#include <QString>

namespace cairn {

struct LyricLine
{
    qint64 startMs = -1;   // from the start of the track; -1 in unsynced lyrics
    QString text;          // may be empty in synced lyrics (a pause)

    friend bool operator==(const LyricLine &, const LyricLine &) = default;
};

struct Lyrics
{
    QString language;      // ISO 639 code in lower case ("eng", "de"); "xxx" when the tag does not say
    QString description;   // the tag's content descriptor (ID3v2 USLT/SYLT); usually empty
    bool synced = false;   // every line has a startMs
    QList<LyricLine> lines;
    qint64 offsetMs = 0;   // LRC [offset:]: positive shows every line that much sooner

    friend bool operator==(const Lyrics &, const Lyrics &) = default;
};

} // namespace cairn
