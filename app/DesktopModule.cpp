#include "DesktopModule.h"

#include "DesktopEntry.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#if defined(Q_OS_WIN)
#include <windows.h>
#elif defined(Q_OS_MACOS)
#include <mach-o/dyld.h>
#endif

#include <cstdint>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The executable's directory, found before any QCoreApplication exists (the desktop module
// must be the one to create its QApplication).
QString executableDirectory()
{
#if defined(Q_OS_WIN)
    wchar_t buffer[4096];
    const DWORD n = GetModuleFileNameW(nullptr, buffer, DWORD(std::size(buffer)));
    return n > 0 ? QFileInfo(QString::fromWCharArray(buffer, int(n))).absolutePath() : QString();
#elif defined(Q_OS_MACOS)
    char buffer[4096];
    std::uint32_t size = sizeof(buffer);
    return _NSGetExecutablePath(buffer, &size) == 0 ? QFileInfo(QString::fromLocal8Bit(buffer)).canonicalPath()
                                                    : QString();
#else
    const QFileInfo self(u"/proc/self/exe"_s);
    return self.exists() ? QFileInfo(self.canonicalFilePath()).absolutePath() : QString();
#endif
}

} // namespace

QStringList DesktopModule::candidatePaths()
{
    const QString configured = qEnvironmentVariable("CAIRN_DESKTOP_MODULE");
    if (!configured.isEmpty())
        return {configured};
    const QDir bin(executableDirectory());
    const QString name = QStringLiteral(CAIRN_DESKTOP_MODULE_NAME);
    return {bin.filePath(name), QDir::cleanPath(bin.filePath(QStringLiteral(CAIRN_DESKTOP_MODULE_FROM_BIN) + u'/' + name))};
}

bool DesktopModule::load()
{
    QStringList failures;
    for (const QString &path : candidatePaths()) {
        if (!QFileInfo::exists(path)) {
            failures << u"%1: no such file"_s.arg(path);
            continue;
        }
        QLibrary library(path);
        const auto entry = reinterpret_cast<Entry>(library.resolve(kDesktopEntrySymbol));
        if (!entry) {
            failures << u"%1: %2"_s.arg(path, library.errorString());
            continue;
        }
        // Never unloaded: the desktop's objects live until the process ends.
        m_entry = entry;
        m_path = path;
        return true;
    }
    m_error = failures.join(u"; "_s);
    return false;
}

int DesktopModule::run(int argc, char **argv) const
{
    Q_ASSERT(m_entry);
    return m_entry(argc, argv);
}

} // namespace cairn
