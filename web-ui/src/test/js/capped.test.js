import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendCapped, planAppend } from '../../main/js/lib/capped.js';
import { backoffDelay } from '../../main/js/lib/backoff.js';

test('lines past the cap push the oldest out', () => {
  assert.deepEqual(planAppend(1990, 30, 2000), { skip: 0, drop: 20 });
  assert.deepEqual(planAppend(10, 5, 2000), { skip: 0, drop: 0 });
});

test('a burst larger than the cap keeps only its own newest lines', () => {
  assert.deepEqual(planAppend(1990, 2500, 2000), { skip: 500, drop: 1990 });
  assert.deepEqual(appendCapped([1, 2, 3], [4, 5, 6, 7, 8], 4), [5, 6, 7, 8]);
  assert.deepEqual(appendCapped([1, 2, 3], [4], 4), [1, 2, 3, 4]);
  assert.deepEqual(appendCapped([1, 2, 3], [4, 5], 4), [2, 3, 4, 5]);
});

test('reconnect waits double up to 30 s, each within the upper half of its ceiling', () => {
  assert.equal(backoffDelay(0, () => 0), 500);
  assert.equal(backoffDelay(0, () => 1), 1000);
  assert.equal(backoffDelay(3, () => 1), 8000);
  assert.equal(backoffDelay(10, () => 1), 30000);
  assert.equal(backoffDelay(10, () => 0), 15000);
});
