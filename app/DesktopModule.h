#pragma once
// The desktop front end (window, tray, single instance) lives in a module of its own, loaded
// only when Cairn runs with a display: the executable itself links no widget code, so
// `cairn --headless` on a NAS never loads QtWidgets.

#include <QString>

namespace cairn {

class DesktopModule
{
public:
    // Where the module is looked for: $CAIRN_DESKTOP_MODULE, else beside the executable, else
    // in the installed library directory relative to it.
    static QStringList candidatePaths();

    // Loads the first candidate that is a Cairn desktop module; false (and errorText()) if none.
    bool load();
    QString errorText() const { return m_error; }
    QString path() const { return m_path; }

    // Runs the desktop until it quits (it creates the QApplication). Only after load().
    int run(int argc, char **argv) const;

private:
    using Entry = int (*)(int, char **);
    Entry m_entry = nullptr;
    QString m_path;
    QString m_error;
};

} // namespace cairn
