#pragma once
// The output formats Cairn can transcode to: for each, the FFmpeg encoder and muxer, the HTTP
// media type and the values a preset may use. The one table both validation and the argument
// builder read, so nothing outside it can reach FFmpeg.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn {

enum class OutputFormat { Mp3, Vorbis, Opus, AacM4a, AacAdts, Flac, Wav };

struct OutputFormatInfo
{
    OutputFormat format;
    QString key;              // as stored and as the API's `format=` names it: "mp3", "m4a"…
    QString label;            // for the GUI
    QString encoder;          // FFmpeg encoder
    QString muxer;            // FFmpeg muxer
    QByteArray mediaType;
    QString extension;
    bool lossless = false;    // no bitrate (it must be 0)
    int minKbps = 0;
    int maxKbps = 0;
    QList<int> kbpsSteps;     // when not empty, the only bitrates allowed (MP3 CBR table)
    int defaultKbps = 0;
    QList<int> sampleRates;   // allowed output rates (0 = keep the source's, always allowed)
    int maxChannels = 2;
    // Output whose byte count follows from its duration: a live transcode can announce a
    // length and answer byte ranges (seek on first play).
    bool constantBitrate = false;
};

const QList<OutputFormatInfo> &outputFormats();
const OutputFormatInfo &infoFor(OutputFormat format);
std::optional<OutputFormat> outputFormatFromKey(const QString &key);
QStringList outputFormatKeys();

} // namespace cairn
