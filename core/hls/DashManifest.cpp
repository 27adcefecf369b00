#include "hls/DashManifest.h"

#include "SegmentArguments.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Milliseconds: the grid is kept in them (SegmentTimeline); FFmpeg's tfdt, in the track's own
// timescale, names the same instants.
constexpr qint64 kTimescale = 1000;

QByteArray xmlAttribute(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();   // & < > " (URLs carry '&' between query items)
}

QByteArray isoDuration(double seconds)
{
    return "PT" + QByteArray::number(seconds, 'f', 3) + 'S';
}

qint64 ms(double seconds)
{
    return std::llround(seconds * kTimescale);
}

// One <S> per segment, each with its own time, though @r could fold runs of equal durations:
// dash.js 5 (TimelineSegmentsGetter) picks a SegmentList's SegmentURL by the index of the <S>,
// not of the segment, so with @r it fetched segment 0 for segment 1 and ended early.
QByteArray segmentTimeline(const SegmentTimeline &timeline)
{
    QByteArray text = "          <SegmentTimeline>\n";
    for (int i = 0; i < timeline.count(); ++i)
        text += "            <S t=\"" + QByteArray::number(ms(timeline.startSeconds(i)) + kFmp4TimeOffsetSeconds * kTimescale)
              + "\" d=\"" + QByteArray::number(ms(timeline.durationSeconds(i))) + "\"/>\n";
    return text + "          </SegmentTimeline>\n";
}

QByteArray representation(const DashRepresentation &r, const std::function<QString(const HlsVariant &)> &initUri,
                          const std::function<QString(const HlsVariant &, int)> &segmentUri)
{
    const HlsVariant &v = r.variant;
    QByteArray text = "      <Representation id=\"" + xmlAttribute(v.key) + "\" bandwidth=\""
                    + QByteArray::number(v.bandwidth()) + "\" width=\"" + QByteArray::number(v.width)
                    + "\" height=\"" + QByteArray::number(v.height) + "\" codecs=\"" + xmlAttribute(v.codecs) + "\">\n";
    // The segments' timestamps are the grid's plus kFmp4TimeOffsetSeconds.
    text += "        <SegmentList timescale=\"" + QByteArray::number(kTimescale) + "\" presentationTimeOffset=\""
          + QByteArray::number(kFmp4TimeOffsetSeconds * kTimescale) + "\">\n";
    text += "          <Initialization sourceURL=\"" + xmlAttribute(initUri(v)) + "\"/>\n";
    text += segmentTimeline(r.timeline);
    for (int i = 0; i < r.timeline.count(); ++i)
        text += "          <SegmentURL media=\"" + xmlAttribute(segmentUri(v, i)) + "\"/>\n";
    text += "        </SegmentList>\n      </Representation>\n";
    return text;
}

// The role players sort subtitles by (ISO/IEC 23009-1 5.8.5.5; "forced-subtitle" from DASH-IF).
QByteArray roleOf(const DashTextTrack &t)
{
    if (t.forced)
        return "forced-subtitle";
    return t.hearingImpaired ? "caption" : "subtitle";
}

QByteArray textAdaptationSet(int id, const DashTextTrack &t)
{
    QByteArray text = "    <AdaptationSet id=\"" + QByteArray::number(id) + "\" contentType=\"text\" mimeType=\"text/vtt\"";
    if (!t.language.isEmpty())
        text += " lang=\"" + xmlAttribute(t.language) + '"';
    text += ">\n      <Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"" + roleOf(t) + "\"/>\n";
    if (!t.label.isEmpty())
        text += "      <Label>" + xmlAttribute(t.label) + "</Label>\n";
    // A whole WebVTT file: its cue times are the period's (no presentation offset).
    text += "      <Representation id=\"" + xmlAttribute(t.id) + "\" bandwidth=\"256\">\n        <BaseURL>"
          + xmlAttribute(t.uri) + "</BaseURL>\n      </Representation>\n    </AdaptationSet>\n";
    return text;
}

} // namespace

QByteArray dashManifest(const QList<DashRepresentation> &representations, double durationSeconds,
                        const std::function<QString(const HlsVariant &)> &initUri,
                        const std::function<QString(const HlsVariant &, int index)> &segmentUri,
                        const QList<DashTextTrack> &texts)
{
    int longest = 1;
    for (const DashRepresentation &r : representations)
        longest = qMax(longest, r.timeline.targetSeconds());
    // SegmentList rather than SegmentTemplate: each URL is signed for exactly its path, which a
    // $Number$ template cannot carry. So the profile is the full one, not isoff-live.
    QByteArray text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"urn:mpeg:dash:profile:full:2011\" "
                      "type=\"static\" mediaPresentationDuration=\""
                    + isoDuration(durationSeconds) + "\" minBufferTime=\"" + isoDuration(longest) + "\">\n";
    text += "  <Period id=\"0\" start=\"PT0S\">\n";
    int adaptationSet = 0;
    for (const bool copied : {false, true}) {
        QByteArray set;
        for (const DashRepresentation &r : representations)
            if (r.variant.passthrough == copied)
                set += representation(r, initUri, segmentUri);
        if (set.isEmpty())
            continue;
        // Audio and video share each segment (muxed, as the HLS variants are).
        text += "    <AdaptationSet id=\"" + QByteArray::number(adaptationSet++)
              + "\" contentType=\"video\" mimeType=\"video/mp4\" segmentAlignment=\"true\" startWithSAP=\"1\">\n";
        text += set + "    </AdaptationSet>\n";
    }
    for (const DashTextTrack &t : texts)
        text += textAdaptationSet(adaptationSet++, t);
    text += "  </Period>\n</MPD>\n";
    return text;
}

} // namespace cairn
