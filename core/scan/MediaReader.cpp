#include "MediaReader.h"

#include "AvProbe.h"
#include "TagLibReader.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn::media {

MediaReadResult read(const QString &path, MediaKind kind)
{
    const QFileInfo info(path);
    if (!info.isReadable())
        return {std::nullopt, u"the file cannot be read (permissions?)"_s};
    if (info.size() == 0)
        return {std::nullopt, u"empty file (0 bytes)"_s};

    if (kind == MediaKind::Audio) {
        if (auto read = taglib::read(path))
            return {std::move(read->track), {}, std::move(read->lyrics)};
    }
    av::ProbeResult probed = av::probe(path);
    if (!probed.track)
        return {std::nullopt, probed.error};
    probed.track->kind = kind;   // the extension decides: an .mp3 with cover art stays audio
    if (kind == MediaKind::Video) {
        probed.track->embeddedArt = EmbeddedArt::VideoFrame;
        probed.lyrics.clear();   // lyrics are a song's
    }
    return {probed.track, {}, probed.lyrics};
}

} // namespace cairn::media
