#include "activity/StreamSnapshot.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QString streamEndingName(StreamEnding ending)
{
    switch (ending) {
    case StreamEnding::Completed: return u"completed"_s;
    case StreamEnding::ClientLeft: return u"client-left"_s;
    case StreamEnding::EndedByAdmin: return u"ended"_s;
    case StreamEnding::Failed: return u"failed"_s;
    }
    return u"failed"_s;
}

} // namespace cairn
