// What a ContentDirectory client names in text (core/dlna): SearchCriteria (parsed, then
// evaluated against made-up values, never deeper than its limit), SortCriteria and object ids
// (an id that parses formats back to itself).
// Input: the search criteria on the first line, the sort criteria on the second, an object id
// on the third.

#include "FuzzSupport.h"

#include "DidlObject.h"
#include "ObjectId.h"
#include "SearchCriteria.h"
#include "SortCriteria.h"

using namespace cairn;
using namespace cairn::dlna;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    const QString search = in.textField();
    const QString sort = in.textField();
    const QString id = in.textField();

    const auto criteria = SearchCriteria::parse(search);
    if (const auto *parsed = std::get_if<SearchCriteria>(&criteria)) {
        fuzz::require(search.size() <= SearchCriteria::kMaxLength, "nothing longer than the limit is accepted");
        const auto values = [](DidlProperty p) -> std::optional<QStringList> {
            switch (p) {
            case DidlProperty::Class: return QStringList{QStringLiteral("object.item.audioItem.musicTrack")};
            case DidlProperty::Title: return QStringList{QStringLiteral("Tone")};
            case DidlProperty::Genre: return QStringList{};
            default: return std::nullopt;
            }
        };
        parsed->evaluate(values);
        parsed->requiredText();
        parsed->requiredEqual(DidlProperty::Genre);
    } else {
        fuzz::require(!std::get<QString>(criteria).isEmpty(), "a refusal says why");
    }

    const auto order = SortCriteria::parse(sort);
    if (const auto *refused = std::get_if<QString>(&order))
        fuzz::require(!refused->isEmpty(), "a refusal says why");

    if (const auto object = ObjectId::parse(id)) {
        const QString again = object->toString();
        fuzz::require(again == id, "an id that parses is written back the same");
        for (QChar c : again)
            fuzz::require(c.unicode() > 0x20 && c.unicode() < 0x7f, "ids are printable ASCII");
    }
    return 0;
}
