#pragma once
// A body that is never read: a HEAD answer announces a live transcode (its length, or chunked
// when unknown) without starting FFmpeg.

#include "BodySource.h"

namespace cairn {

class HeadOnlyBody final : public BodySource
{
public:
    explicit HeadOnlyBody(qint64 size) : m_size(size) {}
    qint64 size() const override { return m_size; }
    qint64 read(char *, qint64) override { return -1; }

private:
    qint64 m_size;
};

} // namespace cairn
