#pragma once
// Runs the DLNA media server beside the HTTP server as the settings say: the device state the
// HTTP face reads, and a thread of its own for SSDP and GENA notifications (the architecture's
// "SSDP on its own socket(s) in one thread"). Off by default; turned on, off or changed while
// Cairn runs (desktop settings, web administration).

#include "dlna/DlnaSettings.h"

#include <QMutex>
#include <QObject>
#include <QSettings>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>

namespace cairn {

class UserAdministration;
struct HttpServices;
struct ScanSummary;

namespace dlna {
class DlnaDevice;
class EventNotifier;
class EventSubscriptions;
class SsdpServer;
}

// Settings checked against the accounts: the DLNA account must exist and be enabled.
struct DlnaChoice
{
    dlna::DlnaSettings settings;
    qint64 userId = 0;
    std::optional<QString> problem;   // set: DLNA cannot run, and this says why
};
dlna::DlnaSettings readDlnaSettings(const QSettings &settings);
void storeDlnaSettings(QSettings &settings, const dlna::DlnaSettings &dlna);
DlnaChoice checkDlnaSettings(const dlna::DlnaSettings &settings, const UserAdministration &users);

class DlnaServer : public QObject
{
    Q_OBJECT
public:
    // Prepares the (disabled) device for `dataDir` and gives `services` its pointers, before
    // the HTTP server starts: its routes exist from then on and answer 404 while off.
    DlnaServer(const QString &dataDir, HttpServices &services, QObject *parent = nullptr);
    ~DlnaServer() override;   // byebye, then the thread ends

    // The HTTP server listens on `port`: what SSDP's LOCATION names.
    void setHttpPort(quint16 port);
    // Runs as `choice` says: announces, re-announces with a new name or networks, or says
    // byebye and goes dark.
    void apply(const DlnaChoice &choice);
    dlna::DlnaStatus status() const;
    // The same, safe to read from any thread (HTTP workers).
    dlna::DlnaStatus statusSnapshot() const;
    // A scan changed the catalog: a new SystemUpdateID, evented to subscribers.
    void catalogChanged(const ScanSummary &summary);

Q_SIGNALS:
    void statusChanged();

private:
    void refreshNetworks();
    void publishStatus();   // the snapshot, then statusChanged
    void startAnnouncing();
    void stopAnnouncing();

    dlna::DlnaSettings m_settings;
    QString m_problem;
    QStringList m_announcedOn;
    quint16 m_httpPort = 0;
    QThread m_thread;
    std::unique_ptr<dlna::DlnaDevice> m_device;
    std::unique_ptr<dlna::EventSubscriptions> m_subscriptions;
    dlna::EventNotifier *m_notifier = nullptr;   // lives on m_thread
    dlna::SsdpServer *m_ssdp = nullptr;          // lives on m_thread while announcing
    QTimer m_networkRefresh;
    mutable QMutex m_snapshotMutex;
    dlna::DlnaStatus m_snapshot;
};

} // namespace cairn
