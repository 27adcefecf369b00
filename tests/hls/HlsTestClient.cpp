#include "HlsTestClient.h"

#include "MediaFixtures.h"

#include <QJsonArray>
#include <QProcess>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QByteArray masterPath(qint64 videoId)
{
    return "/api/videos/" + QByteArray::number(videoId) + "/hls/master.m3u8";
}

QList<MasterEntry> parseMaster(const QByteArray &playlist)
{
    static const QRegularExpression attribute(uR"re(([A-Z-]+)=("[^"]*"|[^,]*))re"_s);
    QList<MasterEntry> entries;
    const QStringList lines = QString::fromUtf8(playlist).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines.at(i).startsWith(u"#EXT-X-STREAM-INF:"_s))
            continue;
        MasterEntry entry;
        auto it = attribute.globalMatch(lines.at(i).mid(18));
        while (it.hasNext()) {
            const auto m = it.next();
            QString value = m.captured(2);
            if (value.startsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            if (m.captured(1) == u"BANDWIDTH"_s)
                entry.bandwidth = value.toLongLong();
            else if (m.captured(1) == u"RESOLUTION"_s)
                entry.resolution = value;
            else if (m.captured(1) == u"CODECS"_s)
                entry.codecs = value;
        }
        entry.uri = lines.at(i + 1).trimmed();
        entries << entry;
    }
    return entries;
}

QStringList mediaUris(const QByteArray &playlist)
{
    QStringList uris;
    for (const QString &line : QString::fromUtf8(playlist).split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u'#'))
            uris << line.trimmed();
    return uris;
}

QString mapUri(const QByteArray &playlist)
{
    const QString prefix = u"#EXT-X-MAP:URI=\""_s;
    for (const QString &line : QString::fromUtf8(playlist).split(u'\n', Qt::SkipEmptyParts))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).section(u'"', 0, 0);
    return {};
}

QByteArray decodeWarnings(const QString &input)
{
    QProcess decode;
    decode.start(u"ffmpeg"_s, {u"-nostdin"_s, u"-v"_s, u"warning"_s, u"-i"_s, input, u"-f"_s, u"null"_s, u"-"_s});
    if (!decode.waitForFinished(600000))
        return "did not finish";
    const QByteArray err = decode.readAllStandardError().trimmed();
    if (decode.exitStatus() != QProcess::NormalExit || decode.exitCode() != 0)
        return "exit " + QByteArray::number(decode.exitCode()) + ": " + err;
    return err;
}

SessionUrl sessionOf(const QString &variantUri)
{
    const QStringList parts = variantUri.left(variantUri.indexOf(u'?')).split(u'/', Qt::SkipEmptyParts);
    // api / videos / <id> / hls / <session> / <variant> / index.m3u8
    return parts.size() == 7 ? SessionUrl{parts.at(4), parts.at(5)} : SessionUrl{};
}

QJsonObject ffprobe(const QString &input)
{
    const QByteArray json = runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s,
                                                      u"format=duration,start_time:stream=codec_type,codec_name,profile,width,height"_s,
                                                      u"-of"_s, u"json"_s, input},
                                       120000);
    return QJsonDocument::fromJson(json).object();
}

bool firstVideoFrameIsKey(const QString &file)
{
    const QByteArray csv = runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-select_streams"_s, u"v:0"_s,
                                                     u"-read_intervals"_s, u"%+#1"_s, u"-show_entries"_s,
                                                     u"frame=key_frame"_s, u"-of"_s, u"csv=p=0"_s, file});
    return csv.trimmed().startsWith('1');
}

QString videoSize(const QString &file)
{
    for (const QJsonValue &s : ffprobe(file)[u"streams"_s].toArray())
        if (s[u"codec_type"_s] == u"video"_s)
            return u"%1x%2"_s.arg(s[u"width"_s].toInt()).arg(s[u"height"_s].toInt());
    return {};
}

} // namespace cairn::test
