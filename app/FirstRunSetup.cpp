#include "FirstRunSetup.h"

#include "LoginStart.h"
#include "Runtime.h"
#include "auth/UserAdministration.h"
#include "catalog/FolderRepository.h"
#include "dlna/DlnaSettings.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QCoreApplication>

namespace cairn {
FirstRunOutcome applyFirstRun(Runtime &runtime, const LoginStart &loginStart, const FirstRunChoices &choices)
{
    // The network first: it is what most likely fails (a port taken on the other addresses).
    if (const auto error = runtime.setLanAccess(choices.lanAccess))
        return {*error, {}};

    FolderRepository folders(runtime.database());
    for (const QString &path : choices.folders) {
        if (!folders.add(path))
            return {QCoreApplication::translate("cairn::FirstRunSetup", "Cannot add %1 to the library.").arg(path), {}};
    }
    if (!choices.folders.isEmpty())
        runtime.scanner().requestScan();

    if (!runtime.users().hasUsers()) {
        UserChanges admin;
        admin.name = choices.adminName;
        admin.password = choices.adminPassword;
        admin.admin = true;
        if (const Result<User> created = runtime.users().create(admin); !created)
            return {created.error().message, {}};
    }

    if (loginStart.isEnabled() != choices.startAtLogin) {
        if (const auto error = loginStart.setEnabled(choices.startAtLogin))
            return {*error, {}};
    }

    if (choices.dlna) {
        dlna::DlnaSettings settings;
        settings.enabled = true;
        settings.user = choices.adminName;
        if (const auto status = runtime.setDlnaSettings(settings); !status)
            return {QCoreApplication::translate("cairn::FirstRunSetup", "DLNA could not start: %1").arg(status.error().message), {}};
    }

    const QList<QUrl> lan = runtime.server().lanUrls();
    return {{}, choices.lanAccess && !lan.isEmpty() ? lan.first() : runtime.server().baseUrl()};
}

} // namespace cairn
