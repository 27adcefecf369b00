#pragma once
// A library folder the scanner walks.

#include <QString>

namespace cairn {

struct Folder
{
    qint64 id = 0;
    QString path;   // absolute, cleaned
};

} // namespace cairn
