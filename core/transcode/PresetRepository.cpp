#include "transcode/PresetRepository.h"

#include "catalog/Database.h"
#include "transcode/PresetRules.h"
#include "transcode/TranscodeLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QString kColumns = u"id, name, format, bitrate, sample_rate, channels"_s;

std::optional<Preset> fromRow(const QSqlQuery &q)
{
    const auto format = outputFormatFromKey(q.value(2).toString());
    if (!format) {
        qCWarning(lcTranscode) << "preset" << q.value(1).toString() << "has an unknown format; ignored";
        return std::nullopt;
    }
    return Preset{q.value(0).toLongLong(), q.value(1).toString(), *format, q.value(3).toInt(),
                  q.value(4).toInt(), q.value(5).toInt()};
}

} // namespace

QList<Preset> PresetRepository::list() const
{
    QList<Preset> presets;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT "_s + kColumns + u" FROM presets ORDER BY name COLLATE NOCASE"_s))
        qCWarning(lcTranscode) << "presets:" << q.lastError().text();
    while (q.next())
        if (auto p = fromRow(q))
            presets << *p;
    return presets;
}

std::optional<Preset> PresetRepository::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM presets WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<Preset> PresetRepository::findByName(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM presets WHERE name = ? COLLATE NOCASE"_s);
    q.addBindValue(name.trimmed());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

std::variant<Preset, QString> PresetRepository::save(const Preset &preset)
{
    if (const auto error = presetError(preset))
        return *error;
    Preset stored = preset;
    stored.name = preset.name.trimmed();
    if (const auto same = findByName(stored.name); same && same->id != stored.id)
        return u"a preset named \"%1\" already exists"_s.arg(stored.name);
    QSqlQuery q(m_db.connection());
    if (stored.id == 0)
        q.prepare(u"INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES (?, ?, ?, ?, ?)"_s);
    else
        q.prepare(u"UPDATE presets SET name = ?, format = ?, bitrate = ?, sample_rate = ?, channels = ? WHERE id = ?"_s);
    q.addBindValue(stored.name);
    q.addBindValue(infoFor(stored.format).key);
    q.addBindValue(stored.bitrateKbps);
    q.addBindValue(stored.sampleRate);
    q.addBindValue(stored.channels);
    if (stored.id != 0)
        q.addBindValue(stored.id);
    if (!q.exec()) {
        qCWarning(lcTranscode) << "cannot save preset:" << q.lastError().text();
        return u"the preset could not be saved: %1"_s.arg(q.lastError().text());
    }
    if (stored.id == 0)
        stored.id = q.lastInsertId().toLongLong();
    else if (q.numRowsAffected() == 0)
        return u"no such preset"_s;
    return stored;
}

bool PresetRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM presets WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() > 0;
}

std::variant<Preset, QString> PresetRepository::duplicate(qint64 id)
{
    auto original = find(id);
    if (!original)
        return u"no such preset"_s;
    Preset copy = *original;
    copy.id = 0;
    const QString base = original->name.left(kMaxPresetNameLength - 10);
    for (int n = 1; n < 1000; ++n) {
        copy.name = n == 1 ? u"%1 (copy)"_s.arg(base) : u"%1 (copy %2)"_s.arg(base).arg(n);
        if (!findByName(copy.name))
            return save(copy);
    }
    return u"too many copies of this preset"_s;
}

} // namespace cairn
