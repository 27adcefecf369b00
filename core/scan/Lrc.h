#pragma once
// The pieces of LRC syntax found in lyrics tags: time tags ("[01:23.45]"), ID tags ("[ar:…]",
// "[offset:+250]") and enhanced LRC's word times ("<01:23.45>"), one line at a time.

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace cairn::lrc {

struct TimedLine
{
    QList<qint64> startsMs;   // one per leading time tag ("[00:12.00][00:45.00]chorus")
    QString text;             // the rest of the line, word times removed, trimmed
};

// A line that starts with one or more time tags: [m:ss], [m:ss.f], [m:ss.ff], [m:ss.fff],
// [m:ss:ff] and [h:mm:ss.ff]; nothing for any other line.
std::optional<TimedLine> timedLine(QStringView line);

// "[tag:value]" filling the whole line with a tag of letters ("ar", "ti", "offset"…).
bool isIdTag(QStringView line);

// The milliseconds of an "[offset:±N]" line; nothing for any other line or a bad number.
std::optional<qint64> offsetTag(QStringView line);

} // namespace cairn::lrc
