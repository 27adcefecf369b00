#include "stream/ContentDisposition.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

bool isUnsafeAnywhere(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == u'/' || c == u'\\';
}

// The name a client may store: no directories, no control characters. Windows names also
// cannot end in a dot or space, but clients fix that themselves.
QString storableName(const QString &fileName)
{
    QString name;
    for (const uint u : fileName.toUcs4()) {
        const char32_t c = u;
        name += isUnsafeAnywhere(c) ? u"_"_s : QString::fromUcs4(&c, 1);
    }
    return name.isEmpty() ? u"download"_s : name;
}

// Printable ASCII without the characters a quoted-string would have to escape.
QByteArray asciiFallback(const QString &name)
{
    QByteArray ascii;
    for (const uint c : name.toUcs4()) {
        const bool plain = c >= 0x20 && c < 0x7F && c != u'"' && c != u'\\';
        ascii += plain ? char(c) : '_';
    }
    return ascii;
}

} // namespace

QByteArray attachmentDisposition(const QString &fileName)
{
    const QString name = storableName(fileName);
    const QByteArray fallback = asciiFallback(name);
    QByteArray value = "attachment; filename=\"" + fallback + '"';
    if (QString::fromLatin1(fallback) != name) {
        // attr-char of RFC 8187 beyond the unreserved set that toPercentEncoding keeps anyway.
        value += "; filename*=UTF-8''" + name.toUtf8().toPercentEncoding("!#$&+^`|");
    }
    return value;
}

} // namespace cairn
