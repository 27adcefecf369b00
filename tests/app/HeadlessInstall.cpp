#include "HeadlessInstall.h"

#include "TestHttpClient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

bool HeadlessInstall::prepare(const QString &catalogUrl, const QVariantMap &settings)
{
    if (library.isEmpty())
        library = dir.filePath(u"Music"_s);
    if (!QDir().mkpath(data()) || !QDir().mkpath(library))
        return false;
    QSettings ini(QDir(data()).filePath(u"cairn.ini"_s), QSettings::IniFormat);
    ini.setValue(u"catalog/url"_s, catalogUrl);
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        ini.setValue(it.key(), it.value());
    ini.sync();
    QFile password(dir.filePath(u"pw"_s));
    return ini.status() == QSettings::NoError && password.open(QIODevice::WriteOnly)
           && password.write(kRootPassword.toByteArray() + '\n') > 0;
}

void HeadlessInstall::start(QProcess &cairn) const
{
    cairn.start(QStringLiteral(CAIRN_BINARY),
                {u"--headless"_s, u"--data-dir"_s, data(), u"--library"_s, library, u"--port"_s, u"0"_s,
                 u"--admin-user"_s, u"root"_s, u"--admin-password-file"_s, dir.filePath(u"pw"_s)});
}

quint16 servingPort(QProcess &cairn, QString &out)
{
    static const QRegularExpression serving(u"serving on http://127\\.0\\.0\\.1:(\\d+)/"_s);
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        cairn.waitForReadyRead(200);
        out += QString::fromUtf8(cairn.readAllStandardOutput());
        if (const auto match = serving.match(out); match.hasMatch())
            return quint16(match.captured(1).toUInt());
        if (cairn.state() == QProcess::NotRunning)
            return 0;
    }
    return 0;
}

QByteArray loginToken(TestHttpClient &client)
{
    const QByteArray login = R"({"name":"root","password":")" + kRootPassword.toByteArray() + R"("})";
    client.send("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(login.size()) + "\r\n\r\n" + login);
    return QJsonDocument::fromJson(client.read().body).object().value(u"token"_s).toString().toLatin1();
}

} // namespace cairn::test
