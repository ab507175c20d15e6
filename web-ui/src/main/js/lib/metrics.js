const MB = 1024 * 1024;

const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);

/**
 * The columns of the three request charts from `GET /apps/{app}/metrics`: x in seconds (as uPlot wants), then
 * requests, each status class, and latency (null where a minute had no request, which leaves a gap).
 */
export function requestColumns(metrics) {
  const minutes = Array.isArray(metrics?.requests) ? metrics.requests : [];
  const column = (key) => minutes.map((m) => (typeof m[key] === 'number' ? m[key] : null));
  return {
    x: minutes.map((m) => seconds(m.minute)),
    total: minutes.map((m) => m.total ?? 0),
    status: { '2xx': column('2xx'), '3xx': column('3xx'), '4xx': column('4xx'), '5xx': column('5xx') },
    p50: column('p50_ms'),
    p95: column('p95_ms'),
  };
}

/**
 * Memory per dyno on one time axis: the union of every sample's time, each dyno's MB where it has a sample there
 * and null elsewhere (samples of different dynos are not taken at the same instant).
 */
export function memoryColumns(metrics) {
  const dynos = Array.isArray(metrics?.memory) ? metrics.memory : [];
  const times = [...new Set(dynos.flatMap((d) => (d.samples ?? []).map((s) => seconds(s.at))))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const series = dynos.map((d) => {
    const values = new Array(times.length).fill(null);
    for (const sample of d.samples ?? []) {
      values[index.get(seconds(sample.at))] = Math.round((sample.bytes / MB) * 10) / 10;
    }
    const limits = (d.samples ?? []).map((s) => s.limit_bytes).filter((l) => typeof l === 'number');
    return { label: d.dyno, values, limitMb: limits.length ? Math.round(limits[limits.length - 1] / MB) : null };
  });
  return { x: times, series };
}
