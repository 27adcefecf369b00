#include "ScanRate.h"

#include <cmath>

namespace cairn {

void ScanRate::reset()
{
    m_samples.clear();
    m_done = 0;
    m_total = 0;
}

void ScanRate::add(qint64 nowMs, int done, int total)
{
    const bool known = total > 0;
    const bool wasKnown = m_total > 0;
    const bool backwards = !m_samples.isEmpty()
        && (nowMs < m_samples.constLast().ms || done < m_samples.constLast().done);
    if (known != wasKnown || backwards)
        m_samples.clear();
    m_done = qMax(0, done);
    m_total = qMax(0, total);
    if (!known)
        return;   // the walk is still counting: no rate yet
    m_samples.append({nowMs, m_done});
    // Keep one sample at or before the window's start, so the window is always covered.
    while (m_samples.size() > 2 && m_samples.at(1).ms <= nowMs - m_windowMs)
        m_samples.removeFirst();
}

std::optional<double> ScanRate::filesPerSecond() const
{
    if (m_samples.size() < 2)
        return std::nullopt;
    const Sample &first = m_samples.constFirst();
    const Sample &last = m_samples.constLast();
    const qint64 ms = last.ms - first.ms;
    if (ms <= 0)
        return std::nullopt;
    return double(last.done - first.done) * 1000.0 / double(ms);
}

std::optional<qint64> ScanRate::msLeft() const
{
    const std::optional<double> rate = filesPerSecond();
    if (m_total <= 0 || m_done >= m_total || !rate || *rate <= 0.0)
        return std::nullopt;
    return qint64(std::ceil(double(m_total - m_done) * 1000.0 / *rate));
}

} // namespace cairn
