#pragma once
// The one listening socket. Accepts connections on its own thread and hands each descriptor
// to the worker with the fewest connections (portable: no SO_REUSEPORT, no dup()).

#include <QTcpServer>

#include <functional>

namespace cairn {

class ConnectionAcceptor : public QTcpServer
{
    Q_OBJECT
public:
    using Dispatch = std::function<void(qintptr)>;
    explicit ConnectionAcceptor(Dispatch dispatch, QObject *parent = nullptr)
        : QTcpServer(parent), m_dispatch(std::move(dispatch)) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_dispatch(descriptor); }

private:
    Dispatch m_dispatch;
};

} // namespace cairn
