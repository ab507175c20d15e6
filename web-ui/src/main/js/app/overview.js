import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { count, dynoCount } from '../lib/format.js';
import { Time } from '../ui/parts.js';

/** Copies the input's text: the clipboard API where the page may use it, else the input's own selection. */
async function copyFrom(input) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    if (!document.execCommand('copy')) {
      throw new Error('copy refused');
    }
  }
}

function GitRemote({ url }) {
  const input = useRef(null);
  const [copied, setCopied] = useState(null);
  const copy = () => copyFrom(input.current).then(() => setCopied('Copied.'),
    () => setCopied('Copying failed: select the URL and copy it yourself.'));
  return html`<div class="field">
      <label for="git-url">Git remote</label>
      <div class="with-button">
        <input id="git-url" ref=${input} readonly value=${url ?? ''} onFocus=${(e) => e.currentTarget.select()} />
        <button type="button" id="copy-git-url" onClick=${copy}>Copy</button>
      </div>
      <p class="hint" role="status">${copied}</p>
    </div>
    <p>Deploy with <code>git remote add paas ${url}</code> and <code>git push paas main</code>.</p>`;
}

/** The app at a glance: what runs, where it answers, and how to deploy it. */
export function OverviewTab({ app }) {
  return html`<dl class="facts">
      <div><dt>Current release</dt><dd id="current-release">${app.release ?? 'none'}</dd></div>
      <div><dt>Released</dt><dd><${Time} iso=${app.released_at} none="never" /></dd></div>
      <div><dt>Dynos up</dt><dd id="overview-dynos">${dynoCount(app.dynos)}</dd></div>
      <div><dt>Errors in the last hour</dt><dd>${count(app.errors_last_hour)}</dd></div>
      <div><dt>Web URL</dt><dd><a id="web-url" href=${app.web_url} target="_blank" rel="noopener">${app.web_url}</a></dd></div>
      <div><dt>Owner</dt><dd>${app.team ? `team ${app.team}` : app.owner}</dd></div>
      <div><dt>Your role</dt><dd>${app.role ?? '–'}</dd></div>
      <div><dt>Created</dt><dd><${Time} iso=${app.created_at} /></dd></div>
    </dl>
    <${GitRemote} url=${app.git_url} />`;
}
