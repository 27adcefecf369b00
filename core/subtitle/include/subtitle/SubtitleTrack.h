#pragma once
// A video's text subtitles, as players are offered them: the source's own text streams (SRT,
// ASS/SSA, mov_text, WebVTT) and sidecar files beside it ("Film.srt", "Film.en.forced.srt").
// Picture subtitles (PGS, VobSub, DVB) cannot become WebVTT and are not listed.

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct SubtitleTrack
{
    // Stable for a given file set: "s<stream index>" for a stream of the video, "x<n>" for the
    // n-th sidecar in name order. Used in URLs.
    QString id;
    QString language;          // RFC 5646 tag ("en", "pt-BR"); empty when unknown
    QString title;             // the stream's title tag, or a sidecar name's unknown parts
    QString codec;             // FFmpeg's name: "subrip", "ass", "mov_text", "webvtt"…
    bool isDefault = false;
    bool isForced = false;
    bool isHearingImpaired = false;
    int streamIndex = -1;      // a stream of the video: its index in the container
    QString sidecarPath;       // a sidecar: its absolute path

    bool isSidecar() const { return !sidecarPath.isEmpty(); }
};

// The text subtitles of the video at `videoPath`: its streams (read from the container's
// header, no packet is read) then its sidecars. Empty when there are none or the file cannot
// be opened. Reads a directory listing: call it where a short file-system access is fine.
QList<SubtitleTrack> subtitleTracksOf(const QString &videoPath);

std::optional<SubtitleTrack> findSubtitleTrack(const QList<SubtitleTrack> &tracks, const QString &id);

// The one track for a player that takes one (a DLNA TV): the default one, else the first that
// is neither forced nor for the hearing impaired, else the first.
std::optional<SubtitleTrack> preferredSubtitleTrack(const QList<SubtitleTrack> &tracks);

// What a player shows for each track, in the same order, each different from the others:
// the language's own name ("English", "Deutsch"), then the title, "forced" or "SDH" when they
// tell tracks apart; "Subtitles 2" when nothing else does.
QStringList subtitleLabels(const QList<SubtitleTrack> &tracks);

} // namespace cairn
