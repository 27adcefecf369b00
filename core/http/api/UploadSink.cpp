#include "api/UploadSink.h"

#include "upload/UploadFile.h"

#include "HttpExchange.h"
#include "HttpLog.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

UploadSink::UploadSink(std::unique_ptr<UploadFile> file, UploadTarget target, qint64 maxBytes,
                       std::function<void()> requestScan)
    : m_file(std::move(file)), m_target(std::move(target)), m_maxBytes(maxBytes), m_requestScan(std::move(requestScan))
{
}

UploadSink::~UploadSink() = default;

std::optional<DomainError> UploadSink::write(QByteArrayView piece)
{
    return m_file->write(piece);
}

void UploadSink::finish(HttpExchange &exchange)
{
    if (m_file->size() == 0)
        return exchange.fail(DomainError::invalid(u"the upload is empty"_s));
    if (const Outcome kept = m_file->keepAs(m_target.name); !kept)
        return exchange.fail(kept.error());
    qCInfo(lcHttp).noquote() << exchange.identity().name << "uploaded" << m_file->size() << "bytes into folder"
                             << m_target.folderId;
    // Scanned at once, so the file is in the library moments after the answer.
    if (m_requestScan)
        m_requestScan();
    exchange.respond(HttpResponse::json(201, QJsonDocument(QJsonObject{
        {u"folderId"_s, m_target.folderId}, {u"path"_s, m_target.name}, {u"bytes"_s, m_file->size()}})));
}

} // namespace cairn
