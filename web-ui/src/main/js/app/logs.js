import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { appendCapped, planAppend } from '../lib/capped.js';
import { logClock, parseLogLine, speakerKind } from '../lib/logline.js';
import { ErrorText, Field } from '../ui/parts.js';
import { followLog } from './log-stream.js';

const MAX_LINES = 2000;
const SOURCES = ['app', 'router', 'build', 'platform', 'api'];

function lineItem(text) {
  const line = parseLogLine(text);
  const item = document.createElement('li');
  if (!line.time) {
    item.textContent = line.message;
    return item;
  }
  const time = document.createElement('time');
  time.dateTime = line.time;
  time.textContent = logClock(line.time);
  const who = document.createElement('span');
  who.className = `who who-${speakerKind(line)}`;
  who.textContent = `${line.speaker}[${line.process}]:`;
  item.append(time, ' ', who, ' ', line.message);
  return item;
}

/**
 * The lines, kept out of Preact's diffing: new ones are buffered and added to the DOM at most once per animation
 * frame, the oldest dropped past 2000. The list follows the newest line only while the user is at its bottom;
 * scrolled up, what they read stays in place as old lines leave.
 */
class LineView {
  pending = [];
  frame = 0;
  list = null;

  attach = (list) => {
    this.list = list;
    if (!list) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
  };

  add(lines) {
    this.pending.push(...lines);
    if (this.pending.length >= 2 * MAX_LINES) {
      this.pending.splice(0, this.pending.length - MAX_LINES);
    }
    if (!this.frame && this.list) {
      this.frame = requestAnimationFrame(this.flush);
    }
  }

  clear() {
    this.pending = [];
    if (this.list) {
      this.list.textContent = '';
    }
  }

  flush = () => {
    this.frame = 0;
    const { list } = this;
    const lines = this.pending;
    this.pending = [];
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 8;
    const { skip, drop } = planAppend(list.childElementCount, lines.length, MAX_LINES);
    const anchor = atBottom ? null : list.children[drop];
    const anchorTop = anchor?.offsetTop ?? 0;
    for (let i = 0; i < drop; i += 1) {
      list.firstElementChild.remove();
    }
    const fragment = document.createDocumentFragment();
    for (let i = skip; i < lines.length; i += 1) {
      fragment.append(lineItem(lines[i]));
    }
    list.append(fragment);
    if (atBottom) {
      list.scrollTop = list.scrollHeight;
    } else if (anchor) {
      list.scrollTop -= anchorTop - anchor.offsetTop;
    }
  };
}

/** The list element, rendered once: its items belong to the LineView. */
class LogLines extends Component {
  shouldComponentUpdate() {
    return false;
  }

  render({ view }) {
    return html`<ol id="log-lines" class="log" tabindex="0" aria-label="Log lines, newest last" ref=${view.attach}></ol>`;
  }
}

/** What the user types settles for `ms` before it is acted on. */
function useSettled(value, ms) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The app's live log, filtered by source and dyno on the platform's side, with a pause that keeps the lines. */
export function LogsTab({ name }) {
  const [source, setSource] = useState('');
  const [dynoTyped, setDynoTyped] = useState('');
  const dyno = useSettled(dynoTyped.trim(), 400);
  const [paused, setPaused] = useState(false);
  const [status, setStatus] = useState('connecting');
  const [error, setError] = useState(null);
  const view = useMemo(() => new LineView(), []);
  const held = useRef([]);
  const pausedNow = useRef(false);

  useEffect(() => {
    view.clear();
    held.current = [];
    setStatus('connecting');
    return followLog({
      app: name, source, dyno, onStatus: setStatus, onError: setError,
      onLine: (line) => (pausedNow.current ? appendCapped(held.current, [line], MAX_LINES) : view.add([line])),
    });
  }, [name, source, dyno]);

  const togglePause = () => {
    pausedNow.current = !paused;
    if (paused) {
      view.add(held.current);
      held.current = [];
    }
    setPaused(!paused);
  };

  const clear = () => {
    held.current = [];
    view.clear();
  };

  return html`<form class="inline-form log-controls" onSubmit=${(e) => e.preventDefault()}>
      <${Field} id="log-source" label="Source">
        <select id="log-source" value=${source} onChange=${(e) => setSource(e.currentTarget.value)}>
          <option value="">All sources</option>
          ${SOURCES.map((s) => html`<option key=${s} value=${s}>${s}</option>`)}
        </select>
      <//>
      <${Field} id="log-dyno" label="Dyno or process type">
        <input id="log-dyno" autocomplete="off" spellcheck="false" placeholder="web.1" value=${dynoTyped}
          onInput=${(e) => setDynoTyped(e.currentTarget.value)} />
      <//>
      <div class="actions">
        <button type="button" id="log-pause" onClick=${togglePause}>
          ${paused ? 'Resume' : 'Pause'}</button>
        <button type="button" onClick=${clear}>Clear</button>
        <span class="log-status">Status: <span id="log-status" role="status">${paused ? 'paused' : status}</span></span>
      </div>
      <${ErrorText} error=${error} />
    </form>
    <${LogLines} view=${view} />`;
}
