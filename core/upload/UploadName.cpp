#include "upload/UploadName.h"

#include "scan/MediaTypes.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Most file systems allow 255 bytes per name.
constexpr qsizetype kMaxNameBytes = 255;

// Control, format (U+200B, U+202E…), separator and surrogate characters, and U+FFFD (what
// percent-decoding leaves of bytes that are not UTF-8): nothing a person meant to type.
bool isUnseen(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return c == QChar::ReplacementCharacter;
    }
}

// CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension: Windows opens a device instead
// (a library on a shared disk is read from Windows too).
bool isWindowsDeviceName(const QString &name)
{
    static const QRegularExpression device(u"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QString stem = name.section(u'.', 0, 0).trimmed();
    return device.match(stem).hasMatch();
}

} // namespace

Result<QString> checkUploadName(const QString &given)
{
    const QString name = given.normalized(QString::NormalizationForm_C);
    if (name.isEmpty())
        return DomainError::invalid(u"'name' must not be empty"_s);
    if (name.toUtf8().size() > kMaxNameBytes)
        return DomainError::invalid(u"'name' is longer than %1 bytes"_s.arg(kMaxNameBytes));
    for (QChar c : name) {
        if (isUnseen(c))
            return DomainError::invalid(u"'name' holds a control or invisible character"_s);
        // A path in any system's words: never a folder, never outside the library folder.
        if (c == u'/' || c == u'\\')
            return DomainError::invalid(u"'name' must be a file name, not a path"_s);
        if (QStringView(u"<>:\"|?*").contains(c))
            return DomainError::invalid(u"'name' holds a character Windows does not allow: %1"_s.arg(c));
    }
    // Hidden files are not scanned (and ".cairn-upload-…" are uploads in progress); "." and ".."
    // are no names at all.
    if (name.startsWith(u'.'))
        return DomainError::invalid(u"'name' must not start with a dot"_s);
    if (name.front().isSpace() || name.back().isSpace() || name.endsWith(u'.'))
        return DomainError::invalid(u"'name' must not start or end with a space, or end with a dot"_s);
    if (isWindowsDeviceName(name))
        return DomainError::invalid(u"'name' is a device name on Windows"_s);
    if (!media::kindOfExtension(QFileInfo(name).suffix().toLower()))
        return DomainError::unsupportedType(u"'%1' is not a media file type the library takes"_s.arg(QFileInfo(name).suffix()));
    return name;
}

} // namespace cairn
