import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineReader, SseParser } from '../../main/js/lib/sse.js';

test('each event is the data of its lines, ended by a blank line', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('data: one\n\ndata: two\n\n'), ['one', 'two']);
});

test('an event split across chunks comes out once it is complete', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('da'), []);
  assert.deepEqual(parser.push('ta: 2026-11-27T07:01:00.000000+00:00 app[web.1]: hel'), []);
  assert.deepEqual(parser.push('lo\n'), []);
  assert.deepEqual(parser.push('\n'), ['2026-11-27T07:01:00.000000+00:00 app[web.1]: hello']);
});

test('keepalive comments and other fields are skipped', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push(': keepalive\n\nevent: log\nid: 7\ndata: line\nretry: 10\n\n'), ['line']);
});

test('CRLF and CR end lines too, even when a CRLF is split between chunks', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('data: a\r'), []);
  assert.deepEqual(parser.push('\n\r\ndata: b\r\rdata: c\n\n'), ['a', 'b', 'c']);
});

test('several data lines make one event joined by newlines; only one leading space is dropped', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('data:  indented\ndata\ndata:x\n\n'), [' indented\n\nx']);
});

test('a blank line with no data before it is no event', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('\n\n: c\n\n'), []);
});

test('a plain text stream splits on newlines, keeping a partial last line for the next chunk', () => {
  const reader = new LineReader();
  assert.deepEqual(reader.push('one\r\ntw'), ['one']);
  assert.deepEqual(reader.push('o\n\nthree'), ['two', '']);
  assert.deepEqual(reader.push('\n'), ['three']);
});
