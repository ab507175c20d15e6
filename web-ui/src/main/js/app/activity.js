import { useState } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { confirmAction } from '../ui/confirm.js';
import { useAction, useResource } from '../ui/hooks.js';
import { EmptyRow, ErrorText, TableWrap, Time, Working } from '../ui/parts.js';

const REFRESH_MS = 3000;

function Releases({ name }) {
  const releases = useResource(() => api.get(appPath(name, '/releases')), [name], REFRESH_MS);
  const rollback = useAction();
  const rollBack = async (version) => {
    const sure = await confirmAction({
      title: `Roll back to v${version}`,
      message: `Roll ${name} back to v${version}? A new release runs v${version}'s code and config vars.`,
      ok: 'Roll back',
    });
    if (sure) {
      rollback.run(async () => {
        await api.post(appPath(name, '/releases'), { release: version });
        await releases.reload(true);
      }, version);
    }
  };
  const list = [...(releases.data ?? [])].sort((a, b) => b.version - a.version);
  return html`<section aria-labelledby="releases-title" aria-busy=${rollback.busy || releases.loading ? 'true' : 'false'}>
    <div class="section-head"><h3 id="releases-title">Releases</h3><${Working} busy=${rollback.busy} label="Rolling back…" /></div>
    <${ErrorText} error=${rollback.error ?? releases.error} />
    <${TableWrap}>
      <table id="releases-table">
        <thead><tr><th scope="col">Version</th><th scope="col">Description</th><th scope="col">Status</th>
          <th scope="col">By</th><th scope="col">When</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
        <tbody>
          ${list.length === 0
            ? html`<${EmptyRow} columns="6" loading=${releases.loading}>No releases yet.<//>`
            : list.map((r) => html`<tr key=${r.version} data-release=${r.version} class=${r.current ? 'current' : ''}>
                <th scope="row" class="release-version">v${r.version}</th>
                <td class="release-description">${r.description}</td>
                <td><span class=${`state state-${r.status}`}>${r.current ? 'current' : r.status}</span></td>
                <td>${r.user}</td>
                <td><${Time} iso=${r.created_at} /></td>
                <td>${!r.current && html`<button type="button" class="rollback" disabled=${!!rollback.busy}
                  aria-label=${`Roll back to v${r.version}`} onClick=${() => rollBack(r.version)}>Roll back</button>`}</td>
              </tr>`)}
        </tbody>
      </table>
    <//>
  </section>`;
}

/** A build's output; reloaded until the build has finished. */
function BuildOutput({ name, id }) {
  const [finished, setFinished] = useState(false);
  const build = useResource(() => api.get(appPath(name, `/builds/${id}`)), [name, id], finished ? 0 : REFRESH_MS);
  if (!finished && build.data?.finished_at) {
    setFinished(true);
  }
  return html`<section class="build-output" aria-labelledby="build-output-title" aria-busy=${build.loading ? 'true' : 'false'}>
    <h3 id="build-output-title">Output of build ${id}${build.data && ` (${build.data.status})`}</h3>
    <${ErrorText} error=${build.error} />
    <pre id="build-output" tabindex="0">${build.data?.output ?? (build.loading ? 'Loading…' : '')}</pre>
  </section>`;
}

function Builds({ name }) {
  const builds = useResource(() => api.get(appPath(name, '/builds')), [name], REFRESH_MS);
  const [shown, setShown] = useState(null);
  const list = [...(builds.data ?? [])].sort((a, b) => b.id - a.id);
  return html`<section aria-labelledby="builds-title" aria-busy=${builds.loading ? 'true' : 'false'}>
      <h3 id="builds-title">Builds</h3>
      <${ErrorText} error=${builds.error} />
      <${TableWrap}>
        <table id="builds-table">
          <thead><tr><th scope="col">Build</th><th scope="col">Status</th><th scope="col">Commit</th>
            <th scope="col">By</th><th scope="col">Started</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            ${list.length === 0
              ? html`<${EmptyRow} columns="6" loading=${builds.loading}>No builds yet: <code>git push</code> starts one.<//>`
              : list.map((b) => html`<tr key=${b.id} data-build=${b.id}>
                  <th scope="row">${b.id}</th>
                  <td class="build-status"><span class=${`state state-${b.status}`}>${b.status}</span></td>
                  <td><code>${(b.commit ?? '').slice(0, 7)}</code></td>
                  <td>${b.user}</td>
                  <td><${Time} iso=${b.created_at} /></td>
                  <td><button type="button" class="build-log" aria-pressed=${shown === b.id ? 'true' : 'false'}
                    aria-label=${`Show the output of build ${b.id}`} onClick=${() => setShown(b.id)}>Output</button></td>
                </tr>`)}
          </tbody>
        </table>
      <//>
    </section>
    ${shown !== null && html`<${BuildOutput} key=${shown} name=${name} id=${shown} />`}`;
}

/** What happened to the app: its releases (with rollback) and its builds (with their output). */
export function ActivityTab({ name }) {
  return html`<${Releases} name=${name} /><${Builds} name=${name} />`;
}
