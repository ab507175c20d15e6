import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, dynoCount, formatBytes, relativeTime } from '../../main/js/lib/format.js';

const now = Date.parse('2026-11-27T12:00:00Z');

test('relative times read as the dashboard says them', () => {
  assert.equal(relativeTime('2026-11-27T11:59:50Z', now), 'just now');
  assert.equal(relativeTime('2026-11-27T11:59:00Z', now), '1 minute ago');
  assert.equal(relativeTime('2026-11-27T11:55:00Z', now), '5 minutes ago');
  assert.equal(relativeTime('2026-11-27T10:00:00Z', now), '2 hours ago');
  assert.equal(relativeTime('2026-11-24T12:00:00Z', now), '3 days ago');
  assert.equal(relativeTime('2025-11-27T12:00:00Z', now), '1 year ago');
});

test('no time, or one that does not parse, is empty', () => {
  assert.equal(relativeTime(null, now), '');
  assert.equal(relativeTime('yesterday', now), '');
});

test('bytes in binary units, one decimal below ten', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(512 * 1024 * 1024), '512 MB');
  assert.equal(formatBytes(1.5 * 1024 * 1024 * 1024), '1.5 GB');
  assert.equal(formatBytes(12345678), '12 MB');
  assert.equal(formatBytes(undefined), '');
});

test('dyno counts are up/total, a dash when the field is missing', () => {
  assert.equal(dynoCount({ up: 1, total: 2 }), '1/2');
  assert.equal(dynoCount(undefined), '–');
  assert.equal(dynoCount({ up: 1 }), '–');
  assert.equal(count(0), '0');
  assert.equal(count(null), '–');
});
