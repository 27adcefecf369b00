#pragma once
// The one shape of preset validation: each kind of preset lists its rules (what breaks one, and
// the message saying what is allowed) in the order they are judged; one function finds the first.

#include <QString>

#include <optional>
#include <span>

namespace cairn {

constexpr int kMaxPresetNameLength = 64;

template<typename Value>
struct PresetRule
{
    bool (*broken)(const Value &);
    QString (*message)(const Value &);
};

// nullopt when no rule is broken, else the message of the first broken one.
template<typename Value>
std::optional<QString> firstBrokenRule(std::span<const PresetRule<Value>> rules, const Value &value)
{
    for (const PresetRule<Value> &rule : rules)
        if (rule.broken(value))
            return rule.message(value);
    return std::nullopt;
}

// Names are judged trimmed: the repository stores them trimmed.
template<typename Value>
bool presetNameMissing(const Value &value)
{
    return value.name.trimmed().isEmpty();
}

template<typename Value>
bool presetNameTooLong(const Value &value)
{
    return value.name.trimmed().size() > kMaxPresetNameLength;
}

template<typename Value>
QString presetNameTooLongMessage(const Value &)
{
    return QStringLiteral("a preset name has at most %1 characters").arg(kMaxPresetNameLength);
}

} // namespace cairn
