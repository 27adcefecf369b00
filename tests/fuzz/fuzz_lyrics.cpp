// Lyrics text as tags carry it (core/scan LyricsText, Lrc, LyricsCollector): cleaning, LRC time
// and ID tags, synced or plain lines, SYLT-style timed pieces, lyrics tag keys and languages.
// Input: the first byte picks how the rest is decoded (even: UTF-8, odd: raw UTF-16, which can
// hold the unpaired surrogates a broken tag has), the rest is the tag's text.

#include "FuzzSupport.h"

#include "Lrc.h"
#include "LyricsCollector.h"
#include "LyricsText.h"

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

namespace {

void checkLyrics(const std::optional<Lyrics> &lyrics)
{
    if (!lyrics)
        return;
    fuzz::require(!lyrics->lines.isEmpty(), "lyrics have lines");
    for (const LyricLine &line : lyrics->lines) {
        fuzz::require(lyrics->synced ? line.startMs >= 0 : line.startMs == -1, "a start only when synced");
        fuzz::require(!line.text.contains(u'\n') && !line.text.contains(u'\r'), "a line is one line");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString text = data[0] % 2 == 0
        ? QString::fromUtf8(bytes)
        : QString(reinterpret_cast<const QChar *>(bytes.data()), bytes.size() / 2);

    const QString clean = lyrics::cleaned(text);
    fuzz::require(!clean.contains(u'\r') && !clean.contains(QChar(0)), "cleaned text has plain line ends");
    fuzz::require(lyrics::cleaned(clean) == clean, "cleaning twice changes nothing");

    const QString language = lyrics::languageCode(text.left(4));
    fuzz::require(language.size() >= 2 && language.size() <= 3 && language == language.toLower(), "a language code");
    (void)lyrics::lyricsKey(text.left(80));

    const auto fromText = lyrics::fromText(text, u"eng"_s, {});
    checkLyrics(fromText);

    QList<LyricLine> pieces;
    qint64 at = 0;
    for (const QString &line : text.split(u'\n')) {
        if (const auto timed = lrc::timedLine(line)) {
            fuzz::require(!timed->startsMs.isEmpty(), "a timed line has a time");
            for (qint64 ms : timed->startsMs)
                fuzz::require(ms >= 0, "a time is not negative");
        }
        (void)lrc::isIdTag(line);
        (void)lrc::offsetTag(line);
        pieces.append({at, line});
        at += 250;
    }
    checkLyrics(lyrics::fromTimedPieces(pieces, u"eng"_s, u"sylt"_s));

    LyricsCollector collector(u"fuzz"_s);
    collector.addText(text, u"ENG"_s, {});
    collector.addText(text, u"deu"_s, u"second"_s);
    collector.add(fromText);
    fuzz::require(collector.lyrics().size() <= LyricsCollector::kMaxTexts, "a bounded number of texts");
    for (const Lyrics &l : collector.lyrics())
        checkLyrics(l);
    return 0;
}
