#include "ActivityTableModel.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Words for people; the API keeps streamKindName's "direct", "hls"….
QString kindLabel(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Direct: return ActivityTableModel::tr("Direct");
    case StreamKind::Download: return ActivityTableModel::tr("Download");
    case StreamKind::Transcode: return ActivityTableModel::tr("Transcode");
    case StreamKind::Hls: return ActivityTableModel::tr("HLS video");
    }
    return streamKindName(kind);
}

QString kindText(const StreamInfo &info)
{
    const QString kind = kindLabel(info.kind);
    return info.preset.isEmpty() ? kind : kind + u" ("_s + info.preset + u')';
}

bool sameRow(const StreamSnapshot &a, const StreamSnapshot &b)
{
    return a.bytesSent == b.bytesSent && qFuzzyCompare(a.bytesPerSecond + 1, b.bytesPerSecond + 1)
        && a.capBytesPerSecond == b.capBytesPerSecond;
}

} // namespace

QString formatRate(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return u"—"_s;
    return QLocale().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeSIFormat) + u"/s"_s;
}

ActivityTableModel::ActivityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ActivityTableModel::update(const QList<StreamSnapshot> &streams)
{
    // Gone streams leave, from the bottom up so row numbers stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const qint64 id = m_rows.at(row).id;
        const bool live = std::any_of(streams.cbegin(), streams.cend(), [id](const auto &s) { return s.id == id; });
        if (!live) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const StreamSnapshot &s : streams) {
        const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&s](const auto &r) { return r.id == s.id; });
        if (it == m_rows.end()) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append(s);
            endInsertRows();
        } else if (!sameRow(*it, s)) {
            *it = s;
            const int row = int(it - m_rows.begin());
            Q_EMIT dataChanged(index(row, Sent), index(row, Cap));
        }
    }
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const StreamSnapshot &s = m_rows.at(index.row());
    if (role == IdRole)
        return s.id;
    if (role == Qt::TextAlignmentRole && index.column() >= Sent)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Client)
        return s.userAgent;
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && !sort)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case User: return s.user;
    // "DSub (192.168.1.20)": the player's own name when it gave one.
    case Client: return s.info.player.isEmpty() ? s.client : tr("%1 (%2)").arg(s.info.player, s.client);
    case Track: return s.info.title.isEmpty() ? QString::number(s.info.trackId) : s.info.title;
    case Kind: return kindText(s.info);
    case Started:
        return sort ? QVariant(s.startedAt) : QVariant(locale.toString(s.startedAt.toLocalTime().time(), QLocale::ShortFormat));
    case Sent:
        return sort ? QVariant(s.bytesSent) : QVariant(locale.formattedDataSize(s.bytesSent, 1, QLocale::DataSizeSIFormat));
    case Rate: return sort ? QVariant(s.bytesPerSecond) : QVariant(formatRate(s.bytesPerSecond));
    case Cap:
        return sort ? QVariant(s.capBytesPerSecond) : QVariant(formatRate(double(s.capBytesPerSecond)));
    case ColumnCount: break;
    }
    return {};
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case User: return tr("User");
    case Client: return tr("Client");
    case Track: return tr("Track");
    case Kind: return tr("Kind");
    case Started: return tr("Started");
    case Sent: return tr("Sent");
    case Rate: return tr("Rate");
    case Cap: return tr("Cap");
    case ColumnCount: break;
    }
    return {};
}

} // namespace cairn
