#include "LyricsText.h"

#include "Lrc.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::lyrics {

namespace {

bool isControl(char16_t u)
{
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
}

bool hasText(const QList<LyricLine> &lines)
{
    return std::any_of(lines.cbegin(), lines.cend(), [](const LyricLine &l) { return !l.text.isEmpty(); });
}

void sortByStart(QList<LyricLine> &lines)
{
    std::stable_sort(lines.begin(), lines.end(),
                     [](const LyricLine &a, const LyricLine &b) { return a.startMs < b.startMs; });
}

struct ParsedLine
{
    QStringView text;                    // trimmed
    std::optional<lrc::TimedLine> timed;
};

QList<LyricLine> syncedLines(const QList<ParsedLine> &lines, qint64 &offsetMs)
{
    QList<LyricLine> out;
    QList<qint64> currentStarts;   // of the last timed line, for the lines continuing it
    for (const ParsedLine &line : lines) {
        if (line.timed) {
            currentStarts = line.timed->startsMs;
            for (const qint64 start : currentStarts)
                out.append({start, line.timed->text});
        } else if (const auto offset = lrc::offsetTag(line.text)) {
            offsetMs = *offset;
        } else if (!line.text.isEmpty() && !lrc::isIdTag(line.text)) {
            // An untimed line shows with the timed one above it; text before the first
            // time tag (a heading) has no time to show at and is dropped.
            for (const qint64 start : std::as_const(currentStarts))
                out.append({start, line.text.toString()});
        }
    }
    sortByStart(out);   // "[00:12.00][00:45.00]chorus" lines come out of order
    return out;
}

QList<LyricLine> plainLines(const QList<ParsedLine> &lines)
{
    QList<LyricLine> out;
    for (const ParsedLine &line : lines) {
        if (!line.text.isEmpty())
            out.append({-1, line.text.toString()});
        else if (!out.isEmpty() && !out.constLast().text.isEmpty())
            out.append({-1, QString()});   // one blank line between stanzas, however many there were
    }
    while (!out.isEmpty() && out.constLast().text.isEmpty())
        out.removeLast();
    return out;
}

} // namespace

std::optional<LyricsKey> lyricsKey(QStringView key)
{
    if (key.compare(u"lyrics"_s, Qt::CaseInsensitive) == 0
        || key.compare(u"unsyncedlyrics"_s, Qt::CaseInsensitive) == 0)
        return LyricsKey{};
    if (!key.startsWith(u"lyrics-"_s, Qt::CaseInsensitive) || key.size() <= 7)
        return std::nullopt;
    const QStringView rest = key.mid(7);
    const qsizetype dash = rest.lastIndexOf(u'-');
    if (dash < 0)
        return LyricsKey{rest.toString(), {}};
    return LyricsKey{rest.mid(dash + 1).toString(), rest.first(dash).toString()};
}

QString languageCode(QStringView code)
{
    const QString lower = code.trimmed().toString().toLower();
    const bool letters = std::all_of(lower.cbegin(), lower.cend(), [](QChar c) { return c >= u'a' && c <= u'z'; });
    if (!letters || lower.size() < 2 || lower.size() > 3 || lower == u"und" || lower == u"xxx")
        return u"xxx"_s;
    return lower;
}

QString cleaned(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (u == u'\r') {
            if (i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            out.append(u'\n');
        } else if (u == u'\n' || u == 0x2028 || u == 0x2029 || u == 0x85) {
            out.append(u'\n');
        } else if (u == u'\t') {
            out.append(c);
        } else if (isControl(u) || u == 0xfeff) {
            continue;
        } else if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out.append(c);
            out.append(text[++i]);
        } else if (c.isSurrogate()) {
            out.append(QChar::ReplacementCharacter);
        } else {
            out.append(c);
        }
    }
    return out;
}

std::optional<Lyrics> fromText(QStringView text, const QString &language, const QString &description)
{
    const QString clean = cleaned(text);
    QList<ParsedLine> lines;
    int timed = 0;
    int plain = 0;
    for (const QStringView raw : QStringView(clean).split(u'\n')) {
        ParsedLine line{raw.trimmed(), lrc::timedLine(raw.trimmed())};
        if (line.timed)
            ++timed;
        else if (!line.text.isEmpty() && !lrc::isIdTag(line.text))
            ++plain;
        lines.append(line);
    }
    if (timed == 0 && plain == 0)
        return std::nullopt;   // blank, or an LRC header without lyrics
    Lyrics lyrics;
    lyrics.language = languageCode(language);
    lyrics.description = cleaned(description).simplified();
    // A stray "[00:00.00]" above plain lyrics does not make them synced: most lines must be.
    lyrics.synced = timed > 0 && timed >= plain;
    lyrics.lines = lyrics.synced ? syncedLines(lines, lyrics.offsetMs) : plainLines(lines);
    if (!hasText(lyrics.lines))
        return std::nullopt;
    return lyrics;
}

std::optional<Lyrics> fromTimedPieces(const QList<LyricLine> &pieces, const QString &language,
                                      const QString &description)
{
    QList<LyricLine> sorted = pieces;
    sortByStart(sorted);
    const bool marksLines = std::any_of(sorted.cbegin(), sorted.cend(), [](const LyricLine &p) {
        return p.text.startsWith(u'\n') || p.text.startsWith(u'\r');
    });
    QList<LyricLine> lines;
    for (const LyricLine &piece : std::as_const(sorted)) {
        const QString text = cleaned(piece.text);
        const QStringList parts = text.split(u'\n');
        // parts[0] is "" when the piece starts a line: the empty part is skipped below.
        const bool startsLine = !marksLines || lines.isEmpty() || text.startsWith(u'\n');
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (i == 0 && startsLine && text.startsWith(u'\n'))
                continue;
            if (i == 0 && !startsLine)
                lines.last().text += parts.at(i);
            else
                lines.append({piece.startMs, parts.at(i)});
        }
    }
    for (LyricLine &line : lines)
        line.text = line.text.trimmed();
    if (!hasText(lines))
        return std::nullopt;
    return Lyrics{languageCode(language), cleaned(description).simplified(), true, lines, 0};
}

} // namespace cairn::lyrics
