// The last hour of activity as two SVG charts (issue 19), as the desktop's Activity tab draws it:
// outgoing bandwidth as an area, and the active streams stacked by kind with a legend. Read from
// /api/activity/timeline (oldest sample first) when shown and then every sampling interval;
// pointing at a chart reads out the sample under the pointer.

import { h, clear } from './dom.js';
import { api } from './api.js';
import { t, msg, formatKB, formatMB, formatNumber, formatTime } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;            // the viewBox; the SVG scales to its box
const HEIGHT = 120;
const LEFT = 64;              // room for the axis labels
const KINDS = [['direct', msg('Direct')], ['download', msg('Download')], ['transcode', msg('Transcode')], ['hls', msg('HLS video')]];

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  for (const child of children.flat()) if (child != null) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

// 1, 2 or 5 times a power of ten, at least `v` and at least `floor`.
function niceCeiling(v, floor) {
  if (!(v > floor)) return floor;
  const power = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((s) => s * power).find((c) => v <= c);
}

const rateText = (bytesPerSecond) => t('{size}/s', { size: bytesPerSecond >= 1e6 ? formatMB(bytesPerSecond) : formatKB(bytesPerSecond) });
const streamsOf = (sample) => KINDS.reduce((sum, [kind]) => sum + (sample.streams?.[kind] || 0), 0);
const round = (n) => Math.round(n * 10) / 10;

// One plot: its frame, a middle grid line and the axis labels (top, middle, 0).
function frame(top, middle) {
  const right = WIDTH - 1;
  return [
    svg('rect', { class: 'plot', x: LEFT, y: 0.5, width: right - LEFT, height: HEIGHT - 1 }),
    svg('line', { class: 'grid', x1: LEFT, x2: right, y1: HEIGHT / 2, y2: HEIGHT / 2 }),
    svg('line', { class: 'grid', x1: (LEFT + right) / 2, x2: (LEFT + right) / 2, y1: 0, y2: HEIGHT }),
    svg('text', { class: 'axis', x: LEFT - 6, y: 10, 'text-anchor': 'end' }, top),
    middle ? svg('text', { class: 'axis', x: LEFT - 6, y: HEIGHT / 2 + 4, 'text-anchor': 'end' }, middle) : null,
    svg('text', { class: 'axis', x: LEFT - 6, y: HEIGHT - 2, 'text-anchor': 'end' }, formatNumber(0)),
  ];
}

// x of each sample: the newest at the right edge, `spanMs` across the plot.
function xScale(samples, spanMs) {
  const newest = Date.parse(samples[samples.length - 1].at);
  return (sample) => round(WIDTH - 1 - ((newest - Date.parse(sample.at)) / spanMs) * (WIDTH - 1 - LEFT));
}

