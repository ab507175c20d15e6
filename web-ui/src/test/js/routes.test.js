import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appHref, parseRoute } from '../../main/js/lib/routes.js';

test('the contract routes parse', () => {
  assert.deepEqual(parseRoute('#/login'), { page: 'login' });
  assert.deepEqual(parseRoute('#/signup'), { page: 'signup' });
  assert.deepEqual(parseRoute('#/apps'), { page: 'apps' });
  assert.deepEqual(parseRoute('#/apps/my-app'), { page: 'app', app: 'my-app', tab: 'overview' });
  assert.deepEqual(parseRoute('#/apps/my-app/logs'), { page: 'app', app: 'my-app', tab: 'logs' });
  assert.deepEqual(parseRoute('#/admin/quotas'), { page: 'admin', section: 'quotas' });
  assert.deepEqual(parseRoute(''), { page: 'home' });
  assert.deepEqual(parseRoute('#/'), { page: 'home' });
});

test('anything else is unknown', () => {
  for (const hash of ['#/nope', '#/apps/x/nope', '#/admin/nope', '#/admin', '#apps', '#/apps//logs',
    '#/apps/x/logs/more', '#/login/x']) {
    assert.deepEqual(parseRoute(hash), { page: 'unknown' }, hash);
  }
});

test('app links name the overview by the app alone', () => {
  assert.equal(appHref('my-app'), '#/apps/my-app');
  assert.equal(appHref('my-app', 'logs'), '#/apps/my-app/logs');
});
