#pragma once
// How a track's media goes out once it is decided what: the file itself (inline or as a
// download, with ranges and validators), or a media plan carried out (the file, a cached
// transcode, or a live FFmpeg run). Shared by every protocol that streams tracks; failures are
// answered through the exchange's own error mapping.

#include "dlna/DlnaMediaHeaders.h"

#include <QString>

namespace cairn {

class Database;
class HttpExchange;
class TranscodeService;
struct MediaPlan;
struct Track;

enum class FileDelivery { Inline, Attachment };

// `player`: the client's own name for itself, for the activity list (empty = none given: a DLNA
// renderer is then named by its User-Agent). `dlna`: the request's DLNA headers, already
// checked by the route (a time seek is the plan's offset by then); their answers go on the head.
void deliverTrackFile(const Database &db, qint64 trackId, HttpExchange &exchange, FileDelivery delivery,
                      const QString &player = {}, const DlnaMediaHeaders &dlna = {});
// The same for a track the caller has read already (within the caller's visibility).
void deliverTrackFile(const Database &db, const Track &track, HttpExchange &exchange, FileDelivery delivery,
                      const QString &player = {}, const DlnaMediaHeaders &dlna = {});
// `service` may be null only for plans that need no transcoder (an original file).
void deliverPlan(HttpExchange &exchange, TranscodeService *service, const MediaPlan &plan, const QString &player = {},
                 const DlnaMediaHeaders &dlna = {});

} // namespace cairn
