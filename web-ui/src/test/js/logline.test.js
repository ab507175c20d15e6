import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logClock, parseLogLine, speakerKind } from '../../main/js/lib/logline.js';

test('a Heroku line splits into time, speaker, process and message', () => {
  assert.deepEqual(parseLogLine('2026-11-27T07:01:00.123456+00:00 heroku[router]: at=info method=GET path="/"'), {
    time: '2026-11-27T07:01:00.123456+00:00',
    speaker: 'heroku',
    process: 'router',
    message: 'at=info method=GET path="/"',
  });
});

test('the message keeps brackets, colons and an empty text', () => {
  assert.equal(parseLogLine('2026-11-27T07:01:00Z app[web.1]: [x]: y: z').message, '[x]: y: z');
  assert.equal(parseLogLine('2026-11-27T07:01:00Z app[web.1]:').message, '');
});

test('a line in another shape is kept whole as the message', () => {
  assert.deepEqual(parseLogLine('just text'), { time: '', speaker: '', process: '', message: 'just text' });
});

test('the clock is the time of day to the millisecond, as written', () => {
  assert.equal(logClock('2026-11-27T07:01:02.123456+00:00'), '07:01:02.123');
  assert.equal(logClock('2026-11-27T07:01:02Z'), '07:01:02');
  assert.equal(logClock(''), '');
});

test('each speaker gets its kind', () => {
  const kind = (line) => speakerKind(parseLogLine(line));
  assert.equal(kind('t heroku[router]: at=info'), 'router');
  assert.equal(kind('t heroku[web.1]: State changed from starting to up'), 'platform');
  assert.equal(kind('t app[api]: Release v2 created by user a@b.c'), 'api');
  assert.equal(kind('t app[build]: -----> Building'), 'build');
  assert.equal(kind('t app[release.3]: migrating'), 'build');
  assert.equal(kind('t app[web.1]: hello'), 'app');
});
