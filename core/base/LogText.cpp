#include "base/LogText.h"

#include <QList>

namespace cairn {
namespace {

bool breaksLine(char32_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
}

void appendEscape(QString &out, char32_t c)
{
    if (c < 0x100)
        out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\u{%1}").arg(uint(c), 0, 16);
}

template<typename Escape>
QString escaped(QStringView value, Escape needsEscape)
{
    QString out;
    out.reserve(value.size());
    for (char32_t c : value.toUcs4()) {
        if (needsEscape(c))
            appendEscape(out, c);
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

} // namespace

QString logText(QStringView value)
{
    // Format characters (bidi overrides, zero-width) can make a line read as something else.
    return escaped(value, [](char32_t c) {
        return breaksLine(c) || c == ' ' || c == '\\' || QChar::category(c) == QChar::Other_Format;
    });
}

QString logText(QByteArrayView utf8)
{
    return logText(QString::fromUtf8(utf8));
}

QString oneLogLine(const QString &message)
{
    for (QChar c : message)
        if (breaksLine(c.unicode()))
            return escaped(message, breaksLine);
    return message;
}

} // namespace cairn
