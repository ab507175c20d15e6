import { useState } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { confirmAction } from '../ui/confirm.js';
import { useAction, useResource } from '../ui/hooks.js';
import { DataTable, actionColumn, classed } from '../ui/data-table.js';
import { ErrorText, Time, Working } from '../ui/parts.js';

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
    <${DataTable} id="releases-table" labelledBy="releases-title" loading=${releases.loading} rows=${list}
      rowKey=${(r) => r.version} attrs=${(r) => ({ 'data-release': r.version, class: r.current ? 'current' : undefined })}
      empty="No releases yet." columns=${['Version', 'Description', 'Status', 'By', 'When', actionColumn()]}
      cells=${(r) => [classed('release-version', `v${r.version}`), classed('release-description', r.description),
        html`<span class=${`state state-${r.current ? 'current' : r.status}`}>${r.current ? 'current' : r.status}</span>`,
        r.user, html`<${Time} iso=${r.created_at} />`,
        !r.current && html`<button type="button" class="rollback" disabled=${!!rollback.busy}
          aria-label=${`Roll back to v${r.version}`} onClick=${() => rollBack(r.version)}>Roll back</button>`]} />
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
      <${DataTable} id="builds-table" labelledBy="builds-title" loading=${builds.loading} rows=${list}
        rowKey=${(b) => b.id} attrs=${(b) => ({ 'data-build': b.id })}
        empty=${html`No builds yet: <code>git push</code> starts one.`}
        columns=${['Build', 'Status', 'Commit', 'By', 'Started', actionColumn()]}
        cells=${(b) => [b.id, classed('build-status', html`<span class=${`state state-${b.status}`}>${b.status}</span>`),
          html`<code>${(b.commit ?? '').slice(0, 7)}</code>`, b.user, html`<${Time} iso=${b.created_at} />`,
          html`<button type="button" class="build-log" aria-pressed=${shown === b.id ? 'true' : 'false'}
            aria-label=${`Show the output of build ${b.id}`} onClick=${() => setShown(b.id)}>Output</button>`]} />
    </section>
    ${shown !== null && html`<${BuildOutput} key=${shown} name=${name} id=${shown} />`}`;
}

/** What happened to the app: its releases (with rollback) and its builds (with their output). */
export function ActivityTab({ name }) {
  return html`<${Releases} name=${name} /><${Builds} name=${name} />`;
}
