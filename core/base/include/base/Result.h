#pragma once
// A value or the DomainError that prevented it: what core calls return instead of throwing,
// of `std::variant<T, QString>` or of a sentinel.

#include "base/DomainError.h"

#include <utility>
#include <variant>

namespace cairn {

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(DomainError error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const DomainError &error() const { return std::get<DomainError>(m_state); }

private:
    std::variant<T, DomainError> m_state;
};

// For calls that produce nothing but may fail.
struct Done
{
};
using Outcome = Result<Done>;

} // namespace cairn
