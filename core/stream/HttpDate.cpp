#include "stream/HttpDate.h"

#include "HeaderSyntax.h"

#include <array>

namespace cairn {

namespace {

constexpr std::array<QByteArrayView, 7> shortDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<QByteArrayView, 7> longDays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};
constexpr std::array<QByteArrayView, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads a date field by field; every read fails (and stays failed) on the first mismatch.
class DateCursor
{
public:
    explicit DateCursor(QByteArrayView text) : m_rest(text) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_rest.isEmpty(); }

    void literal(QByteArrayView expected)
    {
        if (m_ok && m_rest.startsWith(expected))
            m_rest = m_rest.sliced(expected.size());
        else
            m_ok = false;
    }

    // Exactly `count` digits; asctime pads its day with a space, hence allowLeadingSpace.
    int number(int count, bool allowLeadingSpace = false)
    {
        if (!m_ok || m_rest.size() < count) {
            m_ok = false;
            return 0;
        }
        QByteArrayView digits = m_rest.first(count);
        if (allowLeadingSpace && digits.front() == ' ')
            digits = digits.sliced(1);
        const auto value = syntax::parseDigits(digits, count);
        m_rest = m_rest.sliced(count);
        m_ok = value.has_value();
        return value ? int(*value) : 0;
    }

    template<std::size_t N>
    int name(const std::array<QByteArrayView, N> &names)
    {
        for (std::size_t i = 0; m_ok && i < N; ++i) {
            if (m_rest.startsWith(names[i])) {
                m_rest = m_rest.sliced(names[i].size());
                return int(i);
            }
        }
        m_ok = false;
        return -1;
    }

private:
    QByteArrayView m_rest;
    bool m_ok = true;
};

std::optional<QDateTime> makeUtc(const DateCursor &c, int year, int month, int day, QTime time)
{
    if (!c.ok() || !c.atEnd())
        return std::nullopt;
    const QDate date(year, month + 1, day);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

QTime readTime(DateCursor &c)
{
    const int h = c.number(2);
    c.literal(":");
    const int m = c.number(2);
    c.literal(":");
    const int s = c.number(2);
    return QTime(h, m, s);
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<QDateTime> parseImfFixdate(QByteArrayView v)
{
    DateCursor c(v);
    c.name(shortDays);
    c.literal(", ");
    const int day = c.number(2);
    c.literal(" ");
    const int month = c.name(months);
    c.literal(" ");
    const int year = c.number(4);
    c.literal(" ");
    const QTime time = readTime(c);
    c.literal(" GMT");
    return makeUtc(c, year, month, day, time);
}

// "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead means the past century.
std::optional<QDateTime> parseRfc850(QByteArrayView v)
{
    DateCursor c(v);
    c.name(longDays);
    c.literal(", ");
    const int day = c.number(2);
    c.literal("-");
    const int month = c.name(months);
    c.literal("-");
    const int yy = c.number(2);
    c.literal(" ");
    const QTime time = readTime(c);
    c.literal(" GMT");
    const int currentYear = QDateTime::currentDateTimeUtc().date().year();
    int year = currentYear - currentYear % 100 + yy;
    if (year > currentYear + 50)
        year -= 100;
    return makeUtc(c, year, month, day, time);
}

// "Sun Nov  6 08:49:37 1994"
std::optional<QDateTime> parseAsctime(QByteArrayView v)
{
    DateCursor c(v);
    c.name(shortDays);
    c.literal(" ");
    const int month = c.name(months);
    c.literal(" ");
    const int day = c.number(2, true);
    c.literal(" ");
    const QTime time = readTime(c);
    c.literal(" ");
    const int year = c.number(4);
    return makeUtc(c, year, month, day, time);
}

QByteArray twoDigits(int n)
{
    return QByteArray::number(n).rightJustified(2, '0');
}

} // namespace

QByteArray formatHttpDate(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime utc = t.toUTC();
    const QDate d = utc.date();
    if (d.year() < 1 || d.year() > 9999)
        return {};
    const QTime time = utc.time();
    return shortDays[d.dayOfWeek() - 1].toByteArray() + ", " + twoDigits(d.day()) + ' '
           + months[d.month() - 1].toByteArray() + ' ' + QByteArray::number(d.year()).rightJustified(4, '0')
           + ' ' + twoDigits(time.hour()) + ':' + twoDigits(time.minute()) + ':'
           + twoDigits(time.second()) + " GMT";
}

std::optional<QDateTime> parseHttpDate(QByteArrayView value)
{
    value = syntax::trimOws(value);
    if (value.size() > 3 && value.at(3) == ',')
        return parseImfFixdate(value);
    if (value.size() > 3 && value.at(3) == ' ')
        return parseAsctime(value);
    return parseRfc850(value);
}

} // namespace cairn
