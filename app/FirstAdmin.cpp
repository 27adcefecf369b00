#include "FirstAdmin.h"

#include "auth/PasswordHash.h"
#include "auth/UserAdministration.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

std::optional<QString> createAdmin(UserAdministration &users, const QString &name, const QString &password)
{
    UserChanges admin;
    admin.name = name;
    admin.password = password;
    admin.admin = true;
    const Result<User> result = users.create(admin);
    if (!result)
        return QCoreApplication::translate("FirstAdmin", "Cannot create the administrator %1: %2")
            .arg(name, result.error().message);
    return std::nullopt;
}

} // namespace

std::optional<QString> ensureFirstAdmin(UserAdministration &users, const Options &options, QTextStream &out)
{
    if (users.hasUsers())
        return std::nullopt;
    if (!options.adminUser.isEmpty()) {
        QFile file(options.adminPasswordFile);
        if (options.adminPasswordFile.isEmpty() || !file.open(QIODevice::ReadOnly))
            return QCoreApplication::translate("FirstAdmin", "--admin-user needs a readable --admin-password-file");
        QByteArray line = file.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return createAdmin(users, options.adminUser, QString::fromUtf8(line));
    }
    if (!options.headless)
        return std::nullopt;
    const QString password = QString::fromLatin1(randomToken(12));
    if (auto error = createAdmin(users, u"admin"_s, password))
        return error;
    // Printed exactly once, to stdout only (never to the log).
    out << QCoreApplication::translate("FirstAdmin",
                                       "Created the administrator 'admin' with the password: %1\n"
                                       "Log in and change it; it is not shown again.").arg(password)
        << Qt::endl;
    return std::nullopt;
}

} // namespace cairn
