#pragma once
// Gathers the lyrics of one file from all its tags: drops repeats (the same text in two tags)
// and keeps the whole within bounds, so a huge or hostile tag cannot bloat the catalog.

#include "catalog/Lyrics.h"

#include <QList>
#include <QString>

namespace cairn {

class LyricsCollector
{
public:
    static constexpr qsizetype kMaxBytes = 256 * 1024;   // UTF-8 text of all lines together
    static constexpr qsizetype kMaxTexts = 32;

    // `path` only names the file in the log line about a cut.
    explicit LyricsCollector(QString path) : m_path(std::move(path)) {}

    // A tag's text, plain or LRC (see lyrics::fromText); `language` as the tag gives it.
    void addText(const QString &text, const QString &language, const QString &description);
    // An entry built elsewhere (ID3v2 SYLT); nothing happens for an empty one.
    void add(std::optional<Lyrics> lyrics);

    const QList<Lyrics> &lyrics() const { return m_lyrics; }
    bool truncated() const { return m_truncated; }

private:
    void cut(const char *why);

    QString m_path;
    QList<Lyrics> m_lyrics;
    qsizetype m_budget = kMaxBytes;
    bool m_truncated = false;
};

} // namespace cairn
