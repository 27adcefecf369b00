#include "TagFields.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

int leadingNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    qsizetype end = 0;
    // ASCII digits only: QChar::isDigit() also takes other scripts' digits, which toInt() does not
    // read, so "32" followed by one of them gave 0.
    while (end < trimmed.size() && end < 9 && trimmed.at(end) >= u'0' && trimmed.at(end) <= u'9')
        ++end;
    return end == 0 ? 0 : trimmed.left(end).toInt();
}

void applyTag(Track &track, const QString &key, const QString &rawValue)
{
    const QString value = rawValue.trimmed();
    if (value.isEmpty())
        return;
    const QString k = key.toLower();
    auto setText = [&](QString &field) {
        if (field.isEmpty())
            field = value;
    };
    auto setNumber = [&](int &field) {
        if (field == 0)
            field = leadingNumber(value);
    };
    if (k == u"title")
        setText(track.title);
    else if (k == u"artist")
        setText(track.artist);
    else if (k == u"album")
        setText(track.album);
    else if (k == u"albumartist" || k == u"album_artist" || k == u"album artist")
        setText(track.albumArtist);
    else if (k == u"genre")
        setText(track.genre);
    else if (k == u"tracknumber" || k == u"track")
        setNumber(track.trackNumber);
    else if (k == u"discnumber" || k == u"disc")
        setNumber(track.discNumber);
    else if (k == u"date" || k == u"year" || k == u"originaldate")
        setNumber(track.year);
}

} // namespace cairn
