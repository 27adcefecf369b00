// Tag values as both scanner paths hand them over (core/scan TagFields: TagLib's property map
// and libavformat's metadata): a key and its text onto a Track, numbers read from the text's
// leading digits. Input: the key on the first line, the value after it.

#include "FuzzSupport.h"

#include "TagFields.h"

using namespace cairn;

namespace {

// What "the leading number" means: the ASCII digits at the start of the trimmed text (at most 9,
// so it fits an int); 0 when there are none.
int expectedNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    int value = 0;
    for (qsizetype i = 0; i < trimmed.size() && i < 9 && trimmed.at(i) >= u'0' && trimmed.at(i) <= u'9'; ++i)
        value = value * 10 + (trimmed.at(i).unicode() - u'0');
    return value;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    const QString key = in.textField();
    const QString value = QString::fromUtf8(in.rest());

    const int number = leadingNumber(value);
    fuzz::require(number == expectedNumber(value), "the leading number is the leading ASCII digits");

    Track track;
    applyTag(track, key, value);
    fuzz::require(track.trackNumber >= 0 && track.discNumber >= 0 && track.year >= 0, "numbers are not negative");
    const bool numeric = track.trackNumber != 0 || track.discNumber != 0 || track.year != 0;
    fuzz::require(!numeric || number != 0, "a number comes from the value's digits");
    return 0;
}
