#include "upload/UploadFile.h"

#include "NoReplaceRename.h"
#include "UploadLog.h"

#include <QDir>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString randomSuffix()
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < 12; ++i)
        out += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(int(sizeof kAlphabet - 1))]);
    return out;
}

DomainError writeError(const QFile &file)
{
    // Qt reports ENOSPC (and EDQUOT) as a resource error.
    if (file.error() == QFileDevice::ResourceError)
        return DomainError::noSpace(u"the library folder's disk is full"_s);
    return DomainError::failed(u"the upload could not be written"_s);
}

} // namespace

UploadFile::UploadFile(const QString &directory, const QString &tempName)
    : m_directory(directory), m_file(QDir(directory).filePath(tempName))
{
}

Result<std::unique_ptr<UploadFile>> UploadFile::create(const QString &directory)
{
    // NewOnly (O_EXCL): a name another upload took is never shared; a few tries cover the
    // (astronomically rare) collision.
    for (int attempt = 0; attempt < 4; ++attempt) {
        std::unique_ptr<UploadFile> upload(new UploadFile(directory, kUploadTempPrefix + randomSuffix()));
        if (upload->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
            return upload;
        if (upload->m_file.exists())
            continue;
        qCWarning(lcUpload).noquote() << "cannot create" << upload->tempPath() << upload->m_file.errorString();
        return writeError(upload->m_file);
    }
    return DomainError::failed(u"the upload could not be started"_s);
}

UploadFile::~UploadFile()
{
    if (m_kept)
        return;
    m_file.close();
    if (!m_file.remove())
        qCWarning(lcUpload).noquote() << "cannot remove" << m_file.fileName() << m_file.errorString();
}

std::optional<DomainError> UploadFile::write(QByteArrayView piece)
{
    const qint64 written = m_file.write(piece.data(), piece.size());
    if (written != piece.size()) {
        qCWarning(lcUpload).noquote() << "cannot write" << m_file.fileName() << m_file.errorString();
        return writeError(m_file);
    }
    m_size += written;
    return std::nullopt;
}

Outcome UploadFile::keepAs(const QString &name)
{
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return writeError(m_file);
    QString error;
    switch (renameNoReplace(m_file.fileName(), QDir(m_directory).filePath(name), &error)) {
    case RenameOutcome::Renamed:
        m_kept = true;
        return Done{};
    case RenameOutcome::TargetExists:
        return DomainError::conflict(u"a file with this name already exists"_s);
    case RenameOutcome::Failed:
        break;
    }
    qCWarning(lcUpload).noquote() << "cannot rename" << m_file.fileName() << "to" << name << error;
    return DomainError::failed(u"the upload could not be given its name"_s);
}

} // namespace cairn
