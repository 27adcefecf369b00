#include "FileBody.h"

#include "stream/MultipartByteRanges.h"

#include <cstring>

namespace cairn {

FileBody::FileBody(std::unique_ptr<QFile> file) : m_file(std::move(file)) {}

void FileBody::appendBytes(const QByteArray &bytes)
{
    m_segments.append({bytes, ByteRange{0, -1}});
    m_size += bytes.size();
}

void FileBody::appendRange(const ByteRange &range)
{
    m_segments.append({QByteArray(), range});
    m_size += range.length();
}

std::unique_ptr<FileBody> FileBody::whole(std::unique_ptr<QFile> file, qint64 size)
{
    auto body = std::make_unique<FileBody>(std::move(file));
    if (size > 0)
        body->appendRange({0, size - 1});
    return body;
}

std::unique_ptr<FileBody> FileBody::range(std::unique_ptr<QFile> file, const ByteRange &range)
{
    auto body = std::make_unique<FileBody>(std::move(file));
    body->appendRange(range);
    return body;
}

std::unique_ptr<FileBody> FileBody::multipart(std::unique_ptr<QFile> file, const MultipartPlan &plan)
{
    auto body = std::make_unique<FileBody>(std::move(file));
    for (const MultipartPart &part : plan.parts) {
        body->appendBytes(part.head);
        body->appendRange(part.range);
    }
    body->appendBytes(plan.tail);
    return body;
}

bool FileBody::atSegmentWithData()
{
    while (m_current < m_segments.size() && m_offset >= m_segments.at(m_current).size()) {
        ++m_current;
        m_offset = 0;
    }
    return m_current < m_segments.size();
}

qint64 FileBody::read(char *buffer, qint64 max)
{
    if (!atSegmentWithData())
        return 0;
    const Segment &seg = m_segments.at(m_current);
    const qint64 n = qMin(max, seg.size() - m_offset);
    if (seg.isLiteral()) {
        std::memcpy(buffer, seg.bytes.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    const qint64 at = seg.range.first + m_offset;
    if ((m_mustSeek || m_file->pos() != at) && !m_file->seek(at))
        return -1;
    m_mustSeek = false;
    const qint64 got = m_file->read(buffer, n);
    if (got <= 0)
        return -1;   // the file shrank under us: the announced length can no longer hold
    m_offset += got;
    return got;
}

std::optional<BodySource::FileSpan> FileBody::nextFileSpan()
{
    if (!atSegmentWithData())
        return std::nullopt;
    const Segment &seg = m_segments.at(m_current);
    if (seg.isLiteral())
        return std::nullopt;
    return FileSpan{m_file->handle(), seg.range.first + m_offset, seg.size() - m_offset};
}

void FileBody::skip(qint64 bytes)
{
    m_offset += bytes;   // read() seeks to its segment's offset itself
    m_mustSeek = true;
}

} // namespace cairn
