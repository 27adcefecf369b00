// JSON request bodies of the API (core/http/api JsonBody, PlaylistJson, StreamLimitsJson;
// core/http/access UserJson): the same bytes read as each route reads its body.
// Input: the request body.

#include "FuzzSupport.h"

#include "access/UserJson.h"
#include "api/JsonBody.h"
#include "api/PlaylistJson.h"
#include "api/StreamLimitsJson.h"

#include <QJsonDocument>

#include <algorithm>
#include <limits>

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

namespace {

void checkFields(const QJsonObject &object)
{
    for (const QString &field : {u"trackIds"_s, u"ids"_s, u"append"_s}) {
        const auto ids = idArray(object.value(field), field);
        fuzz::require(!ids || std::all_of(ids->cbegin(), ids->cend(), [](qint64 id) { return id > 0; }), "ids are positive");
    }
    for (const QString &field : {u"remove"_s, u"positions"_s}) {
        const auto indexes = indexArray(object.value(field), field);
        fuzz::require(!indexes || std::all_of(indexes->cbegin(), indexes->cend(), [](int i) { return i >= 0; }),
                      "indexes are not negative");
    }
    for (const QString &field : {u"rating"_s, u"position"_s, u"current"_s, u"positionMs"_s}) {
        const auto n = integerIn(object.value(field), field, 0, std::numeric_limits<qint64>::max());
        fuzz::require(!n || *n >= 0, "an integer is in range");
        const auto small = integerIn(object.value(field), field, -5, 5);
        fuzz::require(!small || (*small >= -5 && *small <= 5), "an integer is in range");
    }
    (void)onlyKnownFields(object, {u"name"_s, u"comment"_s, u"public"_s});
    (void)optionalString(object, u"name"_s);
    (void)optionalBool(object, u"public"_s);

    if (const auto created = newPlaylistFromJson(object))
        fuzz::require(!created->name.trimmed().isEmpty(), "a new playlist has a name");
    if (const auto changes = playlistChangesFromJson(object))
        fuzz::require(!changes->name || !changes->name->trimmed().isEmpty(), "a renamed playlist keeps a name");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto object = optionalObjectBody(body))
        checkFields(*object);
    if (const auto array = arrayBody(body)) {
        (void)idArray(*array, u"ids"_s);
        (void)indexArray(*array, u"indexes"_s);
    }

    const StreamLimits current;
    if (const auto limits = editedStreamLimits(current, body)) {
        fuzz::require(limits->maxStreams >= 0 && limits->totalBytesPerSecond >= 0 && limits->streamBytesPerSecond >= 0
                          && limits->retryAfterSeconds >= 1,
                      "stream limits are in range");
        fuzz::require(editedStreamLimits(current, QJsonDocument(streamLimitsJson(*limits)).toJson()).ok(),
                      "stream limits read back");
    }
    if (const auto user = userChangesFromJson(body))
        fuzz::require(!user->maxBitrate || (*user->maxBitrate >= 0 && *user->maxBitrate <= 1000000), "a bitrate cap in range");
    return 0;
}
