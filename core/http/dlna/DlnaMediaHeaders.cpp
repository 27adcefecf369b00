#include "dlna/DlnaMediaHeaders.h"

#include "JsonErrorAnswer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qsizetype kMaxPlayerName = 100;

bool allDigits(QByteArrayView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// "<digits>[.<digits>]"; `maxWhole` bounds the whole part so no value can overflow.
std::optional<double> decimal(QByteArrayView text, qsizetype maxWhole)
{
    const qsizetype dot = text.indexOf('.');
    const QByteArrayView whole = dot < 0 ? text : text.first(dot);
    if (!allDigits(whole, maxWhole))
        return std::nullopt;
    if (dot >= 0 && !allDigits(text.sliced(dot + 1), 9))
        return std::nullopt;
    return text.toByteArray().toDouble();
}

std::optional<DlnaTransferMode> transferModeFrom(QByteArrayView value)
{
    const QByteArray mode = value.trimmed().toByteArray().toLower();
    if (mode == "streaming")
        return DlnaTransferMode::Streaming;
    if (mode == "interactive")
        return DlnaTransferMode::Interactive;
    if (mode == "background")
        return DlnaTransferMode::Background;
    return std::nullopt;
}

QByteArray transferModeName(DlnaTransferMode mode)
{
    switch (mode) {
    case DlnaTransferMode::Streaming:
        break;
    case DlnaTransferMode::Interactive:
        return "Interactive"_ba;
    case DlnaTransferMode::Background:
        return "Background"_ba;
    }
    return "Streaming"_ba;
}

} // namespace

QString DlnaMediaHeaders::playerName() const
{
    if (!isDlna())
        return {};
    return userAgent.simplified().left(kMaxPlayerName);
}

QList<QPair<QByteArray, QByteArray>> DlnaMediaHeaders::answerHeaders(const QByteArray &contentFeatures) const
{
    QList<QPair<QByteArray, QByteArray>> out;
    if (wantsCaptionInfo && !captionUrl.isEmpty())
        out.append({"CaptionInfo.sec"_ba, captionUrl.toUtf8()});
    if (!isDlna())
        return out;
    if (wantsContentFeatures)
        out.append({"contentFeatures.dlna.org"_ba, contentFeatures});
    out.append({"transferMode.dlna.org"_ba, transferModeName(transferMode.value_or(DlnaTransferMode::Streaming))});
    return out;
}

std::variant<DlnaMediaHeaders, DlnaRefusal> readDlnaMediaHeaders(const HttpRequest &request)
{
    DlnaMediaHeaders headers;
    if (request.hasHeader("getcontentfeatures.dlna.org")) {
        // DLNA defines the value 1 only; anything else is a malformed request.
        if (request.header("getcontentfeatures.dlna.org").trimmed() != "1")
            return DlnaRefusal{400, u"getcontentFeatures.dlna.org must be 1"_s};
        headers.wantsContentFeatures = true;
    }
    if (request.hasHeader("transfermode.dlna.org")) {
        // Interactive is the images' mode, but some TVs (Samsung) ask it for audio too, and
        // refusing it stops their playback: every mode DLNA defines is served alike.
        headers.transferMode = transferModeFrom(request.header("transfermode.dlna.org"));
        if (!headers.transferMode)
            return DlnaRefusal{406, u"transferMode.dlna.org must be Streaming, Interactive or Background"_s};
    }
    if (request.hasHeader("timeseekrange.dlna.org")) {
        headers.timeSeek = parseNptRange(request.header("timeseekrange.dlna.org"));
        if (!headers.timeSeek)
            return DlnaRefusal{400, u"TimeSeekRange.dlna.org must read npt=<start>-[<end>]"_s};
    }
    // Samsung asks with 1; any other value is not a question.
    headers.wantsCaptionInfo = request.header("getcaptioninfo.sec").trimmed() == "1";
    headers.userAgent = QString::fromUtf8(request.header("user-agent"));
    return headers;
}

HttpResponse refusalAnswer(const DlnaRefusal &refusal)
{
    return jsonProtocolAnswer(refusal.status, refusal.message);
}

std::optional<double> parseNptTime(QByteArrayView text)
{
    if (!text.contains(':'))
        return decimal(text, 9);
    // npt-hhmmss: hours of any width, minutes and seconds of one or two digits below 60.
    const QList<QByteArray> parts = text.toByteArray().split(':');
    if (parts.size() != 3 || !allDigits(parts.at(0), 6) || !allDigits(parts.at(1), 2))
        return std::nullopt;
    const auto seconds = decimal(parts.at(2), 2);
    const int minutes = parts.at(1).toInt();
    if (!seconds || minutes > 59 || *seconds >= 60)
        return std::nullopt;
    return parts.at(0).toDouble() * 3600 + minutes * 60 + *seconds;
}

std::optional<NptRange> parseNptRange(QByteArrayView value)
{
    const QByteArrayView text = value.trimmed();
    if (text.size() > 64 || !text.startsWith("npt="))
        return std::nullopt;
    const QByteArrayView range = text.sliced(4);
    const qsizetype dash = range.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    NptRange out;
    const auto start = parseNptTime(range.first(dash).trimmed());
    if (!start)
        return std::nullopt;
    out.startSeconds = *start;
    const QByteArrayView end = range.sliced(dash + 1).trimmed();
    if (!end.isEmpty()) {
        out.endSeconds = parseNptTime(end);
        if (!out.endSeconds)
            return std::nullopt;
    }
    return out;
}

QByteArray nptText(double seconds)
{
    return QByteArray::number(qMax(0.0, seconds), 'f', 3);
}

std::optional<DlnaRefusal> timeSeekRefusal(const NptRange &range, double durationSeconds)
{
    // An empty or backward range is malformed; a time past the end cannot be satisfied.
    if (range.endSeconds && *range.endSeconds <= range.startSeconds)
        return DlnaRefusal{400, u"the TimeSeekRange ends before it starts"_s};
    if (durationSeconds <= 0)
        return std::nullopt;
    if (range.startSeconds >= durationSeconds || (range.endSeconds && *range.endSeconds > durationSeconds))
        return DlnaRefusal{416, u"the TimeSeekRange is outside the media (%1 s)"_s.arg(durationSeconds, 0, 'f', 3)};
    return std::nullopt;
}

QByteArray timeSeekRangeValue(const TimeSeekAnswer &answer)
{
    QByteArray out = "npt=" + nptText(answer.startSeconds) + '-';
    if (answer.endSeconds >= 0)
        out += nptText(answer.endSeconds);
    out += '/';
    out += answer.durationSeconds > 0 ? nptText(answer.durationSeconds) : "*"_ba;
    if (answer.firstByte >= 0 && answer.lastByte >= answer.firstByte) {
        out += " bytes=" + QByteArray::number(answer.firstByte) + '-' + QByteArray::number(answer.lastByte) + '/';
        out += answer.totalBytes >= 0 ? QByteArray::number(answer.totalBytes) : "*"_ba;
    }
    return out;
}

} // namespace cairn
