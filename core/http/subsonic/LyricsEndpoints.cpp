// getLyricsBySongId (the songLyrics extension): a song's lyrics as its tags hold them, synced
// lines with their start times, one entry per language or description.

#include "subsonic/EndpointTable.h"
#include "subsonic/SubsonicScope.h"

#include "catalog/LyricsRepository.h"
#include "http/HttpServer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

Node structuredLyrics(const Lyrics &lyrics, const Track &track)
{
    Node n(u"structuredLyrics"_s);
    n.set(u"displayArtist"_s, track.artistName)
        .set(u"displayTitle"_s, track.title)
        .set(u"lang"_s, lyrics.language.isEmpty() ? u"xxx"_s : lyrics.language)
        .set(u"synced"_s, lyrics.synced);
    if (lyrics.offsetMs != 0)
        n.set(u"offset"_s, lyrics.offsetMs);
    n.declareList(u"line"_s);
    for (const LyricLine &line : lyrics.lines) {
        Node l(u"line"_s);
        if (lyrics.synced && line.startMs >= 0)
            l.set(u"start"_s, line.startMs);
        l.setText(line.text);
        n.append(l);
    }
    return n;
}

void lyricsBySongId(const Database &db, Call &call)
{
    const auto track = visibleSong(db, call);
    if (!track)
        return call.fail(track.error());
    Node list(u"lyricsList"_s);
    list.declareList(u"structuredLyrics"_s);
    for (const Lyrics &lyrics : LyricsRepository(db).forTrack(track->id, call.identity().visibility))
        list.append(structuredLyrics(lyrics, *track));
    call.ok(list);
}

} // namespace

void addLyricsEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    table.add(u"getLyricsBySongId"_s, Access::User, [db](Call &call) { lyricsBySongId(*db, call); });
}

} // namespace cairn::subsonic
