#include "dlna/EventNotifier.h"

#include "dlna/EventSubscriptions.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <QXmlStreamWriter>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDlnaEvents, "cairn.dlna.events")

namespace cairn::dlna {
namespace {

constexpr int kInitialDelayMs = 200;

} // namespace

QByteArray propertySet(const QList<QPair<QString, QString>> &variables)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeNamespace(u"urn:schemas-upnp-org:event-1-0"_s, u"e"_s);
    xml.writeStartElement(u"urn:schemas-upnp-org:event-1-0"_s, u"propertyset"_s);
    for (const auto &[name, value] : variables) {
        xml.writeStartElement(u"urn:schemas-upnp-org:event-1-0"_s, u"property"_s);
        xml.writeTextElement(name, value);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

EventNotifier::EventNotifier(EventSubscriptions &subscriptions, QObject *parent)
    : QObject(parent), m_subscriptions(subscriptions)
{
}

void EventNotifier::sendInitial(const QString &sid, const QByteArray &body)
{
    QTimer::singleShot(kInitialDelayMs, this, [this, sid, body] {
        const auto target = m_subscriptions.takeInitialTarget(sid);
        if (target)
            send(target->callbacks.constFirst(), target->sid, 0, body);
    });
}

void EventNotifier::sendToAll(const QString &service, const QByteArray &body)
{
    for (const Subscription &s : m_subscriptions.takeEventTargets(service))
        send(s.callbacks.constFirst(), s.sid, s.nextSeq, body);
}

void EventNotifier::send(const QUrl &callback, const QString &sid, quint32 seq, const QByteArray &body)
{
    if (m_inFlight >= kMaxInFlight) {
        qCWarning(lcDlnaEvents) << "dropping an event: too many notifications in flight";
        return;
    }
    ++m_inFlight;
    auto *socket = new QTcpSocket(this);
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    const quint16 port = quint16(callback.port(80));
    QByteArray path = callback.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (callback.hasQuery())
        path += '?' + callback.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray request = "NOTIFY " + path + " HTTP/1.1\r\nHOST: " + callback.host().toLatin1() + ':'
                               + QByteArray::number(port)
                               + "\r\nCONTENT-TYPE: text/xml; charset=\"utf-8\"\r\nNT: upnp:event\r\nNTS: "
                                 "upnp:propchange\r\nSID: "
                               + sid.toLatin1() + "\r\nSEQ: " + QByteArray::number(seq)
                               + "\r\nCONTENT-LENGTH: " + QByteArray::number(body.size())
                               + "\r\nCONNECTION: close\r\n\r\n" + body;
    auto answer = std::make_shared<QByteArray>();
    auto done = std::make_shared<bool>(false);
    const auto finish = [this, socket, callback, done](int status) {
        if (*done)
            return;
        *done = true;
        --m_inFlight;
        Q_EMIT delivered(callback, status);
        socket->abort();
        socket->deleteLater();
    };
    connect(socket, &QTcpSocket::connected, socket, [socket, request] { socket->write(request); });
    connect(socket, &QTcpSocket::readyRead, socket, [socket, answer, finish] {
        answer->append(socket->read(4096 - answer->size()));
        const qsizetype eol = answer->indexOf("\r\n");
        if (eol < 0 && answer->size() < 4096)
            return;
        const QList<QByteArray> words = answer->left(eol).split(' ');
        finish(words.size() >= 2 ? words.at(1).toInt() : 0);
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, [finish] { finish(0); });
    connect(timeout, &QTimer::timeout, socket, [finish] { finish(0); });
    timeout->start(kTimeoutMs);
    socket->connectToHost(callback.host(), port);
}

} // namespace cairn::dlna
