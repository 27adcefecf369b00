#include "auth/UserName.h"

namespace cairn {

QString normalizedUserName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C);
}

char32_t forbiddenUserNameCharacter(const QString &name)
{
    // Characters that show as nothing (or break a line) let two accounts look alike in every
    // list and log: they are refused rather than stripped, so what is stored is what was typed.
    for (qsizetype i = 0; i < name.size(); ++i) {
        char32_t c = name.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(name.at(i), name.at(i + 1));
            ++i;
        }
        switch (QChar::category(c)) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return c;
        default:
            break;
        }
    }
    return 0;
}

} // namespace cairn
