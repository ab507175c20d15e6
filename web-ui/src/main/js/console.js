import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, onUnauthorized } from './api.js';
import { html } from './html.js';
import { AdminPage } from './admin/admin.js';
import { AppPage } from './app/app-page.js';
import { AppsPage } from './pages/apps.js';
import { Header } from './pages/header.js';
import { LoginPage, SignupPage } from './pages/login.js';
import { TOKEN_KEY, forgetToken, go, storeToken, storedToken } from './session.js';
import { ConfirmDialog } from './ui/confirm.js';
import { useRoute } from './ui/hooks.js';

const PUBLIC = new Set(['login', 'signup']);

/** Where a route leads: itself, or the login page or the apps list when it cannot be shown. */
function redirect(route, token) {
  if (route.page === 'home') {
    return token ? '#/apps' : '#/login';
  }
  if (route.page === 'unknown' || (!token && !PUBLIC.has(route.page))) {
    return '#/login';
  }
  return null;
}

/** Moves focus to the new page's heading, so a screen reader hears where a link led. */
function useFocusOnRouteChange(key) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector('#main [data-route-focus]')?.focus();
  }, [key]);
}

function Page({ route, account }) {
  if (route.page === 'apps') {
    return html`<${AppsPage} />`;
  }
  if (route.page === 'app') {
    return html`<${AppPage} key=${route.app} name=${route.app} tab=${route.tab} />`;
  }
  if (route.page === 'admin') {
    if (!account) {
      return html`<p class="working">Loading…</p>`;
    }
    return account.admin
      ? html`<${AdminPage} section=${route.section} />`
      : html`<p role="alert" class="error">Only an admin can see this page.</p>`;
  }
  return null;
}

/** The console: the session, the route, and the page the route names. */
export function Console() {
  const route = useRoute();
  const [token, setToken] = useState(storedToken);
  const [account, setAccount] = useState(null);

  const endSession = useCallback(() => {
    forgetToken();
    setToken(null);
    setAccount(null);
    go('#/login');
  }, []);

  useEffect(() => {
    onUnauthorized(endSession);
    const follow = (e) => e.key === TOKEN_KEY && setToken(storedToken());
    addEventListener('storage', follow);
    return () => removeEventListener('storage', follow);
  }, [endSession]);

  useEffect(() => {
    setAccount(null);
    if (token) {
      api.get('/account').then(setAccount, () => {});
    }
  }, [token]);

  const target = redirect(route, token);
  useEffect(() => {
    if (target) {
      go(target, true);
    }
  }, [target]);
  useFocusOnRouteChange(`${route.page}/${route.app}/${route.tab}/${route.section}`);

  const loggedIn = (newToken) => {
    storeToken(newToken);
    setToken(newToken);
    go('#/apps');
  };
  const logOut = async () => {
    try {
      await api.delete('/account/tokens/current');
    } catch {
      // a token the platform already refuses, or a platform out of reach, does not stop the logout
    }
    endSession();
  };

  let body = null;
  if (!target && route.page === 'login') {
    body = html`<main id="main" tabindex="-1"><${LoginPage} onToken=${loggedIn} /></main>`;
  } else if (!target && route.page === 'signup') {
    body = html`<main id="main" tabindex="-1"><${SignupPage} onToken=${loggedIn} /></main>`;
  } else if (!target) {
    body = html`<${Header} route=${route} account=${account} onLogout=${logOut} />
      <main id="main" tabindex="-1"><${Page} route=${route} account=${account} /></main>`;
  }
  return html`${body}<${ConfirmDialog} />`;
}
