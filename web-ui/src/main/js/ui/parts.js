import { html } from '../html.js';
import { relativeTime } from '../lib/format.js';

/** A form's or a section's error, announced when it appears. */
export function ErrorText({ error }) {
  return error ? html`<p role="alert" class="error">${error}</p>` : null;
}

/** Shown beside the button that is waiting on the platform. */
export function Working({ busy, label = 'Working…' }) {
  return busy ? html`<span class="working" role="status"><span class="spinner" aria-hidden="true"></span>${label}</span>` : null;
}

/**
 * A form's submit row: its button, disabled and shown working while the action is busy (or while `disabled`),
 * then the form's error below it.
 */
export function SubmitRow({ id, action, primary = true, working, disabled = false, error = action.error, children }) {
  return html`<div class="actions">
      <button type="submit" class=${primary ? 'primary' : undefined} id=${id}
        disabled=${!!action.busy || disabled}>${children}</button>
      <${Working} busy=${action.busy} label=${working} />
    </div>
    <${ErrorText} error=${error} />`;
}

/** A wide table scrolls inside its own box, never the page. */
export function TableWrap({ children }) {
  return html`<div class="table-wrap">${children}</div>`;
}

/** A row that says the table is empty, or still loading. */
export function EmptyRow({ columns, loading, children }) {
  return html`<tr class="empty"><td colspan=${columns}>${loading ? 'Loading…' : children}</td></tr>`;
}

/** A time as "5 minutes ago", the exact time on hover and for assistive technology. */
export function Time({ iso, none = '' }) {
  if (!iso) {
    return none;
  }
  return html`<time datetime=${iso} title=${new Date(iso).toLocaleString()}>${relativeTime(iso)}</time>`;
}

/** A label above its input, with an optional hint the input is described by. */
export function Field({ id, label, hint, children }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${children}
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
  </div>`;
}

/** Stops the browser's own submit and hands the event on. */
export function submitted(handler) {
  return (event) => {
    event.preventDefault();
    handler(event);
  };
}