function bandwidthChart(samples, spanMs) {
  const most = niceCeiling(Math.max(0, ...samples.map((s) => s.bytesPerSecond || 0)), 1000);
  const chart = svg('svg', { id: 'bandwidth-chart', class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': t('Outgoing bandwidth'), 'data-samples': samples.length, 'data-max': Math.max(0, ...samples.map((s) => s.bytesPerSecond || 0)) },
  frame(rateText(most), rateText(most / 2)));
  if (samples.length) {
    const x = xScale(samples, spanMs);
    const y = (v) => round(HEIGHT - ((v || 0) / most) * HEIGHT);
    const line = samples.map((s, i) => `${i ? 'L' : 'M'}${x(s)},${y(s.bytesPerSecond)}`).join('');
    chart.append(svg('path', { class: 'area', d: `${line}L${x(samples[samples.length - 1])},${HEIGHT}L${x(samples[0])},${HEIGHT}Z` }),
      svg('path', { class: 'line', d: line }));
  }
  return chart;
}

function streamsChart(samples, spanMs) {
  const highest = Math.max(0, ...samples.map(streamsOf));
  const most = niceCeiling(highest, 1);
  const chart = svg('svg', { id: 'streams-chart', class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': t('Active streams'), 'data-samples': samples.length, 'data-max': highest },
  frame(formatNumber(most), most % 2 ? '' : formatNumber(most / 2)));
  if (samples.length) {
    const x = xScale(samples, spanMs);
    const y = (n) => round(HEIGHT - (n / most) * HEIGHT);
    let below = samples.map(() => 0);
    for (const [kind] of KINDS) {
      const above = samples.map((s, i) => below[i] + (s.streams?.[kind] || 0));
      if (above.some((n, i) => n !== below[i])) {
        const top = samples.map((s, i) => `${i ? 'L' : 'M'}${x(s)},${y(above[i])}`).join('');
        const back = samples.map((s, i) => `L${x(s)},${y(below[i])}`).reverse().join('');
        chart.append(svg('path', { class: `band kind-${kind}`, 'data-kind': kind, d: `${top}${back}Z` }));
      }
      below = above;
    }
  }
  return chart;
}

// The sample nearest to `at` (a fraction of the chart's width, 0 = left), as a line of text.
function readoutAt(at, samples, spanMs) {
  if (!samples.length) return '';
  const x = xScale(samples, spanMs);
  let best = samples[0];
  for (const s of samples) if (Math.abs(x(s) - at * WIDTH) < Math.abs(x(best) - at * WIDTH)) best = s;
  const kinds = KINDS.map(([kind, name]) => t('{kind}: {number}', { kind: t(name), number: formatNumber(best.streams?.[kind] || 0) })).join(', ');
  return t('{time}: {rate} out; {streams}', { time: formatTime(best.at), rate: rateText(best.bytesPerSecond || 0), streams: kinds });
}

// → { element, stop }: the charts, drawn now and again every interval until stop().
export function activityCharts() {
  const readout = h('p', { class: 'chart-readout muted', id: 'activity-readout', 'aria-live': 'polite' });
  const body = h('div', { class: 'activity-chart-body' });
  const element = h('div', { class: 'activity-charts', id: 'activity-charts', dataset: { samples: '0' } }, body, readout);
  let timer = 0;
  let stopped = false;
  let pointer = null;   // where the pointer is over a chart (a fraction of its width), kept across redraws
  const draw = (data) => {
    const samples = data.samples || [];
    const spanMs = 3600 * 1000;   // the last hour, whatever the interval
    const bandwidth = bandwidthChart(samples, spanMs);
    const streams = streamsChart(samples, spanMs);
    const show = () => { readout.textContent = pointer === null ? '' : readoutAt(pointer, samples, spanMs); };
    for (const chart of [bandwidth, streams]) {
      chart.addEventListener('mousemove', (e) => {
        const box = chart.getBoundingClientRect();
        pointer = (e.clientX - box.left) / box.width;
        show();
      });
      chart.addEventListener('mouseleave', () => { pointer = null; show(); });
    }
    show();
    const minutes = Math.round(spanMs / 60000);
    clear(body,
      h('figure', {}, h('figcaption', {}, t('Outgoing bandwidth')), bandwidth),
      h('figure', {}, h('figcaption', {}, t('Active streams')), streams,
        h('div', { class: 'time-axis' }, h('span', {}, t('{minutes} min ago', { minutes: formatNumber(minutes) })),
          h('span', {}, t('{minutes} min ago', { minutes: formatNumber(minutes / 2) })), h('span', {}, t('now'))),
        h('ul', { class: 'legend' }, KINDS.map(([kind, name]) => h('li', {}, h('span', { class: `swatch kind-${kind}` }), t(name))))));
    element.dataset.samples = String(samples.length);
    return Math.max(1, Number(data.intervalSeconds) || 10) * 1000;
  };
  const refresh = async () => {
    let next = 10000;
    try {
      next = draw(await api('/api/activity/timeline'));
    } catch (e) {
      readout.textContent = e.message || String(e);
    }
    if (!stopped) timer = setTimeout(refresh, next);
  };
  refresh();
  return { element, stop: () => { stopped = true; clearTimeout(timer); } };
}
