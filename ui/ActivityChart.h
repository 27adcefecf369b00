#pragma once
// The Activity tab's picture of the last hour: outgoing bandwidth as an area, and the active
// streams stacked by kind with a legend. Drawn with QPainter into a cached pixmap, redrawn only
// when samples arrive or the size changes; hovering reads out the sample under the pointer.

#include "activity/ActivityTimeline.h"

#include <QPixmap>
#include <QWidget>

namespace cairn {

class ActivityChart : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityChart(QWidget *parent = nullptr);

    // The samples, oldest first; the time axis spans `spanMs` up to the newest one.
    void setSamples(const QList<ActivitySample> &samples, qint64 spanMs);

    // What is drawn (for tests): the samples, the highest rate and stream count among them, and
    // where the two plots are.
    int sampleCount() const { return int(m_samples.size()); }
    double maxBytesPerSecond() const;
    int maxStreams() const;
    QRect bandwidthPlotRect() const;
    QRect streamsPlotRect() const;
    // The sample under the pointer, -1 = none.
    int hoveredSample() const { return m_hover; }
    // What hovering over sample `index` reads out.
    QString readout(int index) const;
    // The fills: the bandwidth area, and each kind's band (StreamKind order); opaque.
    QColor bandwidthFill() const;
    static QColor kindColor(int kind);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void render();
    void drawBandwidth(QPainter &painter, const QRect &plot) const;
    void drawStreams(QPainter &painter, const QRect &plot) const;
    void drawLegend(QPainter &painter, int top) const;
    void drawTimeAxis(QPainter &painter, const QRect &plot) const;
    void drawGrid(QPainter &painter, const QRect &plot, const QString &top, const QString &middle) const;
    double xOf(const ActivitySample &sample, const QRect &plot) const;
    int sampleAt(int x) const;
    int labelWidth() const;
    QString kindName(int kind) const;

    QList<ActivitySample> m_samples;
    qint64 m_spanMs = 3600 * 1000;
    double m_bytesAxis = 1000;   // the top of the bandwidth axis
    int m_streamsAxis = 1;       // the top of the streams axis
    QPixmap m_cache;             // everything but the hover line
    bool m_dirty = true;
    int m_hover = -1;
};

} // namespace cairn
