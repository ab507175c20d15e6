import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryColumns, requestColumns } from '../../main/js/lib/metrics.js';

const metrics = {
  window_minutes: 60,
  requests: [
    { minute: '2026-11-27T07:00:00Z', total: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, p50_ms: null, p95_ms: null },
    { minute: '2026-11-27T07:01:00Z', total: 12, '2xx': 10, '3xx': 0, '4xx': 1, '5xx': 1, p50_ms: 3, p95_ms: 12 },
  ],
  memory: [
    { dyno: 'web.1', samples: [
      { at: '2026-11-27T07:00:10Z', bytes: 10 * 1024 * 1024, limit_bytes: 512 * 1024 * 1024 },
      { at: '2026-11-27T07:00:40Z', bytes: 11.25 * 1024 * 1024, limit_bytes: 512 * 1024 * 1024 },
    ] },
    { dyno: 'web.2', samples: [{ at: '2026-11-27T07:00:20Z', bytes: 20 * 1024 * 1024, limit_bytes: null }] },
  ],
};

test('request columns are per minute in seconds, latency null where no request came', () => {
  const columns = requestColumns(metrics);
  const start = Date.parse('2026-11-27T07:00:00Z') / 1000;
  assert.deepEqual(columns.x, [start, start + 60]);
  assert.deepEqual(columns.total, [0, 12]);
  assert.deepEqual(columns.status['5xx'], [0, 1]);
  assert.deepEqual(columns.p50, [null, 3]);
  assert.deepEqual(columns.p95, [null, 12]);
});

test('memory of each dyno sits on the union of sample times, in MB', () => {
  const columns = memoryColumns(metrics);
  assert.equal(columns.x.length, 3);
  assert.deepEqual(columns.series.map((s) => s.label), ['web.1', 'web.2']);
  assert.deepEqual(columns.series[0].values, [10, null, 11.3]);
  assert.deepEqual(columns.series[1].values, [null, 20, null]);
  assert.equal(columns.series[0].limitMb, 512);
  assert.equal(columns.series[1].limitMb, null);
});

test('missing fields give empty charts rather than errors', () => {
  assert.deepEqual(requestColumns({}).x, []);
  assert.deepEqual(memoryColumns(null), { x: [], series: [] });
});
