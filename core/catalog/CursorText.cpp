#include "CursorText.h"

#include <QByteArray>
#include <QJsonDocument>

namespace cairn::cursortext {

namespace {
constexpr qsizetype kMostEncodedLength = 4096;
}

QString encoded(const QJsonArray &fields)
{
    return QString::fromLatin1(QJsonDocument(fields).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QJsonArray> decoded(const QString &text, qsizetype fields)
{
    if (text.isEmpty() || text.size() > kMostEncodedLength)
        return std::nullopt;
    const auto bytes = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding
                                                                          | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != fields)
        return std::nullopt;
    return document.array();
}

std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 low, qint64 high)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < double(low) || number > double(high) || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

} // namespace cairn::cursortext
