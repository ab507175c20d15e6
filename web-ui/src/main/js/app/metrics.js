import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { memoryColumns, requestColumns } from '../lib/metrics.js';
import { useResource } from '../ui/hooks.js';
import { ErrorText } from '../ui/parts.js';

const HEIGHT = 220;
const PALETTE = ['#6762a6', '#2f8f5b', '#3b7dc4', '#d08a1c', '#c23b3b', '#8a5a9e', '#4a9aa8', '#7a7a2a'];
const STATUS_COLORS = { '2xx': '#2f8f5b', '3xx': '#3b7dc4', '4xx': '#d08a1c', '5xx': '#c23b3b' };

const clock = (seconds) => new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function options(series, unit, width) {
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    axes: [{}, { size: 60, values: (u, ticks) => ticks.map((t) => `${t}${unit}`) }],
    series: [{}, ...series.map((s, i) => ({
      label: s.label, stroke: s.color ?? PALETTE[i % PALETTE.length], width: 2, spanGaps: !!s.spanGaps,
      points: { show: false },
    }))],
  };
}

/**
 * One chart: uPlot draws it (and styles its own elements from script, which the CSP allows); the table beside it
 * says the same to a screen reader, the canvas being hidden from one.
 */
function Chart({ id, caption, x, series, unit = '', empty }) {
  const box = useRef(null);
  const plot = useRef(null);
  const shape = series.map((s) => s.label).join('\n');

  useEffect(() => {
    const data = [x, ...series.map((s) => s.values)];
    if (plot.current?.shape === shape) {
      plot.current.chart.setData(data);
      return;
    }
    plot.current?.chart.destroy();
    plot.current = { shape, chart: new uPlot(options(series, unit, box.current.clientWidth), data, box.current) };
  }, [x, series, shape]);

  useEffect(() => {
    const resize = new ResizeObserver(([entry]) => plot.current?.chart.setSize({
      width: entry.contentRect.width, height: HEIGHT,
    }));
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.current?.chart.destroy();
    };
  }, []);

  return html`<figure id=${id} class="chart">
    <figcaption>${caption}</figcaption>
    ${x.length === 0 && empty && html`<p class="hint">${empty}</p>`}
    <div class="plot" ref=${box} aria-hidden="true"></div>
    <div class="visually-hidden"><table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">Time</th>${series.map((s) => html`<th scope="col" key=${s.label}>${s.label}</th>`)}</tr></thead>
      <tbody>
        ${x.map((t, i) => html`<tr key=${t}><th scope="row">${clock(t)}</th>
          ${series.map((s) => html`<td key=${s.label}>${s.values[i] === null ? '–' : `${s.values[i]}${unit}`}</td>`)}</tr>`)}
      </tbody>
    </table></div>
  </figure>`;
}

/** The last hour of the app's traffic and memory, refreshed every 10 s. */
export function MetricsTab({ name }) {
  const metrics = useResource(() => api.get(appPath(name, '/metrics')), [name], 10000);
  const requests = requestColumns(metrics.data);
  const memory = memoryColumns(metrics.data);
  const limits = [...new Set(memory.series.map((s) => s.limitMb).filter((l) => l !== null))];
  return html`<p>The last hour, one point per minute; refreshed every 10 seconds.</p>
    <${ErrorText} error=${metrics.error} />
    <div class="charts" aria-busy=${metrics.loading ? 'true' : 'false'}>
      <${Chart} id="chart-requests" caption="Requests per minute" x=${requests.x}
        series=${[{ label: 'Requests', values: requests.total }]} />
      <${Chart} id="chart-status" caption="Responses per minute by status class" x=${requests.x}
        series=${Object.entries(requests.status).map(([label, values]) => ({ label, values, color: STATUS_COLORS[label] }))} />
      <${Chart} id="chart-latency" caption="Response time, median (p50) and 95th percentile (p95)" unit=" ms"
        x=${requests.x} series=${[{ label: 'p50', values: requests.p50 }, { label: 'p95', values: requests.p95 }]} />
      <${Chart} id="chart-memory" unit=" MB" x=${memory.x} empty="No memory samples in the last hour."
        caption=${`Memory per dyno${limits.length === 1 ? ` (limit ${limits[0]} MB)` : ''}`}
        series=${memory.series.map((s) => ({ label: s.label, values: s.values, spanGaps: true }))} />
    </div>`;
}
