#include "access/AccountSegment.h"

#include "auth/UserAdministration.h"
#include "base/TextValues.h"
#include "http/Identity.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Result<qint64> accountNamedBy(const QString &segment, const Identity &caller, const UserAdministration &users)
{
    if (segment == u"me"_s)
        return caller.userId;
    const auto id = requireId(segment, u"user"_s);
    if (!id)
        return id.error();
    if ((*id != caller.userId && !caller.admin) || !users.find(*id))
        return DomainError::notFound(u"no such user"_s);
    return *id;
}

} // namespace cairn
