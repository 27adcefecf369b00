#pragma once
// Receives what QDesktopServices::openUrl would hand the system (a browser, a file manager), so
// GUI tests see what a click opens without opening anything.

#include <QList>
#include <QObject>
#include <QUrl>

namespace cairn::test {

class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

} // namespace cairn::test
