#include "hls/HlsPlaylist.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Version 3: decimal EXTINF durations; the master and MPEG-TS playlists use nothing newer.
constexpr QByteArrayView kHeader = "#EXTM3U\n#EXT-X-VERSION:3\n";
// Version 7 (RFC 8216 7): EXT-X-MAP in a playlist without I-frames only.
constexpr QByteArrayView kFmp4Header = "#EXTM3U\n#EXT-X-VERSION:7\n";

const QByteArray kSubtitleGroup = QByteArrayLiteral("subs");

// A quoted-string attribute cannot hold '"' or a line break.
QByteArray quotedUri(const QString &uri)
{
    QByteArray text = uri.toUtf8();   // also used for names: the same rule holds
    text.replace('"', "%22").replace('\r', QByteArrayView()).replace('\n', QByteArrayView());
    return '"' + text + '"';
}

// A URI is one line: a line break inside would be read as a second entry.
QByteArray uriLine(const QString &uri)
{
    QByteArray line = uri.toUtf8();
    line.replace('\r', QByteArrayView()).replace('\n', QByteArrayView());
    return line + '\n';
}

// RFC 8216 4.3.3.1: every EXTINF, rounded to the nearest integer, must not exceed the target.
int targetDuration(const SegmentTimeline &timeline)
{
    qint64 target = timeline.targetSeconds();
    for (int i = 0; i < timeline.count(); ++i)
        target = qMax<qint64>(target, std::llround(timeline.durationSeconds(i)));
    return int(target);
}

} // namespace

QByteArray masterPlaylist(const QList<HlsVariant> &variants, const std::function<QString(const HlsVariant &)> &uriFor,
                          const QList<HlsSubtitleRendition> &subtitles)
{
    QByteArray text = kHeader.toByteArray() + "#EXT-X-INDEPENDENT-SEGMENTS\n";
    // Off unless the viewer turns them on, but forced ones (foreign dialogue) are picked
    // automatically (RFC 8216 4.3.4.1: FORCED=YES needs AUTOSELECT=YES).
    for (const HlsSubtitleRendition &s : subtitles) {
        text += "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"" + kSubtitleGroup + "\",NAME=" + quotedUri(s.name);
        if (!s.language.isEmpty())
            text += ",LANGUAGE=" + quotedUri(s.language);
        text += ",DEFAULT=NO,AUTOSELECT=YES,FORCED=";
        text += s.forced ? "YES" : "NO";
        text += ",URI=" + quotedUri(s.uri) + '\n';
    }
    for (const HlsVariant &variant : variants) {
        text += u"#EXT-X-STREAM-INF:BANDWIDTH=%1,AVERAGE-BANDWIDTH=%2,RESOLUTION=%3x%4,CODECS=\"%5\""_s
                    .arg(variant.bandwidth())
                    .arg(variant.averageBandwidth())
                    .arg(variant.width)
                    .arg(variant.height)
                    .arg(variant.codecs)
                    .toUtf8();
        if (!subtitles.isEmpty())
            text += ",SUBTITLES=\"" + kSubtitleGroup + '"';
        text += '\n' + uriLine(uriFor(variant));
    }
    return text;
}

QByteArray subtitlePlaylist(double durationSeconds, const QString &uri)
{
    QByteArray text = kHeader.toByteArray();
    text += "#EXT-X-TARGETDURATION:" + QByteArray::number(qMax<qint64>(1, std::llround(std::ceil(durationSeconds)))) + '\n';
    text += "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n";
    text += "#EXTINF:" + QByteArray::number(durationSeconds, 'f', 3) + ",\n";
    text += uriLine(uri);
    text += "#EXT-X-ENDLIST\n";
    return text;
}

QByteArray mediaPlaylist(const SegmentTimeline &timeline, const std::function<QString(int index)> &uriFor,
                         const QString &initUri)
{
    QByteArray text = initUri.isEmpty() ? kHeader.toByteArray() : kFmp4Header.toByteArray();
    text += "#EXT-X-TARGETDURATION:" + QByteArray::number(targetDuration(timeline)) + '\n';
    text += "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n";
    if (!initUri.isEmpty())
        text += "#EXT-X-MAP:URI=" + quotedUri(initUri) + '\n';
    for (int i = 0; i < timeline.count(); ++i) {
        // QByteArray::number ignores the locale: always a '.' decimal point.
        text += "#EXTINF:" + QByteArray::number(timeline.durationSeconds(i), 'f', 3) + ",\n";
        text += uriLine(uriFor(i));
    }
    text += "#EXT-X-ENDLIST\n";
    return text;
}

} // namespace cairn
