#pragma once
// Cairn's window: the server's status on top and one tab per area (Library for now).
// Closing it hides it to the tray when there is one; otherwise closing quits.

#include <QMainWindow>

class QTabWidget;

namespace cairn {

class Database;
class HttpServer;
class LibraryScanner;
class LibraryTab;
class ServerStatusWidget;


class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const Database &db, LibraryScanner &scanner, HttpServer &server,
               QWidget *parent = nullptr);

    LibraryTab *libraryTab() const { return m_libraryTab; }
    // Further areas (users, presets, activity…) are added by the app, which owns their services.
    void addTab(QWidget *tab, const QString &title);

public Q_SLOTS:
    // Brings the window to the front, also from the tray or a second launch.
    void showAndRaise();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    ServerStatusWidget *m_serverStatus;
    LibraryTab *m_libraryTab;
    QTabWidget *m_tabs = nullptr;
};

} // namespace cairn
