#include "subtitle/SubtitleTrack.h"

#include "av/AvInput.h"

#include "SidecarName.h"
#include "SubtitleLog.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

extern "C" {
#include <libavcodec/avcodec.h>
}

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString metadataOf(const AVStream *stream, const char *key)
{
    const AVDictionaryEntry *entry = av_dict_get(stream->metadata, key, nullptr, 0);
    return entry ? QString::fromUtf8(entry->value).trimmed() : QString();
}

QList<SubtitleTrack> streamTracks(const QString &videoPath)
{
    AVFormatContext *raw = nullptr;
    if (avformat_open_input(&raw, av::nativePath(videoPath).constData(), nullptr, nullptr) < 0) {
        qCDebug(lcSubtitle).noquote() << "cannot open" << videoPath << "to list its subtitles";
        return {};
    }
    const av::FormatContext input(raw);
    QList<SubtitleTrack> tracks;
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVStream *stream = input->streams[i];
        if (stream->codecpar->codec_type != AVMEDIA_TYPE_SUBTITLE)
            continue;
        const AVCodecDescriptor *codec = avcodec_descriptor_get(stream->codecpar->codec_id);
        if (!codec || !(codec->props & AV_CODEC_PROP_TEXT_SUB))
            continue;   // pictures: no WebVTT can be made of them
        SubtitleTrack track;
        track.id = u"s"_s + QString::number(i);
        track.streamIndex = int(i);
        track.codec = QString::fromLatin1(codec->name);
        track.language = languageTag(metadataOf(stream, "language"));
        track.title = metadataOf(stream, "title");
        track.isDefault = stream->disposition & AV_DISPOSITION_DEFAULT;
        track.isForced = stream->disposition & AV_DISPOSITION_FORCED;
        track.isHearingImpaired = stream->disposition & AV_DISPOSITION_HEARING_IMPAIRED;
        tracks << track;
    }
    return tracks;
}

QList<SubtitleTrack> sidecarTracks(const QString &videoPath)
{
    const QFileInfo video(videoPath);
    const QString stem = video.completeBaseName();
    QList<SubtitleTrack> tracks;
    const QDir dir = video.dir();
    const QStringList names = dir.entryList(QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        auto track = parseSidecarName(stem, name);
        if (!track)
            continue;
        track->id = u"x"_s + QString::number(tracks.size());
        track->sidecarPath = dir.filePath(name);
        tracks << *track;
    }
    return tracks;
}

QString languageName(const QString &tag)
{
    if (tag.isEmpty())
        return {};
    const QLocale::Language language = QLocale::codeToLanguage(QStringView(tag).left(tag.indexOf(u'-')));
    return language == QLocale::AnyLanguage ? tag : QLocale::languageToString(language);
}

} // namespace

QList<SubtitleTrack> subtitleTracksOf(const QString &videoPath)
{
    return streamTracks(videoPath) + sidecarTracks(videoPath);
}

std::optional<SubtitleTrack> findSubtitleTrack(const QList<SubtitleTrack> &tracks, const QString &id)
{
    for (const SubtitleTrack &track : tracks)
        if (track.id == id)
            return track;
    return std::nullopt;
}

QStringList subtitleLabels(const QList<SubtitleTrack> &tracks)
{
    QStringList labels;
    for (const SubtitleTrack &track : tracks) {
        const QString language = languageName(track.language);
        QStringList marks;
        if (!language.isEmpty() && !track.title.isEmpty() && track.title.compare(language, Qt::CaseInsensitive) != 0)
            marks << track.title;
        if (track.isForced)
            marks << u"forced"_s;
        if (track.isHearingImpaired)
            marks << u"SDH"_s;
        QString label = !language.isEmpty() ? language : track.title;
        if (label.isEmpty())
            label = u"Subtitles"_s;
        if (!marks.isEmpty())
            label += u" ("_s + marks.join(u", "_s) + u')';
        labels << label;
    }
    // HLS names must differ within a group, and players show them side by side.
    for (qsizetype i = 0; i < labels.size(); ++i) {
        int copies = 1;
        for (qsizetype j = i + 1; j < labels.size(); ++j)
            if (labels.at(j) == labels.at(i))
                labels[j] += u' ' + QString::number(++copies);
    }
    return labels;
}

std::optional<SubtitleTrack> preferredSubtitleTrack(const QList<SubtitleTrack> &tracks)
{
    if (tracks.isEmpty())
        return std::nullopt;
    for (const SubtitleTrack &t : tracks)
        if (t.isDefault)
            return t;
    for (const SubtitleTrack &t : tracks)
        if (!t.isForced && !t.isHearingImpaired)
            return t;
    return tracks.constFirst();
}

} // namespace cairn
