#include "SecurityServer.h"

#include "MediaFixtures.h"

#include <QFile>
#include <QImage>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString SecurityServer::writeFfmpegWrapper()
{
    const QString ffmpeg = QStandardPaths::findExecutable(u"ffmpeg"_s);
    if (ffmpeg.isEmpty())
        return u"no ffmpeg on the PATH"_s;
    QFile script(filePath(u"ffmpeg-wrapper.sh"_s));
    if (!script.open(QIODevice::WriteOnly))
        return script.errorString();
    // One line per run: the arguments as FFmpeg receives them, newlines included.
    script.write("#!/bin/sh\nprintf '%s|' \"$@\" >> '" + filePath(u"ffmpeg-runs.log"_s).toUtf8()
                 + "'\necho >> '" + filePath(u"ffmpeg-runs.log"_s).toUtf8() + "'\nexec '" + ffmpeg.toUtf8()
                 + "' \"$@\"\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

QByteArray SecurityServer::ffmpegRuns() const
{
    return readFile(filePath(u"ffmpeg-runs.log"_s));
}

QString SecurityServer::start(TestServerOptions options)
{
    if (const QString error = writeFfmpegWrapper(); !error.isEmpty())
        return error;
    const Tags tags{{u"title"_s, u"Song"_s}, {u"artist"_s, u"Artist"_s}, {u"album"_s, u"Album"_s}};
    if (QString e = makeAudio(sharedDir() + u"/song.mp3"_s, 3, tags); !e.isEmpty())
        return e;
    if (QString e = makeAudio(privateDir() + u"/other.mp3"_s, 3, {{u"title"_s, u"Other"_s}}); !e.isEmpty())
        return e;
    if (QString e = makeVideo(sharedDir() + u"/clip.mp4"_s, 4); !e.isEmpty())
        return e;
    QImage cover(600, 400, QImage::Format_RGB32);
    cover.fill(Qt::darkCyan);
    if (!cover.save(sharedDir() + u"/cover.jpg"_s, "JPEG"))
        return u"cannot write cover.jpg"_s;

    options.scanFirst = true;
    options.auth = true;
    options.artwork = true;
    options.transcoding = true;
    options.transcodeCache = true;
    options.previews = true;
    options.hls = true;
    options.activity = true;
    options.metrics = true;
    options.ffmpegProgram = filePath(u"ffmpeg-wrapper.sh"_s);
    if (const QString error = TestServer::start(options); !error.isEmpty())
        return error;

    const auto make = [this](const QString &name, const QString &password, bool admin, const QString &folder) {
        UserChanges c;
        c.name = name;
        c.password = password;
        c.admin = admin;
        c.folderIds = folder.isEmpty() ? QList<qint64>{} : QList<qint64>{catalog().folderId(folder)};
        return addUser(c);
    };
    rootId = make(u"root"_s, kRootPassword, true, {});
    aliceId = make(u"alice"_s, kAlicePassword, false, u"shared"_s);
    bobId = make(u"bob"_s, kBobPassword, false, u"private"_s);
    if (!rootId || !aliceId || !bobId)
        return u"cannot create the users"_s;
    rootToken = bearer(tokenFor(rootId));
    aliceToken = bearer(tokenFor(aliceId));
    bobToken = bearer(tokenFor(bobId));
    songId = trackIdFor(u"song.mp3"_s);
    videoId = trackIdFor(u"clip.mp4"_s);
    privateSongId = trackIdFor(u"other.mp3"_s);
    if (!songId || !videoId || !privateSongId)
        return u"the media were not catalogued"_s;
    return {};
}

} // namespace cairn::test
