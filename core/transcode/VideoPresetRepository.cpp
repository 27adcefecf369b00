#include "transcode/VideoPresetRepository.h"

#include "catalog/Database.h"
#include "transcode/PresetRules.h"
#include "transcode/TranscodeLog.h"
#include "transcode/VideoPresetRules.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QString kColumns = u"id, name, width, height, video_bitrate, audio_bitrate"_s;

VideoPreset fromRow(const QSqlQuery &q)
{
    return VideoPreset{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                       q.value(3).toInt(),      q.value(4).toInt(),    q.value(5).toInt()};
}

} // namespace

QList<VideoPreset> VideoPresetRepository::list() const
{
    QList<VideoPreset> presets;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT "_s + kColumns + u" FROM video_presets ORDER BY height, width, name COLLATE NOCASE"_s))
        qCWarning(lcTranscode) << "video presets:" << q.lastError().text();
    while (q.next())
        presets << fromRow(q);
    return presets;
}

std::optional<VideoPreset> VideoPresetRepository::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM video_presets WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<VideoPreset> VideoPresetRepository::findByName(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM video_presets WHERE name = ? COLLATE NOCASE"_s);
    q.addBindValue(name.trimmed());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

std::variant<VideoPreset, QString> VideoPresetRepository::save(const VideoPreset &preset)
{
    if (const auto error = videoPresetError(preset))
        return *error;
    VideoPreset stored = preset;
    stored.name = preset.name.trimmed();
    if (const auto same = findByName(stored.name); same && same->id != stored.id)
        return u"a video preset named \"%1\" already exists"_s.arg(stored.name);
    QSqlQuery q(m_db.connection());
    if (stored.id == 0)
        q.prepare(u"INSERT INTO video_presets (name, width, height, video_bitrate, audio_bitrate) "
                  "VALUES (?, ?, ?, ?, ?)"_s);
    else
        q.prepare(u"UPDATE video_presets SET name = ?, width = ?, height = ?, video_bitrate = ?, audio_bitrate = ? "
                  "WHERE id = ?"_s);
    q.addBindValue(stored.name);
    q.addBindValue(stored.width);
    q.addBindValue(stored.height);
    q.addBindValue(stored.videoKbps);
    q.addBindValue(stored.audioKbps);
    if (stored.id != 0)
        q.addBindValue(stored.id);
    if (!q.exec()) {
        qCWarning(lcTranscode) << "cannot save video preset:" << q.lastError().text();
        return u"the video preset could not be saved: %1"_s.arg(q.lastError().text());
    }
    if (stored.id == 0)
        stored.id = q.lastInsertId().toLongLong();
    else if (q.numRowsAffected() == 0)
        return u"no such video preset"_s;
    return stored;
}

bool VideoPresetRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM video_presets WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() > 0;
}

std::variant<VideoPreset, QString> VideoPresetRepository::duplicate(qint64 id)
{
    const auto original = find(id);
    if (!original)
        return u"no such video preset"_s;
    VideoPreset copy = *original;
    copy.id = 0;
    // Room for " (copy 999)" within the name limit.
    const QString base = original->name.left(kMaxPresetNameLength - 11);
    for (int n = 1; n < 1000; ++n) {
        copy.name = n == 1 ? u"%1 (copy)"_s.arg(base) : u"%1 (copy %2)"_s.arg(base).arg(n);
        if (!findByName(copy.name))
            return save(copy);
    }
    return u"too many copies of this video preset"_s;
}

} // namespace cairn
