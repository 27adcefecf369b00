#include "activity/StreamInfo.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QString streamKindName(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Direct: return u"direct"_s;
    case StreamKind::Download: return u"download"_s;
    case StreamKind::Transcode: return u"transcode"_s;
    case StreamKind::Hls: return u"hls"_s;
    }
    return u"direct"_s;
}

StreamKind streamKindFromName(const QString &name)
{
    for (StreamKind k : {StreamKind::Direct, StreamKind::Download, StreamKind::Transcode, StreamKind::Hls})
        if (streamKindName(k) == name)
            return k;
    return StreamKind::Direct;
}

} // namespace cairn
