#pragma once
// The DLNA headers of a request for media (the file or a transcode), read once into a value the
// delivery code applies: `getcontentFeatures.dlna.org` (answer with contentFeatures),
// `transferMode.dlna.org` (echoed), `TimeSeekRange.dlna.org` (a seek in time, as `offset=`),
// Samsung's `getCaptionInfo.sec` (answered with `CaptionInfo.sec`: the video's SubRip URL).
// Requests without them are untouched: DLNA answers only those who ask in DLNA's words.

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

namespace cairn {

enum class DlnaTransferMode { Streaming, Interactive, Background };

// "npt=<start>-[<end>]", in seconds.
struct NptRange
{
    double startSeconds = 0;
    std::optional<double> endSeconds;
};

// Why a DLNA request is answered with an error: 400 for malformed headers, 406 for what DLNA
// says the server does not support, 416 for a time outside the media.
struct DlnaRefusal
{
    int status = 400;
    QString message;
};

struct DlnaMediaHeaders
{
    bool wantsContentFeatures = false;            // getcontentFeatures.dlna.org: 1
    std::optional<DlnaTransferMode> transferMode; // as asked
    std::optional<NptRange> timeSeek;
    QString userAgent;
    bool wantsCaptionInfo = false;                // getCaptionInfo.sec: 1
    QString captionUrl;                           // set by the route: the answer's CaptionInfo.sec

    // A renderer speaking DLNA: its answers carry DLNA headers and its stream is named after it.
    bool isDlna() const { return wantsContentFeatures || transferMode.has_value(); }
    // The renderer's User-Agent (trimmed, at most 100 characters) for the activity list when the
    // request is DLNA's; empty otherwise.
    QString playerName() const;
    // contentFeatures.dlna.org (when asked) and transferMode.dlna.org (the mode asked, Streaming
    // when none was) for a media answer's head; none for a request that is not DLNA's. And
    // CaptionInfo.sec when asked and there are subtitles.
    QList<QPair<QByteArray, QByteArray>> answerHeaders(const QByteArray &contentFeatures) const;
};

std::variant<DlnaMediaHeaders, DlnaRefusal> readDlnaMediaHeaders(const HttpRequest &request);
// The refusal as the HTTP layer's own JSON answer.
HttpResponse refusalAnswer(const DlnaRefusal &refusal);

// "123", "123.4", "1:02:03", "1:02:03.250" (DLNA's npt-sec and npt-hhmmss).
std::optional<double> parseNptTime(QByteArrayView text);
std::optional<NptRange> parseNptRange(QByteArrayView value);
// Seconds as DLNA answers write them: "12.345".
QByteArray nptText(double seconds);

// Checks a time seek against the media's duration (0 = unknown: nothing to check).
std::optional<DlnaRefusal> timeSeekRefusal(const NptRange &range, double durationSeconds);

// The answer's TimeSeekRange.dlna.org value: "npt=<start>-<end>/<duration>" ("*" when unknown)
// and, when the byte positions are known, " bytes=<first>-<last>/<total>".
struct TimeSeekAnswer
{
    double startSeconds = 0;
    double endSeconds = -1;       // < 0 = not stated (the duration is unknown)
    double durationSeconds = 0;   // 0 = unknown
    qint64 firstByte = -1;        // -1 = no bytes part
    qint64 lastByte = -1;
    qint64 totalBytes = -1;       // -1 = unknown ("*")
};
QByteArray timeSeekRangeValue(const TimeSeekAnswer &answer);

} // namespace cairn
