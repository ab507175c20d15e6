import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import { formatBytes } from '../lib/format.js';
import { ADMIN_TITLES } from '../pages/header.js';
import { DataTable } from '../ui/data-table.js';
import { useAction, useResource } from '../ui/hooks.js';
import { ErrorText, Field, SubmitRow, Time, Working, submitted } from '../ui/parts.js';
import { QuotasPage } from './quotas.js';

/** A page that shows one list from the API in a table. */
function Listing({ path, refreshMs = 0, title, table }) {
  const list = useResource(() => api.get(path), [path], refreshMs);
  return html`<section aria-labelledby="listing-title">
    <h2 id="listing-title">${title}</h2>
    <${ErrorText} error=${list.error} />
    <${DataTable} labelledBy="listing-title" loading=${list.loading} rows=${list.data ?? []} ...${table} />
  </section>`;
}

function AgentsPage() {
  return html`<${Listing} path="/agents" refreshMs=${10000} title="Hosts running dynos" table=${{
    id: 'agents-table', rowKey: (a) => a.id, attrs: (a) => ({ 'data-agent': a.name }), empty: 'No agents.',
    columns: ['Agent', 'State', 'Memory used', 'CPUs', 'Dynos', 'Last heartbeat'],
    cells: (a) => [a.name, html`<span class=${`state state-${a.state}`}>${a.state}</span>`,
      html`<meter min="0" max=${a.memory} value=${a.memory_used} aria-hidden="true"></meter>
        ${formatBytes(a.memory_used)} of ${formatBytes(a.memory)}`,
      a.cpus, a.dynos, html`<${Time} iso=${a.last_heartbeat} />`],
  }} />`;
}

function CreateUser({ onCreated }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const action = useAction();
  const create = async () => {
    if (!email.trim() || !password) {
      action.fail('Enter an email and a password.');
      return;
    }
    if (await action.run(async () => {
      await api.post('/users', { email: email.trim(), password, admin });
      await onCreated();
    })) {
      setEmail('');
      setPassword('');
      setAdmin(false);
    }
  };
  return html`<form class="inline-form" novalidate onSubmit=${submitted(create)} aria-busy=${action.busy ? 'true' : 'false'}>
    <${Field} id="new-user-email" label="Email">
      <input id="new-user-email" type="email" autocomplete="off" value=${email}
        onInput=${(e) => setEmail(e.currentTarget.value)} />
    <//>
    <${Field} id="new-user-password" label="Password" hint="At least 10 characters.">
      <input id="new-user-password" type="password" autocomplete="new-password" value=${password}
        aria-describedby="new-user-password-hint" onInput=${(e) => setPassword(e.currentTarget.value)} />
    <//>
    <div class="check">
      <input type="checkbox" id="new-user-admin" checked=${admin} onChange=${(e) => setAdmin(e.currentTarget.checked)} />
      <label for="new-user-admin">Admin</label>
    </div>
    <${SubmitRow} id="new-user-submit" action=${action}>Create user<//>
  </form>`;
}

function UsersPage() {
  const users = useResource(() => api.get('/admin/users'), []);
  return html`<section aria-labelledby="new-user-title">
      <h2 id="new-user-title">Create a user</h2>
      <${CreateUser} onCreated=${() => users.reload(true)} />
    </section>
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <${ErrorText} error=${users.error} />
      <${DataTable} id="users-table" labelledBy="users-title" loading=${users.loading} rows=${users.data ?? []}
        rowKey=${(u) => u.id} attrs=${(u) => ({ 'data-email': u.email })} empty="No users."
        columns=${['Email', 'Admin', 'Apps', 'Created']}
        cells=${(u) => [u.email, u.admin ? 'yes' : 'no', u.apps, html`<${Time} iso=${u.created_at} />`]} />
    </section>`;
}

function TeamsPage() {
  return html`<${Listing} path="/admin/teams" title="Every team" table=${{
    id: 'teams-table', rowKey: (t) => t.name, attrs: (t) => ({ 'data-team': t.name }), empty: 'No teams.',
    columns: ['Team', 'Members', 'Apps', 'Created'],
    cells: (t) => [t.name, t.members, t.apps, html`<${Time} iso=${t.created_at} />`],
  }} />`;
}

const details = (d) => Object.entries(d ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
  .join(' ');

function AuditPage() {
  const [fields, setFields] = useState({ user: '', app: '', action: '', limit: '100' });
  const [query, setQuery] = useState('limit=100');
  const events = useResource(() => api.get(`/admin/audit?${query}`), [query]);
  const search = () => {
    const params = new URLSearchParams();
    Object.entries(fields).forEach(([k, v]) => v.trim() && params.set(k, v.trim()));
    setQuery(params.toString());
    if (params.toString() === query) {
      events.reload();
    }
  };
  const field = (name, label, extra = {}) => html`<${Field} id=${`audit-${name}`} label=${label}>
    <input id=${`audit-${name}`} autocomplete="off" value=${fields[name]} ...${extra}
      onInput=${(e) => setFields({ ...fields, [name]: e.currentTarget.value })} />
  <//>`;
  return html`<section aria-labelledby="audit-title">
    <h2 id="audit-title">Audit log</h2>
    <form class="inline-form" novalidate onSubmit=${submitted(search)}>
      ${field('user', 'User email', { type: 'email' })}
      ${field('app', 'App')}
      ${field('action', 'Action', { placeholder: 'app.create' })}
      ${field('limit', 'Limit', { type: 'number', min: 1, max: 1000, class: 'narrow' })}
      <div class="actions">
        <button type="submit" id="audit-search" disabled=${events.loading}>Search</button>
        <${Working} busy=${events.loading} label="Loading…" />
      </div>
      <${ErrorText} error=${events.error} />
    </form>
    <${DataTable} id="audit-table" labelledBy="audit-title" loading=${events.loading} rows=${events.data ?? []}
      rowKey=${(e) => e.id} attrs=${(e) => ({ 'data-event': e.id })} empty="Nothing recorded that matches."
      columns=${['When', 'Actor', 'Action', 'App', 'Details', 'Address']}
      cells=${(e) => [html`<${Time} iso=${e.at} />`, e.actor, e.action, e.app ?? '', details(e.details), e.address ?? '']} />
  </section>`;
}

const PAGES = { agents: AgentsPage, users: UsersPage, teams: TeamsPage, quotas: QuotasPage, audit: AuditPage };

/** The admin pages: the cluster, the accounts, quotas and the audit log. */
export function AdminPage({ section }) {
  useEffect(() => {
    document.title = `${ADMIN_TITLES[section]} · paas admin`;
  }, [section]);
  const View = PAGES[section];
  return html`<h1 tabindex="-1" data-route-focus>${ADMIN_TITLES[section]}</h1><${View} />`;
}
