#pragma once
// TagLib strings as QStrings. TagLib 1.x keeps UTF-16 code units in its wstring even where
// wchar_t has 32 bits, so the units are taken as they are (surrogate pairs stay pairs).

#include <QString>

#include <tstring.h>

namespace cairn::taglib {

inline QString toQString(const TagLib::String &s)
{
    const wchar_t *units = s.toCWString();
    QString out(qsizetype(s.size()), Qt::Uninitialized);
    QChar *to = out.data();
    for (qsizetype i = 0; i < out.size(); ++i)
        to[i] = QChar(char16_t(units[i]));
    return out;
}

} // namespace cairn::taglib
