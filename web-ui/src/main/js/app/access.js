import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { ListEditor } from '../ui/list-editor.js';
import { Time } from '../ui/parts.js';

/**
 * Who may use the app. A personal app has its owner and collaborators, whom the owner adds and removes; a team
 * app's access is its team's members, managed in the team.
 */
export function AccessTab({ name, app }) {
  const path = appPath(name, '/collaborators');
  const team = app.team;
  return html`<${ListEditor} load=${() => api.get(path)} deps=${[name]}
    add=${team ? null : {
      id: 'collaborator-email', buttonId: 'collaborator-add', label: 'Collaborator\'s email', type: 'email',
      buttonText: 'Add collaborator', missing: 'an email', placeholder: 'someone@example.com',
      hint: 'Collaborators deploy and configure the app; only its owner deletes, transfers or shares it.',
      submit: (email) => api.post(path, { email }),
    }}
    table=${{
      id: 'access-table', title: team ? `Members of team ${team}` : 'People with access', rowAttr: 'data-email',
      key: (m) => m.email, empty: 'Nobody.', columns: ['Email', 'Role', 'Since'],
      cells: (m) => [m.email, m.role, html`<${Time} iso=${m.created_at} />`],
      removeClass: 'collaborator-remove', removable: (m) => !team && m.role === 'collaborator',
      remove: (m) => api.delete(`${path}/${encodeURIComponent(m.email)}`),
    }}>
    ${team && html`<p>This app belongs to team <strong id="access-team">${team}</strong>: its members have access
      by their role in the team (admins manage it, members deploy, viewers look).</p>`}
  <//>`;
}
