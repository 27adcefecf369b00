#include "LyricsCollector.h"

#include "LyricsText.h"
#include "ScanLog.h"

#include <algorithm>

namespace cairn {

namespace {

constexpr qsizetype kMaxDescription = 256;   // characters
// Cleaning and parsing take time in proportion to the text: far beyond what can be kept, a
// text is cut before (each kept byte needs a character; LRC's tags take a few more).
constexpr qsizetype kMaxRawText = 4 * LyricsCollector::kMaxBytes;

qsizetype utf8Size(QStringView text)
{
    qsizetype bytes = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : c.isSurrogate() ? 2 : 3;   // a pair makes 4
    }
    return bytes;
}

// The longest start of `text` whose UTF-8 fits in `bytes`, never half a surrogate pair.
QString fitting(const QString &text, qsizetype bytes)
{
    qsizetype end = 0;
    while (end < text.size()) {
        const qsizetype next = text.at(end).isHighSurrogate() && end + 1 < text.size() ? end + 2 : end + 1;
        if (utf8Size(QStringView(text).mid(end, next - end)) > bytes)
            break;
        bytes -= utf8Size(QStringView(text).mid(end, next - end));
        end = next;
    }
    return text.left(end);
}

} // namespace

void LyricsCollector::addText(const QString &text, const QString &language, const QString &description)
{
    QStringView view(text);
    if (view.size() > kMaxRawText) {
        view = view.first(kMaxRawText);
        cut("text over 256 KiB");
    }
    add(lyrics::fromText(view, language, description));
}

void LyricsCollector::add(std::optional<Lyrics> lyrics)
{
    if (!lyrics || lyrics->lines.isEmpty())
        return;
    for (const Lyrics &known : std::as_const(m_lyrics)) {
        if (known.synced == lyrics->synced && known.lines == lyrics->lines)
            return;   // the same text in two tags (USLT and APE, LYRICS and UNSYNCEDLYRICS)
    }
    if (m_budget <= 0 || m_lyrics.size() >= kMaxTexts) {
        cut(m_budget <= 0 ? "text over 256 KiB" : "more than 32 lyrics texts");
        return;
    }
    if (lyrics->description.size() > kMaxDescription) {
        lyrics->description.truncate(kMaxDescription);
        cut("description over 256 characters");
    }
    QList<LyricLine> &lines = lyrics->lines;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype size = utf8Size(lines.at(i).text) + 1;   // with its line end
        if (size <= m_budget) {
            m_budget -= size;
            continue;
        }
        lines[i].text = fitting(lines.at(i).text, m_budget - 1);
        lines.resize(i + 1);
        m_budget = 0;
        cut("text over 256 KiB");
        break;
    }
    const auto hasText = [](const LyricLine &line) { return !line.text.isEmpty(); };
    if (std::any_of(lines.cbegin(), lines.cend(), hasText))
        m_lyrics.append(*std::move(lyrics));
}

void LyricsCollector::cut(const char *why)
{
    if (!m_truncated)
        qCInfo(lcScan) << "lyrics of" << m_path << "cut:" << why;
    m_truncated = true;
}

} // namespace cairn
