#include "SidecarName.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

struct SidecarFormat
{
    QLatin1StringView suffix;
    QLatin1StringView codec;   // as FFmpeg names the stream it reads from such a file
};

constexpr SidecarFormat kFormats[] = {
    {"srt"_L1, "subrip"_L1},
    {"vtt"_L1, "webvtt"_L1},
    {"ass"_L1, "ass"_L1},
    {"ssa"_L1, "ass"_L1},
};

// ISO 639-2 codes that name no language.
bool namesNoLanguage(const QString &code)
{
    return code == "und"_L1 || code == "mul"_L1 || code == "zxx"_L1 || code == "mis"_L1;
}

// Only two- and three-letter codes of ISO 639-1/-2: the thousands of ISO 639-3 codes would
// take ordinary words ("all", "new") for languages.
QLocale::Language languageOfCode(const QString &code)
{
    if (code.size() < 2 || code.size() > 3 || namesNoLanguage(code))
        return QLocale::AnyLanguage;
    for (const QChar c : code)
        if (c < u'a' || c > u'z')
            return QLocale::AnyLanguage;
    return QLocale::codeToLanguage(code, QLocale::ISO639Part1 | QLocale::ISO639Part2);
}

// "English", "german": the language's English name, as file names often carry it.
QLocale::Language languageOfName(const QString &name)
{
    if (name.size() < 4)
        return QLocale::AnyLanguage;
    for (int l = QLocale::Abkhazian; l <= QLocale::LastLanguage; ++l) {
        const auto language = QLocale::Language(l);
        if (QLocale::languageToString(language).compare(name, Qt::CaseInsensitive) == 0)
            return language;
    }
    return QLocale::AnyLanguage;
}

QString tagOf(QLocale::Language language, const QString &region)
{
    QString tag = QLocale::languageToCode(language, QLocale::ISO639Part1);
    if (tag.isEmpty())
        tag = QLocale::languageToCode(language, QLocale::ISO639Part2 | QLocale::ISO639Part3);
    if (!region.isEmpty())
        tag += u'-' + region;
    return tag;
}

} // namespace

bool isSidecarSubtitleExtension(const QString &suffix)
{
    for (const SidecarFormat &f : kFormats)
        if (suffix == f.suffix)
            return true;
    return false;
}

QString languageTag(const QString &code)
{
    const QString text = code.trimmed().toLower().replace(u'_', u'-');
    const qsizetype dash = text.indexOf(u'-');
    const QString base = dash < 0 ? text : text.left(dash);
    QString region;
    if (dash >= 0) {
        region = text.mid(dash + 1).toUpper();
        if (region.size() != 2 || QLocale::codeToTerritory(region) == QLocale::AnyTerritory)
            return {};
    }
    const QLocale::Language language = languageOfCode(base);
    return language == QLocale::AnyLanguage ? QString() : tagOf(language, region);
}

std::optional<SubtitleTrack> parseSidecarName(const QString &videoStem, const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    if (dot <= 0 || videoStem.isEmpty())
        return std::nullopt;
    const QString suffix = fileName.mid(dot + 1).toLower();
    const QString stem = fileName.left(dot);
    if (!isSidecarSubtitleExtension(suffix))
        return std::nullopt;
    // The video's own name, then nothing or ".<parts>" (case-insensitive, as players match them).
    if (!stem.startsWith(videoStem, Qt::CaseInsensitive))
        return std::nullopt;
    if (stem.size() > videoStem.size() && stem.at(videoStem.size()) != u'.')
        return std::nullopt;

    SubtitleTrack track;
    for (const SidecarFormat &f : kFormats)
        if (suffix == f.suffix)
            track.codec = f.codec;
    QStringList unknown;
    const QStringList parts = stem.mid(videoStem.size() + 1).split(u'.', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString word = part.toLower();
        if (word == "forced"_L1 || word == "foreign"_L1) {
            track.isForced = true;
        } else if (word == "sdh"_L1 || word == "cc"_L1 || (word == "hi"_L1 && !track.language.isEmpty())) {
            // "hi" is also Hindi: a hearing-impaired mark only after a language.
            track.isHearingImpaired = true;
        } else if (word == "default"_L1) {
            track.isDefault = true;
        } else if (track.language.isEmpty() && !languageTag(word).isEmpty()) {
            track.language = languageTag(word);
        } else if (const auto named = languageOfName(word); track.language.isEmpty() && named != QLocale::AnyLanguage) {
            track.language = tagOf(named, {});
        } else {
            unknown << part;
        }
    }
    track.title = unknown.join(u'.');
    return track;
}

} // namespace cairn
