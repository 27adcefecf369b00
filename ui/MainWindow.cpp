#include "MainWindow.h"

#include "AppIcon.h"
#include "LibraryTab.h"
#include "ServerStatusWidget.h"

#include <QCloseEvent>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

MainWindow::MainWindow(const Database &db, LibraryScanner &scanner, HttpServer &server,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_serverStatus(new ServerStatusWidget(server))
    , m_libraryTab(new LibraryTab(db, scanner))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Cairn"));
    setWindowIcon(appIcon());

    auto *tabs = new QTabWidget;
    m_tabs = tabs;
    tabs->setObjectName(u"tabs"_s);
    tabs->addTab(m_libraryTab, tr("Library"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_serverStatus);
    layout->addWidget(tabs, 1);
    setCentralWidget(central);
    resize(900, 640);
}

void MainWindow::showAndRaise()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray the server keeps running in the background; the tray's Quit ends it.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
}

void MainWindow::addTab(QWidget *tab, const QString &title)
{
    m_tabs->addTab(tab, title);
}

} // namespace cairn
