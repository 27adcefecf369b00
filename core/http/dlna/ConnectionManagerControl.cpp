// ConnectionManager:1 and X_MS_MediaReceiverRegistrar:1: a media server that only serves over
// HTTP GET has a single, permanent connection 0, and (as Windows Media Player and Xbox expect)
// every receiver is authorised and validated.
#include "dlna/DlnaControl.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

QString sourceProtocolInfo()
{
    // The original formats Cairn hands out as they are, and its transcodes; "*" for the fourth
    // field where no DLNA profile applies.
    static const QString info = [] {
        QStringList list;
        for (const char *mime : {"audio/mpeg:DLNA.ORG_PN=MP3", "audio/mp4:DLNA.ORG_PN=AAC_ISO_320", "audio/mp4:*",
                                 "audio/aac:*", "audio/flac:*", "audio/x-flac:*", "audio/ogg:*", "audio/wav:*",
                                 "audio/x-wav:*", "audio/x-ms-wma:*", "audio/x-wavpack:*", "audio/x-ape:*",
                                 "video/mp4:*", "video/x-matroska:*", "video/webm:*", "video/x-msvideo:*",
                                 "video/quicktime:*", "video/mpeg:*", "video/mp2t:*", "image/jpeg:DLNA.ORG_PN=JPEG_TN",
                                 "image/png:*"})
            list << u"http-get:*:"_s + QString::fromLatin1(mime);
        return list.join(u',');
    }();
    return info;
}

ActionResult connectionManagerAction(const SoapCall &call, const ControlContext &)
{
    if (call.action == u"GetProtocolInfo"_s)
        return ActionOutput{{u"Source"_s, sourceProtocolInfo()}, {u"Sink"_s, QString()}};
    if (call.action == u"GetCurrentConnectionIDs"_s)
        return ActionOutput{{u"ConnectionIDs"_s, u"0"_s}};
    if (call.action == u"GetCurrentConnectionInfo"_s) {
        if (!call.arguments.contains(u"ConnectionID"_s))
            return SoapFault{402, u"Invalid Args: ConnectionID is missing"_s};
        if (call.arguments.value(u"ConnectionID"_s).trimmed() != u"0"_s)
            return SoapFault{706, u"Invalid connection reference"_s};
        return ActionOutput{{u"RcsID"_s, u"-1"_s},
                            {u"AVTransportID"_s, u"-1"_s},
                            {u"ProtocolInfo"_s, QString()},
                            {u"PeerConnectionManager"_s, QString()},
                            {u"PeerConnectionID"_s, u"-1"_s},
                            {u"Direction"_s, u"Output"_s},
                            {u"Status"_s, u"OK"_s}};
    }
    return invalidAction();
}

ActionResult mediaReceiverRegistrarAction(const SoapCall &call, const ControlContext &)
{
    if (call.action == u"IsAuthorized"_s || call.action == u"IsValidated"_s)
        return ActionOutput{{u"Result"_s, u"1"_s}};
    if (call.action == u"RegisterDevice"_s)
        return ActionOutput{{u"RegistrationRespMsg"_s, QString()}};
    return invalidAction();
}

} // namespace cairn::dlna
