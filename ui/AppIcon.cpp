#include "AppIcon.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QIcon appIcon()
{
    QIcon icon;
    icon.addFile(u":/icons/cairn-32.png"_s, QSize(32, 32));
    icon.addFile(u":/icons/cairn-256.png"_s, QSize(256, 256));
    return icon;
}

} // namespace cairn
