#pragma once
// The real `cairn --headless` as tests start it: a data directory whose cairn.ini holds the
// catalog URL and the settings given, a library folder, and an administrator ("root") whose
// password comes from a file.

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QVariantMap>

namespace cairn::test {

class TestHttpClient;

inline constexpr QByteArrayView kRootPassword = "root-Secret-1";

struct HeadlessInstall
{
    QTemporaryDir dir;
    QString library;   // the library folder: <dir>/Music unless set before prepare()

    QString data() const { return dir.filePath(QStringLiteral("data")); }
    bool prepare(const QString &catalogUrl, const QVariantMap &settings = {});
    void start(QProcess &cairn) const;
};

// Waits for "serving on http://127.0.0.1:<port>/" on the program's output (kept in `out`); 0 if
// the process ended first or took over 30 s.
quint16 servingPort(QProcess &cairn, QString &out);

// Logs root in; the token, or empty.
QByteArray loginToken(TestHttpClient &client);

} // namespace cairn::test
