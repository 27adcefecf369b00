// Test helper: starts one TranscodeSession (a never-ending FFmpeg), prints FFmpeg's pid and
// waits to be killed. tst_transcode_session kills it to see FFmpeg die with its parent.

#include "transcode/TranscodeSession.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    cairn::TranscodeSession session(u"ffmpeg"_s, {u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-re"_s, u"-f"_s,
                                                  u"lavfi"_s, u"-i"_s, u"sine=frequency=440"_s, u"-f"_s, u"s16le"_s,
                                                  u"pipe:1"_s});
    if (!session.start())
        return 1;
    QTextStream(stdout) << session.processId() << Qt::endl;
    return QCoreApplication::exec();
}
