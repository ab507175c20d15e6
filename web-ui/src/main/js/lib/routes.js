/** The app page's tabs, in the order they are shown. */
export const TABS = ['overview', 'dynos', 'activity', 'config', 'addons', 'drains', 'domains', 'access', 'logs',
  'metrics', 'settings'];

/** The admin pages, in the order they are shown. */
export const ADMIN_PAGES = ['agents', 'users', 'teams', 'quotas', 'audit'];

/**
 * What a location hash asks for: `{page: 'login' | 'signup' | 'apps' | 'app' | 'admin' | 'home' | 'unknown'}`,
 * with `app` and `tab` for an app page and `section` for an admin page. `home` is no hash at all.
 */
export function parseRoute(hash) {
  const path = (hash || '').replace(/^#/, '');
  if (path === '' || path === '/') {
    return { page: 'home' };
  }
  const parts = path.split('/');
  if (parts[0] !== '' || parts.some((part, i) => i > 0 && part === '')) {
    return { page: 'unknown' };
  }
  const [, first, second, third, ...rest] = parts;
  if (rest.length > 0) {
    return { page: 'unknown' };
  }
  if ((first === 'login' || first === 'signup' || first === 'apps') && second === undefined) {
    return { page: first };
  }
  if (first === 'apps' && second !== undefined) {
    const tab = third ?? 'overview';
    return TABS.includes(tab) ? { page: 'app', app: decode(second), tab } : { page: 'unknown' };
  }
  if (first === 'admin' && ADMIN_PAGES.includes(second) && third === undefined) {
    return { page: 'admin', section: second };
  }
  return { page: 'unknown' };
}

export function appHref(app, tab = 'overview') {
  return `#/apps/${encodeURIComponent(app)}${tab === 'overview' ? '' : `/${tab}`}`;
}

function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
