#include "subtitle/SubRip.h"

#include <QByteArrayList>
#include <QRegularExpression>
#include <QString>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// "hh:mm:ss.ttt" or "mm:ss.ttt" → milliseconds.
std::optional<qint64> vttTime(QByteArrayView text)
{
    const QByteArrayList parts = text.trimmed().toByteArray().split(':');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    const QByteArrayList secondsAndMs = parts.last().split('.');
    if (secondsAndMs.size() != 2 || secondsAndMs.at(1).size() != 3)
        return std::nullopt;
    bool ok = true;
    const auto number = [&ok](const QByteArray &digits) {
        bool one = !digits.isEmpty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        ok = ok && one;
        return one ? digits.toLongLong() : 0;
    };
    const qint64 hours = parts.size() == 3 ? number(parts.at(0)) : 0;
    const qint64 minutes = number(parts.at(parts.size() - 2));
    const qint64 seconds = number(secondsAndMs.at(0));
    const qint64 ms = number(secondsAndMs.at(1));
    if (!ok || minutes > 59 || seconds > 59)
        return std::nullopt;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

QByteArray srtTime(qint64 ms)
{
    return QString::asprintf("%02lld:%02lld:%02lld,%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000)
        .toLatin1();
}

// A cue's text without what SRT does not know; entities decoded.
QByteArray srtText(const QByteArray &payload)
{
    static const QRegularExpression styledTag(u"<([biu])[.\\s][^>]*>"_s);   // <b.loud> → <b>
    static const QRegularExpression unknownTags(u"</?(?![biu]>)(?:[a-z]+|\\d)[^>]*>"_s);
    QString text = QString::fromUtf8(payload);
    text.replace(styledTag, u"<\\1>"_s);
    text.remove(unknownTags);
    text.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&nbsp;"_s, QString(QChar(0xA0)));
    text.replace(u"&lrm;"_s, QString(QChar(0x200E))).replace(u"&rlm;"_s, QString(QChar(0x200F)));
    text.replace(u"&amp;"_s, u"&"_s);
    return text.toUtf8();
}

} // namespace

QByteArray subRipFromWebVtt(const QByteArray &vtt)
{
    QByteArray text = vtt;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    text.replace("\r\n", "\n").replace('\r', '\n');
    // Blocks are separated by blank lines; the first is the WEBVTT header.
    const QByteArrayList lines = text.split('\n');
    QByteArray out;
    int number = 0;
    qsizetype i = 0;
    while (i < lines.size() && !lines.at(i).trimmed().isEmpty())
        ++i;   // the header block
    while (i < lines.size()) {
        while (i < lines.size() && lines.at(i).trimmed().isEmpty())
            ++i;
        QByteArrayList block;
        while (i < lines.size() && !lines.at(i).trimmed().isEmpty())
            block << lines.at(i++);
        if (block.isEmpty())
            break;
        // An optional identifier line, then the timing line.
        qsizetype timing = block.first().contains("-->") ? 0 : 1;
        if (timing >= block.size() || !block.at(timing).contains("-->"))
            continue;   // NOTE, STYLE, REGION or junk
        const QByteArray &times = block.at(timing);
        const qsizetype arrow = times.indexOf("-->");
        const auto start = vttTime(QByteArrayView(times).first(arrow));
        // The end time runs to the first blank: cue settings follow.
        QByteArray rest = times.mid(arrow + 3).trimmed();
        if (const qsizetype blank = rest.indexOf(' '); blank > 0)
            rest.truncate(blank);
        const auto end = vttTime(rest);
        if (!start || !end || *end < *start)
            continue;
        QByteArrayList payload;
        for (qsizetype l = timing + 1; l < block.size(); ++l) {
            const QByteArray line = srtText(block.at(l)).trimmed();
            if (!line.isEmpty())
                payload << line;
        }
        if (payload.isEmpty())
            continue;
        out += QByteArray::number(++number) + "\r\n" + srtTime(*start) + " --> " + srtTime(*end) + "\r\n"
               + payload.join("\r\n") + "\r\n\r\n";
    }
    return out;
}

} // namespace cairn
