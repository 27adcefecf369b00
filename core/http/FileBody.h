#pragma once
// A body made of literal byte strings and byte ranges of one open file: a whole file, one
// range, or a multipart/byteranges sequence. Reads only what is asked for, never the file.

#include "stream/ByteRange.h"

#include "BodySource.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <memory>

namespace cairn {

struct MultipartPlan;

class FileBody final : public BodySource
{
public:
    explicit FileBody(std::unique_ptr<QFile> file);

    void appendBytes(const QByteArray &bytes);
    void appendRange(const ByteRange &range);

    static std::unique_ptr<FileBody> whole(std::unique_ptr<QFile> file, qint64 size);
    static std::unique_ptr<FileBody> range(std::unique_ptr<QFile> file, const ByteRange &range);
    static std::unique_ptr<FileBody> multipart(std::unique_ptr<QFile> file, const MultipartPlan &plan);

    qint64 size() const override { return m_size; }
    qint64 read(char *buffer, qint64 max) override;
    std::optional<FileSpan> nextFileSpan() override;
    void skip(qint64 bytes) override;

private:
    struct Segment
    {
        QByteArray bytes;      // used when range.last < range.first
        ByteRange range;
        bool isLiteral() const { return range.last < range.first; }
        qint64 size() const { return isLiteral() ? bytes.size() : range.length(); }
    };
    // Moves past finished segments; false at the end of the body.
    bool atSegmentWithData();

    std::unique_ptr<QFile> m_file;
    QList<Segment> m_segments;
    qsizetype m_current = 0;   // index of the segment being read
    qint64 m_offset = 0;       // bytes already produced from the current segment
    qint64 m_size = 0;
    // After skip() the descriptor's own position is unknown (TransmitFile may move it without
    // QFile knowing), so the next read seeks even where QFile's position looks right.
    bool m_mustSeek = false;
};

} // namespace cairn
