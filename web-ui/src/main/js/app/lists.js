import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { ListEditor } from '../ui/list-editor.js';
import { Time } from '../ui/parts.js';

/** Where the app's log lines are forwarded, and how delivery is going. */
export function DrainsTab({ name }) {
  const path = appPath(name, '/log-drains');
  return html`<${ListEditor} load=${() => api.get(path)} deps=${[name]} refreshMs=${10000}
    add=${{
      id: 'drain-url', buttonId: 'drain-add', label: 'Drain URL', buttonText: 'Add drain', missing: 'a drain URL',
      placeholder: 'syslog+tls://logs.example.com:6514',
      hint: 'syslog://, syslog+tls:// (RFC 5424) or https:// (batches as Heroku sends them).',
      submit: (url) => api.post(path, { url }),
    }}
    table=${{
      id: 'drains-table', title: 'Drains', rowAttr: 'data-drain', key: (d) => d.id, empty: 'No log drains.',
      columns: ['URL', 'State', 'Buffered', 'Dropped', 'Last error'],
      cells: (d) => [html`<code>${d.url}</code>`, d.state, d.buffered, d.dropped, d.last_error ?? ''],
      removeClass: 'drain-remove', removable: () => true,
      remove: (d) => api.delete(`${path}/${encodeURIComponent(d.id)}`),
    }} />`;
}

/** The app's default host and its custom domains, with where their DNS records should point. */
export function DomainsTab({ name }) {
  const path = appPath(name, '/domains');
  return html`<${ListEditor} load=${() => api.get(path)} deps=${[name]}
    add=${{
      id: 'domain-hostname', buttonId: 'domain-add', label: 'Custom domain', buttonText: 'Add domain',
      missing: 'a host name', placeholder: 'www.example.com',
      hint: 'Point a CNAME record for it at the app\'s own host, shown as its DNS target.',
      submit: (hostname) => api.post(path, { hostname }),
    }}
    table=${{
      id: 'domains-table', title: 'Domains', rowAttr: 'data-domain', key: (d) => d.hostname, empty: 'No domains.',
      columns: ['Host name', 'Kind', 'DNS target', 'Added'],
      cells: (d) => [d.hostname, d.kind, d.cname ?? '–', html`<${Time} iso=${d.created_at} />`],
      removeClass: 'domain-remove', removable: (d) => d.kind !== 'default',
      remove: (d) => api.delete(`${path}/${encodeURIComponent(d.hostname)}`),
    }} />`;
}
