import { html } from '../html.js';
import { ADMIN_PAGES } from '../lib/routes.js';
import { useAction } from '../ui/hooks.js';

export const ADMIN_TITLES = { agents: 'Agents', users: 'Users', teams: 'Teams', quotas: 'Quotas', audit: 'Audit' };

function NavLink({ href, current, children }) {
  return html`<li><a href=${href} aria-current=${current ? 'page' : undefined}>${children}</a></li>`;
}

function skipToContent(event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** The bar on every page past the login: where to go, who is logged in, and the way out. */
export function Header({ route, account, onLogout }) {
  const action = useAction();
  return html`<header class="topbar">
    <a class="skip" href="#main" onClick=${skipToContent}>Skip to content</a>
    <a class="brand" href="#/apps">paas</a>
    <nav aria-label="Main">
      <ul>
        <${NavLink} href="#/apps" current=${route.page === 'apps' || route.page === 'app'}>Apps<//>
        ${account?.admin && ADMIN_PAGES.map((section) => html`<${NavLink} key=${section} href=${`#/admin/${section}`}
          current=${route.section === section}>${ADMIN_TITLES[section]}<//>`)}
      </ul>
    </nav>
    <div class="who">
      <span id="account-email">${account?.email ?? ''}</span>
      <button type="button" id="logout" disabled=${!!action.busy} onClick=${() => action.run(onLogout)}>
        ${action.busy ? 'Logging out…' : 'Log out'}
      </button>
    </div>
  </header>`;
}
