#pragma once
// An upload's body on its way into a library folder: stored in a hidden temporary file as it
// arrives, given its name when whole (never over another file), then the library is scanned.

#include "BodySink.h"

#include <QString>

#include <functional>
#include <memory>

namespace cairn {

class UploadFile;

struct UploadTarget
{
    qint64 folderId = 0;
    QString name;   // checked file name inside the folder
};

class UploadSink : public BodySink
{
public:
    UploadSink(std::unique_ptr<UploadFile> file, UploadTarget target, qint64 maxBytes, std::function<void()> requestScan);
    ~UploadSink() override;

    qint64 maxBytes() const override { return m_maxBytes; }
    std::optional<DomainError> write(QByteArrayView piece) override;
    // 201 {"folderId","path","bytes"} and a scan; 400 for an empty body, 409 when the name was
    // taken meanwhile.
    void finish(HttpExchange &exchange) override;

private:
    std::unique_ptr<UploadFile> m_file;
    UploadTarget m_target;
    qint64 m_maxBytes;
    std::function<void()> m_requestScan;
};

} // namespace cairn
