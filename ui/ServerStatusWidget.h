#pragma once
// The HTTP server's state at a glance: running/paused/stopped, its address as a link,
// its port, and a button to pause or resume it. Follows HttpServer::stateChanged.

#include <QWidget>

class QLabel;
class QPushButton;

namespace cairn {

class HttpServer;

class ServerStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ServerStatusWidget(HttpServer &server, QWidget *parent = nullptr);

private:
    void refresh();
    void togglePaused();

    HttpServer &m_server;
    QLabel *m_stateLabel;
    QLabel *m_urlLabel;
    QLabel *m_portLabel;
    QPushButton *m_pauseButton;
};

} // namespace cairn
