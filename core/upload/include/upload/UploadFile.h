#pragma once
// One upload as it is received: a hidden temporary file (".cairn-upload-…") in the folder it
// will live in, written piece by piece, removed unless it is kept under its final name — which
// never replaces an existing file.

#include "base/Result.h"

#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <memory>
#include <optional>

namespace cairn {

// What every temporary upload file's name starts with (the scanner skips hidden files).
inline constexpr QLatin1StringView kUploadTempPrefix{".cairn-upload-"};

class UploadFile
{
public:
    // Creates the temporary file in `directory`; Failed (or NoSpace) when it cannot.
    static Result<std::unique_ptr<UploadFile>> create(const QString &directory);
    ~UploadFile();   // removes the temporary file unless kept
    UploadFile(const UploadFile &) = delete;
    UploadFile &operator=(const UploadFile &) = delete;

    // Appends a piece (straight to the file, no buffer in between); NoSpace on a full disk,
    // Failed on another write error.
    std::optional<DomainError> write(QByteArrayView piece);
    qint64 size() const { return m_size; }
    QString tempPath() const { return m_file.fileName(); }

    // Gives the file `name` in its folder: Conflict when a file already has it (never replaced).
    Outcome keepAs(const QString &name);

private:
    UploadFile(const QString &directory, const QString &tempName);

    QString m_directory;
    QFile m_file;
    qint64 m_size = 0;
    bool m_kept = false;
};

} // namespace cairn
