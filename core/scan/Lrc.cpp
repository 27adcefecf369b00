#include "Lrc.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::lrc {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

struct Digits
{
    int value = 0;
    int count = 0;
};

// The run of at most `max` digits at `pos` (a longer run is not a time: count 0).
Digits digitsAt(QStringView s, qsizetype &pos, int max)
{
    Digits d;
    while (pos < s.size() && isAsciiDigit(s[pos])) {
        if (++d.count > max)
            return {};
        d.value = d.value * 10 + (s[pos].unicode() - u'0');
        ++pos;
    }
    return d;
}

// Milliseconds of the fraction after the dot: tenths, hundredths or thousandths.
int fractionMs(const Digits &d)
{
    return d.count == 1 ? d.value * 100 : d.count == 2 ? d.value * 10 : d.value;
}

// The time tag `open`…`close` at `pos`; on success `pos` moves past it.
std::optional<qint64> timeTagAt(QStringView s, qsizetype &pos, QChar open, QChar close)
{
    qsizetype p = pos;
    if (p >= s.size() || s[p] != open)
        return std::nullopt;
    ++p;
    Digits fields[3];
    int count = 0;
    while (count < 3) {
        fields[count] = digitsAt(s, p, count == 0 ? 3 : 2);
        if (fields[count].count == 0)
            return std::nullopt;
        ++count;
        if (p >= s.size() || s[p] != u':')
            break;
        ++p;
    }
    Digits fraction;
    if (p < s.size() && s[p] == u'.') {
        ++p;
        fraction = digitsAt(s, p, 3);
        if (fraction.count == 0)
            return std::nullopt;
    }
    if (p >= s.size() || s[p] != close || count < 2)
        return std::nullopt;

    qint64 hours = 0;
    qint64 minutes = fields[0].value;
    int seconds = fields[1].value;
    int ms = fractionMs(fraction);
    if (count == 3 && fraction.count > 0) {   // [h:mm:ss.ff]
        hours = fields[0].value;
        minutes = fields[1].value;
        seconds = fields[2].value;
        if (minutes >= 60)
            return std::nullopt;
    } else if (count == 3) {                  // [mm:ss:ff], an old variant of [mm:ss.ff]
        if (fields[2].count != 2)
            return std::nullopt;
        ms = fields[2].value * 10;
    }
    if (seconds >= 60)
        return std::nullopt;
    pos = p + 1;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

// `text` without enhanced LRC's word times ("<00:01.20>word <00:01.50>word").
QString withoutWordTimes(QStringView text)
{
    if (!text.contains(u'<'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype p = 0; p < text.size();) {
        if (timeTagAt(text, p, u'<', u'>'))
            continue;
        out.append(text[p++]);
    }
    return out;
}

} // namespace

std::optional<TimedLine> timedLine(QStringView line)
{
    TimedLine timed;
    qsizetype pos = 0;
    while (true) {
        while (pos < line.size() && line[pos].isSpace())
            ++pos;
        const auto start = timeTagAt(line, pos, u'[', u']');
        if (!start)
            break;
        timed.startsMs.append(*start);
    }
    if (timed.startsMs.isEmpty())
        return std::nullopt;
    timed.text = withoutWordTimes(line.mid(pos)).trimmed();
    return timed;
}

bool isIdTag(QStringView line)
{
    if (line.size() < 4 || line.front() != u'[' || line.back() != u']')
        return false;
    qsizetype p = 1;
    while (p < line.size() && isAsciiLetter(line[p]))
        ++p;
    return p > 1 && p < line.size() && line[p] == u':';
}

std::optional<qint64> offsetTag(QStringView line)
{
    if (!isIdTag(line) || !line.mid(1).startsWith(u"offset:"_s, Qt::CaseInsensitive))
        return std::nullopt;
    const QStringView value = line.mid(8, line.size() - 9).trimmed();
    bool ok = false;
    const qint64 ms = value.toLongLong(&ok);
    return ok ? std::optional<qint64>(ms) : std::nullopt;
}

} // namespace cairn::lrc
