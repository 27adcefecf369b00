#pragma once
// SubRip (SRT) from WebVTT, for the players that read nothing else: DLNA TVs (Samsung's
// CaptionInfo.sec, a text/srt <res>) and older set-top boxes. The cues keep their times and
// text; WebVTT's cue settings, voice and class spans, ruby and karaoke timestamps go, <b>, <i>
// and <u> stay (SRT players know them).

#include <QByteArray>

namespace cairn {

// `vtt` (UTF-8, from VideoSubtitles) as SRT: cues numbered from 1, "HH:MM:SS,mmm", CRLF line
// ends, UTF-8. Cues without text are dropped; what is not a cue (NOTE, STYLE, REGION) too.
QByteArray subRipFromWebVtt(const QByteArray &vtt);

} // namespace cairn
