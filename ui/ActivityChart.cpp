#include "ActivityChart.h"

#include "ActivityTableModel.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kMargin = 6;
constexpr int kGap = 8;          // between the two plots
constexpr int kSwatch = 10;      // a legend entry's square

// 1, 2 or 5 times a power of ten, at least `v` (and at least `floor`).
double niceCeiling(double v, double floor)
{
    if (v <= floor)
        return floor;
    const double power = std::pow(10.0, std::floor(std::log10(v)));
    for (const double step : {1.0, 2.0, 5.0, 10.0})
        if (v <= step * power)
            return step * power;
    return 10 * power;
}

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

} // namespace

ActivityChart::ActivityChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"activityChart"_s);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ActivityChart::setSamples(const QList<ActivitySample> &samples, qint64 spanMs)
{
    m_samples = samples;
    m_spanMs = qMax<qint64>(1, spanMs);
    m_bytesAxis = niceCeiling(maxBytesPerSecond(), 1000);
    m_streamsAxis = int(niceCeiling(maxStreams(), 1));
    m_hover = -1;
    m_dirty = true;
    update();
}

double ActivityChart::maxBytesPerSecond() const
{
    double most = 0;
    for (const ActivitySample &s : m_samples)
        most = qMax(most, s.bytesPerSecond);
    return most;
}

int ActivityChart::maxStreams() const
{
    int most = 0;
    for (const ActivitySample &s : m_samples)
        most = qMax(most, s.totalStreams());
    return most;
}

QColor ActivityChart::bandwidthFill() const
{
    return mix(palette().color(QPalette::Highlight), palette().color(QPalette::Base), 0.4);
}

QColor ActivityChart::kindColor(int kind)
{
    static const QColor colors[kStreamKindCount] = {QColor(0x3b, 0x82, 0xf6), QColor(0x10, 0xb9, 0x81),
                                                    QColor(0xf5, 0x9e, 0x0b), QColor(0x8b, 0x5c, 0xf6)};
    return colors[qBound(0, kind, kStreamKindCount - 1)];
}

QString ActivityChart::kindName(int kind) const
{
    switch (StreamKind(kind)) {
    case StreamKind::Direct: return tr("Direct");
    case StreamKind::Download: return tr("Download");
    case StreamKind::Transcode: return tr("Transcode");
    case StreamKind::Hls: return tr("HLS video");
    }
    return {};
}

int ActivityChart::labelWidth() const
{
    const QFontMetrics fm(font());
    return qMax(fm.horizontalAdvance(formatRate(m_bytesAxis)), fm.horizontalAdvance(QLocale().toString(m_streamsAxis)))
        + kMargin;
}

// Top to bottom: title, bandwidth plot, gap, title, streams plot, time labels, legend.
QRect ActivityChart::bandwidthPlotRect() const
{
    const int line = fontMetrics().height();
    const int left = kMargin + labelWidth();
    const int plotHeight = qMax(10, (height() - 2 * kMargin - kGap - 4 * line - 4) / 2);
    return QRect(left, kMargin + line, qMax(10, width() - left - kMargin), plotHeight);
}

QRect ActivityChart::streamsPlotRect() const
{
    const QRect top = bandwidthPlotRect();
    return top.translated(0, top.height() + kGap + fontMetrics().height());
}

QSize ActivityChart::sizeHint() const
{
    return {600, 260};
}

QSize ActivityChart::minimumSizeHint() const
{
    // Each plot at least three text lines high: its top, middle and zero labels apart.
    const int line = fontMetrics().height();
    return {240, 2 * kMargin + kGap + 4 * line + 4 + 2 * 3 * line};
}

double ActivityChart::xOf(const ActivitySample &sample, const QRect &plot) const
{
    const qint64 age = sample.at.msecsTo(m_samples.constLast().at);
    return plot.right() + 1 - double(age) / double(m_spanMs) * plot.width();
}

void ActivityChart::resizeEvent(QResizeEvent *event)
{
    m_dirty = true;
    QWidget::resizeEvent(event);
}

void ActivityChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::LanguageChange || event->type() == QEvent::StyleChange)
        m_dirty = true;
    QWidget::changeEvent(event);
}

void ActivityChart::paintEvent(QPaintEvent *)
{
    if (m_dirty || m_cache.deviceIndependentSize().toSize() != size())
        render();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_cache);
    if (m_hover < 0 || m_hover >= m_samples.size())
        return;
    painter.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    for (const QRect &plot : {bandwidthPlotRect(), streamsPlotRect()}) {
        const int x = qRound(xOf(m_samples.at(m_hover), plot));
        painter.drawLine(x, plot.top(), x, plot.bottom());
    }
}

void ActivityChart::render()
{
    m_dirty = false;
    const qreal ratio = devicePixelRatioF();
    m_cache = QPixmap(size() * ratio);
    m_cache.setDevicePixelRatio(ratio);
    m_cache.fill(palette().color(QPalette::Window));
    QPainter painter(&m_cache);
    painter.setFont(font());
    const QRect bandwidth = bandwidthPlotRect();
    const QRect streams = streamsPlotRect();
    painter.setPen(palette().color(QPalette::WindowText));
    const int line = fontMetrics().height();
    painter.drawText(QRect(bandwidth.left(), kMargin, bandwidth.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Outgoing bandwidth"));
    painter.drawText(QRect(streams.left(), streams.top() - line, streams.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Active streams"));
    painter.fillRect(bandwidth, palette().color(QPalette::Base));
    painter.fillRect(streams, palette().color(QPalette::Base));
    drawGrid(painter, bandwidth, formatRate(m_bytesAxis), formatRate(m_bytesAxis / 2));
    drawGrid(painter, streams, QLocale().toString(m_streamsAxis),
             m_streamsAxis % 2 == 0 ? QLocale().toString(m_streamsAxis / 2) : QString());
    painter.setClipRect(bandwidth);
    drawBandwidth(painter, bandwidth);
    painter.setClipRect(streams);
    painter.setRenderHint(QPainter::Antialiasing, false);   // 4 bands of 720 points: fast without
    drawStreams(painter, streams);
    painter.setClipping(false);
    painter.setRenderHint(QPainter::Antialiasing, false);
    drawTimeAxis(painter, streams);
    drawLegend(painter, streams.bottom() + 1 + line + 2);
    if (m_samples.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(bandwidth, Qt::AlignCenter, tr("No samples yet"));
    }
}

void ActivityChart::drawGrid(QPainter &painter, const QRect &plot, const QString &top, const QString &middle) const
{
    const QColor grid = mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.15);
    painter.setPen(grid);
    const int middleY = plot.top() + plot.height() / 2;
    painter.drawLine(plot.left(), middleY, plot.right(), middleY);
    painter.drawLine(plot.left() + plot.width() / 2, plot.top(), plot.left() + plot.width() / 2, plot.bottom());
    painter.drawRect(plot.adjusted(0, 0, -1, -1));
    painter.setPen(palette().color(QPalette::WindowText));
    const int line = fontMetrics().height();
    const QRect labels(kMargin, plot.top(), plot.left() - 2 * kMargin + 4, plot.height());
    painter.drawText(QRect(labels.left(), plot.top(), labels.width(), line), Qt::AlignRight | Qt::AlignTop, top);
    if (!middle.isEmpty() && plot.height() >= 3 * line)   // else it would overlap the others
        painter.drawText(QRect(labels.left(), middleY - line / 2, labels.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                         middle);
    painter.drawText(QRect(labels.left(), plot.bottom() - line + 1, labels.width(), line), Qt::AlignRight | Qt::AlignBottom,
                     QLocale().toString(0));
}

void ActivityChart::drawBandwidth(QPainter &painter, const QRect &plot) const
{
    if (m_samples.isEmpty())
        return;
    const double bottom = plot.bottom() + 1;
    QPolygonF line;
    line.reserve(m_samples.size() + 2);
    for (const ActivitySample &s : m_samples)
        line << QPointF(xOf(s, plot), bottom - s.bytesPerSecond / m_bytesAxis * plot.height());
    QPolygonF area = line;
    area << QPointF(line.constLast().x(), bottom) << QPointF(line.constFirst().x(), bottom);
    // The area without antialiasing, the line over it with (a thin pen: the fast path).
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(bandwidthFill());
    painter.drawPolygon(area);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(line);
}

void ActivityChart::drawStreams(QPainter &painter, const QRect &plot) const
{
    if (m_samples.isEmpty())
        return;
    const double bottom = plot.bottom() + 1;
    const double unit = double(plot.height()) / m_streamsAxis;
    QList<double> below(m_samples.size(), 0.0);   // the stack under the kind drawn, in streams
    for (int kind = 0; kind < kStreamKindCount; ++kind) {
        QPolygonF band;
        band.reserve(2 * m_samples.size());
        QList<double> above = below;
        for (qsizetype i = 0; i < m_samples.size(); ++i) {
            above[i] += m_samples.at(i).streams[size_t(kind)];
            band << QPointF(xOf(m_samples.at(i), plot), bottom - above.at(i) * unit);
        }
        for (qsizetype i = m_samples.size() - 1; i >= 0; --i)
            band << QPointF(xOf(m_samples.at(i), plot), bottom - below.at(i) * unit);
        if (above != below) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(kindColor(kind));
            painter.drawPolygon(band);
        }
        below = above;
    }
}

void ActivityChart::drawTimeAxis(QPainter &painter, const QRect &plot) const
{
    const int line = fontMetrics().height();
    const QRect row(plot.left(), plot.bottom() + 1, plot.width(), line);
    const int minutes = int(qRound64(double(m_spanMs) / 60000.0));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, tr("%1 min ago").arg(minutes));
    if (minutes % 2 == 0)
        painter.drawText(row, Qt::AlignHCenter | Qt::AlignVCenter, tr("%1 min ago").arg(minutes / 2));
    painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter, tr("now"));
}

void ActivityChart::drawLegend(QPainter &painter, int top) const
{
    const QFontMetrics fm(font());
    int x = bandwidthPlotRect().left();
    for (int kind = 0; kind < kStreamKindCount; ++kind) {
        const QString name = kindName(kind);
        painter.fillRect(QRect(x, top + (fm.height() - kSwatch) / 2, kSwatch, kSwatch), kindColor(kind));
        x += kSwatch + 4;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, top, fm.horizontalAdvance(name) + 1, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += fm.horizontalAdvance(name) + 3 * kMargin;
    }
}

int ActivityChart::sampleAt(int x) const
{
    const QRect plot = bandwidthPlotRect();
    if (m_samples.isEmpty() || x < plot.left() || x > plot.right())
        return -1;
    int best = -1;
    double distance = 0;
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const double d = std::abs(xOf(m_samples.at(i), plot) - x);
        if (best < 0 || d < distance) {
            best = int(i);
            distance = d;
        }
    }
    return best;
}

QString ActivityChart::readout(int index) const
{
    if (index < 0 || index >= m_samples.size())
        return {};
    const ActivitySample &s = m_samples.at(index);
    QStringList lines{QLocale().toString(s.at.toLocalTime().time(), QLocale::ShortFormat),
                      tr("Out: %1").arg(s.bytesPerSecond > 0 ? formatRate(s.bytesPerSecond) : QLocale().toString(0))};
    for (int kind = 0; kind < kStreamKindCount; ++kind)
        lines << tr("%1: %2").arg(kindName(kind), QLocale().toString(s.streams[size_t(kind)]));
    return lines.join(u'\n');
}

void ActivityChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint at = event->position().toPoint();
    const bool inPlot = bandwidthPlotRect().contains(at) || streamsPlotRect().contains(at);
    const int hover = inPlot ? sampleAt(at.x()) : -1;
    if (hover != m_hover) {
        m_hover = hover;
        update();   // the cached chart and the hover line only
    }
    if (hover >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), readout(hover), this);
    else
        QToolTip::hideText();
}

void ActivityChart::leaveEvent(QEvent *event)
{
    if (m_hover >= 0) {
        m_hover = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

} // namespace cairn
