#pragma once
// What every fuzz target shares: reading the fuzzer's bytes as a few fields, a check that turns
// a broken invariant into a crash libFuzzer keeps, and the Qt application some code needs.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace cairn::fuzz {

// The input as newline-separated fields, so seed files stay readable and a mutation that moves a
// newline moves bytes from one field to the next.
class FuzzInput
{
public:
    FuzzInput(const std::uint8_t *data, std::size_t size)
        : m_rest(reinterpret_cast<const char *>(data), qsizetype(size))
    {
    }

    // The bytes up to the next '\n' (not included), or all that is left.
    QByteArrayView field();
    QString textField() { return QString::fromUtf8(field()); }
    // A field read as a decimal number, `fallback` when it is none; clamped to [min, max].
    qint64 number(qint64 fallback, qint64 min, qint64 max);
    QByteArrayView rest() const { return m_rest; }
    bool atEnd() const { return m_rest.isEmpty(); }

private:
    QByteArrayView m_rest;
};

// Aborts with `what` when `condition` is false: a result that breaks the parser's own promise is
// a bug even when nothing crashed, and an abort is what libFuzzer records as a crash.
void require(bool condition, const char *what);

// A QCoreApplication for code that looks up plugins or the application's name (Qt SQL); made
// once, on the first call.
void ensureApplication();

} // namespace cairn::fuzz
