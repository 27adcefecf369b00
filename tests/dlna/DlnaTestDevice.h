#pragma once
// The DLNA device a suite's test server answers for: the device with its identity, its event
// subscriptions and notifier, handed to the HTTP services, and the account renderers play as.

#include "TestServer.h"
#include "dlna/DlnaDevice.h"
#include "dlna/EventNotifier.h"
#include "dlna/EventSubscriptions.h"

#include <memory>

namespace cairn::test {

class DlnaTestDevice
{
public:
    DlnaTestDevice(const QString &uuid, const QString &friendlyName);

    // For TestServerOptions::moreServices.
    void attach(HttpServices &services);
    // Creates "living-room", who is no administrator and sees the library folder, and makes it
    // the device's account (auth or users must be on): its id, 0 when refused.
    qint64 addLanUser(TestServer &server);

    dlna::DlnaDevice &device() { return *m_device; }

private:
    std::unique_ptr<dlna::DlnaDevice> m_device;
    std::unique_ptr<dlna::EventSubscriptions> m_subscriptions;
    std::unique_ptr<dlna::EventNotifier> m_notifier;
};

} // namespace cairn::test
