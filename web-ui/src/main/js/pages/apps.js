import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import { count, dynoCount } from '../lib/format.js';
import { appHref } from '../lib/routes.js';
import { go } from '../session.js';
import { useAction, useResource } from '../ui/hooks.js';
import { DataTable, classed } from '../ui/data-table.js';
import { ErrorText, Field, SubmitRow, Time, submitted } from '../ui/parts.js';

function CreateApp({ teams }) {
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const action = useAction();
  const create = () => {
    if (!name.trim()) {
      action.fail('Enter a name for the app.');
      return;
    }
    action.run(async () => {
      const app = await api.post('/apps', team ? { name: name.trim(), team } : { name: name.trim() });
      go(appHref(app.name));
    });
  };
  return html`<form class="inline-form" novalidate onSubmit=${submitted(create)} aria-busy=${action.busy ? 'true' : 'false'}>
    <${Field} id="new-app-name" label="App name">
      <input id="new-app-name" required autocomplete="off" spellcheck="false" value=${name}
        onInput=${(e) => setName(e.currentTarget.value)} />
    <//>
    <${Field} id="new-app-team" label="Owner">
      <select id="new-app-team" value=${team} onChange=${(e) => setTeam(e.currentTarget.value)}>
        <option value="">Personal</option>
        ${teams.map((t) => html`<option key=${t.name} value=${t.name}>Team ${t.name}</option>`)}
      </select>
    <//>
    <${SubmitRow} id="new-app-submit" action=${action}>Create app<//>
  </form>`;
}

/** Every app the user can see, with its state at a glance, and a form to create one. */
export function AppsPage() {
  const apps = useResource(() => api.get('/apps'), [], 10000);
  const teams = useResource(() => api.get('/teams'), []);
  const deployable = (teams.data ?? []).filter((t) => t.role !== 'viewer');
  const list = [...(apps.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return html`<h1 tabindex="-1" data-route-focus>Apps</h1>
    <section aria-labelledby="create-app-title">
      <h2 id="create-app-title">Create an app</h2>
      <${CreateApp} teams=${deployable} />
    </section>
    <section aria-labelledby="apps-title" aria-busy=${apps.loading ? 'true' : 'false'}>
      <h2 id="apps-title">Your apps</h2>
      <${ErrorText} error=${apps.error} />
      <${DataTable} id="apps-table" labelledBy="apps-title" loading=${apps.loading} rows=${list}
        rowKey=${(app) => app.name} attrs=${(app) => ({ 'data-app': app.name })}
        empty=${html`No apps yet: create one, then <code>git push</code> to it.`}
        columns=${['Name', 'Release', 'Dynos up', 'Last deploy', 'Errors (1 h)', 'Owner']}
        cells=${(app) => [
          classed('app-name', html`<a href=${appHref(app.name)}>${app.name}</a>`),
          classed('app-release', app.release ?? 'none'),
          classed('app-dynos', dynoCount(app.dynos)),
          classed('app-deployed', html`<${Time} iso=${app.released_at} none="never" />`),
          classed(`app-errors${app.errors_last_hour > 0 ? ' bad' : ''}`, count(app.errors_last_hour)),
          app.team ? `team ${app.team}` : app.owner,
        ]} />
    </section>`;
}
