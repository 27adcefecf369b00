#pragma once
// GET /api/activity/events: a live body of Server-Sent Events carrying the activity list
// whenever it changes (coalesced), plus a comment every 15 s so proxies keep the connection.

#include "BodySource.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace cairn {

class ActivityRegistry;

class ActivityEventFeed final : public QObject, public BodySource
{
    Q_OBJECT
public:
    // Create on the worker thread that sends it; `registry` must outlive it.
    explicit ActivityEventFeed(const ActivityRegistry &registry);

    qint64 size() const override { return kUnknownSize; }
    qint64 read(char *buffer, qint64 max) override;
    bool isLive() const override { return true; }
    bool atEnd() const override { return false; }
    void setDataNotifier(std::function<void()> notify) override { m_notify = std::move(notify); }

private:
    void publish();
    void append(const QByteArray &text);

    const ActivityRegistry &m_registry;
    QByteArray m_pending;
    QByteArray m_lastData;
    std::function<void()> m_notify;
    QTimer m_coalesce;
    QTimer m_keepAlive;
};

} // namespace cairn
