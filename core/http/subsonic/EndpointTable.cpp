#include "subsonic/EndpointTable.h"

#include <algorithm>

namespace cairn::subsonic {

void EndpointTable::add(const QString &name, Access access, EndpointHandler handler)
{
    Q_ASSERT(!m_endpoints.contains(name));
    m_endpoints.insert(name, Endpoint{access, std::move(handler)});
}

const Endpoint *EndpointTable::find(const QString &name) const
{
    const auto it = m_endpoints.constFind(name);
    return it == m_endpoints.constEnd() ? nullptr : &it.value();
}

QStringList EndpointTable::names() const
{
    QStringList list = m_endpoints.keys();
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace cairn::subsonic
