#include "catalog/LibraryCursor.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

constexpr qsizetype kMostEncodedLength = 4096;
constexpr int kFields = 7;

// A JSON number that is a whole number within [low, high] (JSON keeps ids as doubles: exact up
// to 2^53, far beyond any catalog).
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 low, qint64 high)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < double(low) || number > double(high) || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

} // namespace

QString LibraryCursor::encoded() const
{
    const QJsonArray fields{albumId, albumArtistKey, albumTitleKey, discNumber, trackNumber, title, trackId};
    return QString::fromLatin1(QJsonDocument(fields).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<LibraryCursor> LibraryCursor::decoded(const QString &text)
{
    if (text.isEmpty() || text.size() > kMostEncodedLength)
        return std::nullopt;
    const auto bytes = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding
                                                                          | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != kFields)
        return std::nullopt;
    const QJsonArray fields = document.array();
    constexpr qint64 kMostId = qint64(1) << 53;
    const auto albumId = wholeNumber(fields.at(0), 0, kMostId);
    const auto disc = wholeNumber(fields.at(3), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    const auto track = wholeNumber(fields.at(4), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    const auto trackId = wholeNumber(fields.at(6), 1, kMostId);
    if (!albumId || !disc || !track || !trackId || !fields.at(1).isString() || !fields.at(2).isString()
        || !fields.at(5).isString())
        return std::nullopt;
    LibraryCursor cursor;
    cursor.albumId = *albumId;
    cursor.albumArtistKey = fields.at(1).toString();
    cursor.albumTitleKey = fields.at(2).toString();
    cursor.discNumber = int(*disc);
    cursor.trackNumber = int(*track);
    cursor.title = fields.at(5).toString();
    cursor.trackId = *trackId;
    return cursor;
}

} // namespace cairn
