#pragma once
// The security suites' backend: the one test server (tests/common/TestServer.h) with every
// service a route can need (auth, artwork, transcoding, previews, HLS, activity, metrics) over
// two library folders, "shared" (alice) and "private" (bob), scanned before it starts. FFmpeg is
// a wrapper that writes each run's arguments to a log before running the real one, so a suite
// can tell whether a request started FFmpeg and with what.

#include "TestHttpClient.h"
#include "TestServer.h"

#include <QByteArray>
#include <QString>

namespace cairn::test {

inline const QString kRootPassword = QStringLiteral("root-Secret-1");
inline const QString kAlicePassword = QStringLiteral("alice-Pass-22");
inline const QString kBobPassword = QStringLiteral("bob-Pass-333");

class SecurityServer : public TestServer
{
public:
    SecurityServer() : TestServer({QStringLiteral("shared"), QStringLiteral("private")}) {}

    // Writes the media (a song with a folder cover and a video in "shared", a song in
    // "private"), scans, starts with `options` added to the suite's own, creates the users.
    // Empty on success.
    QString start(TestServerOptions options = {});

    QString sharedDir() const { return filePath(QStringLiteral("shared")); }
    QString privateDir() const { return filePath(QStringLiteral("private")); }
    // Every FFmpeg command line run so far, one per line.
    QByteArray ffmpegRuns() const;

    qint64 rootId = 0, aliceId = 0, bobId = 0;
    qint64 songId = 0, videoId = 0, privateSongId = 0;
    QByteArray rootToken, aliceToken, bobToken;   // "Authorization: Bearer …" lines

private:
    QString writeFfmpegWrapper();
};


} // namespace cairn::test
