import { ApiError, appPath, request } from '../api.js';
import { backoffDelay } from '../lib/backoff.js';
import { LineReader, SseParser } from '../lib/sse.js';

/** A connection that lasted this long was a good one: the next wait starts from the shortest again. */
const HEALTHY_MS = 10000;
const HISTORY_LINES = 100;

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Reads one response to its end, handing on each line; SSE when the platform speaks it, else plain lines. */
async function readLines(response, onLine) {
  const sse = (response.headers.get('Content-Type') ?? '').startsWith('text/event-stream');
  const splitter = sse ? new SseParser() : new LineReader();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    for (const line of splitter.push(decoder.decode(value, { stream: true }))) {
      onLine(line);
    }
  }
}

/**
 * Follows an app's log through `fetch`, so the token stays in a header: the last lines first, then each new one.
 * When the stream ends or breaks it connects again after a backoff (asking for no old lines, which were shown);
 * a refusal (4xx) stops it with the platform's message. Returns the function that stops it.
 */
export function followLog({ app, source, dyno, onLine, onStatus, onError }) {
  const controller = new AbortController();
  const { signal } = controller;
  (async () => {
    let failures = 0;
    let history = HISTORY_LINES;
    while (!signal.aborted) {
      const params = new URLSearchParams({ tail: 'true', lines: String(history) });
      if (source) {
        params.set('source', source);
      }
      if (dyno) {
        params.set('dyno', dyno);
      }
      const began = Date.now();
      try {
        const response = await request('GET', `${appPath(app, '/logs')}?${params}`, undefined,
          { signal, accept: 'text/event-stream' });
        onStatus('streaming');
        onError(null);
        history = 0;
        await readLines(response, onLine);
      } catch (e) {
        if (signal.aborted) {
          return;
        }
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
          onError(e.message);
          onStatus('stopped');
          return;
        }
      }
      if (signal.aborted) {
        return;
      }
      failures = Date.now() - began > HEALTHY_MS ? 0 : failures + 1;
      onStatus('reconnecting');
      await sleep(backoffDelay(failures - 1), signal);
    }
  })();
  return () => controller.abort();
}
