#pragma once
// Lexical pieces shared by the header parsers of this library (RFC 9110 §5.6): optional
// whitespace and bounded decimal numbers. Internal to cairn_stream.

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace cairn::syntax {

inline bool isOws(char c) { return c == ' ' || c == '\t'; }
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

inline QByteArrayView trimOws(QByteArrayView v)
{
    while (!v.isEmpty() && isOws(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isOws(v.back()))
        v.chop(1);
    return v;
}

// 1*DIGIT with at most maxDigits digits, so the value always fits in qint64 without overflow.
inline std::optional<qint64> parseDigits(QByteArrayView v, int maxDigits = 18)
{
    if (v.isEmpty() || v.size() > maxDigits)
        return std::nullopt;
    qint64 value = 0;
    for (char c : v) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace cairn::syntax
