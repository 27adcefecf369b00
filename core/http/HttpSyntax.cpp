#include "HttpSyntax.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::httpsyntax {

namespace {

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

} // namespace

bool isTchar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTchar(c))
            return false;
    return true;
}

bool isFieldValue(QByteArrayView s)
{
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\t' || c == ' ' || (c >= 0x21 && c != 0x7f))
            continue;
        return false;
    }
    return true;
}

QByteArrayView trimOws(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

std::optional<qint64> parseDecimal(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

bool isHostValue(QByteArrayView s)
{
    for (char c : s) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            continue;
        if (QByteArrayView("-._~%!$&'()*+,;=:[]").contains(c))
            continue;
        return false;
    }
    return true;
}

ChunkSize parseChunkSizeLine(QByteArrayView line, qint64 budget)
{
    // 1*HEXDIG, then nothing or ";" and an extension.
    qsizetype digits = 0;
    qint64 size = 0;
    while (digits < line.size() && QByteArrayView("0123456789abcdefABCDEF").contains(line.at(digits))) {
        // Checked before it can overflow: 16 digits of hex do not fit a qint64.
        if (size > (budget >> 4))
            return {0, 413, "body too large"_ba};
        size = size * 16 + hexValue(line.at(digits));
        ++digits;
    }
    if (digits == 0)
        return {0, 400, "malformed chunk size"_ba};
    const QByteArrayView rest = trimOws(line.sliced(digits));
    if (!rest.isEmpty() && (rest.front() != ';' || !isFieldValue(rest)))
        return {0, 400, "malformed chunk extension"_ba};
    if (size > budget)
        return {0, 413, "body too large"_ba};
    return {size, 0, {}};
}

} // namespace cairn::httpsyntax
