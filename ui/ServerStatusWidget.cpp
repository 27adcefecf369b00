#include "ServerStatusWidget.h"

#include "http/HttpServer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

ServerStatusWidget::ServerStatusWidget(HttpServer &server, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
    , m_stateLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_portLabel(new QLabel(this))
    , m_pauseButton(new QPushButton(this))
{
    m_stateLabel->setObjectName(u"serverStateLabel"_s);
    m_urlLabel->setObjectName(u"serverUrlLabel"_s);
    m_portLabel->setObjectName(u"serverPortLabel"_s);
    m_pauseButton->setObjectName(u"pauseServerButton"_s);

    m_urlLabel->setTextFormat(Qt::RichText);
    m_urlLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_urlLabel->setOpenExternalLinks(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_urlLabel);
    layout->addWidget(m_portLabel);
    layout->addStretch();
    layout->addWidget(m_pauseButton);

    connect(&m_server, &HttpServer::stateChanged, this, &ServerStatusWidget::refresh);
    connect(m_pauseButton, &QPushButton::clicked, this, &ServerStatusWidget::togglePaused);
    refresh();
}

void ServerStatusWidget::refresh()
{
    const bool running = m_server.isRunning();
    const bool paused = running && m_server.isPaused();
    if (!running)
        m_stateLabel->setText(tr("Server stopped"));
    else if (paused)
        m_stateLabel->setText(tr("Server paused"));
    else
        m_stateLabel->setText(tr("Server running"));

    const auto link = [](const QUrl &url) -> QString {
        const QString text = url.toString().toHtmlEscaped();
        return u"<a href=\"%1\">%1</a>"_s.arg(text);
    };
    QString urls = link(m_server.baseUrl());
    // What a phone can open, when Cairn listens on the LAN.
    if (const QList<QUrl> lan = m_server.lanUrls(); !lan.isEmpty())
        urls += u" · "_s + tr("on the LAN: %1").arg(link(lan.first()));
    m_urlLabel->setText(running ? urls : QString());
    m_portLabel->setText(running ? tr("port %1").arg(m_server.port()) : QString());

    m_pauseButton->setEnabled(running);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
}

void ServerStatusWidget::togglePaused()
{
    m_server.setPaused(!m_server.isPaused());
    refresh();   // stateChanged may come later or not at all when nothing changed
}

} // namespace cairn
