import { useEffect } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { TABS, appHref } from '../lib/routes.js';
import { useResource } from '../ui/hooks.js';
import { ErrorText, Working } from '../ui/parts.js';
import { AccessTab } from './access.js';
import { ActivityTab } from './activity.js';
import { AddonsTab } from './addons.js';
import { ConfigTab } from './config.js';
import { DomainsTab, DrainsTab } from './lists.js';
import { DynosTab } from './dynos.js';
import { LogsTab } from './logs.js';
import { MetricsTab } from './metrics.js';
import { OverviewTab } from './overview.js';
import { SettingsTab } from './settings.js';

const TAB_TITLES = {
  overview: 'Overview', dynos: 'Dynos', activity: 'Activity', config: 'Config vars', addons: 'Add-ons',
  drains: 'Log drains', domains: 'Domains', access: 'Access', logs: 'Logs', metrics: 'Metrics', settings: 'Settings',
};

const TAB_VIEWS = {
  overview: OverviewTab, dynos: DynosTab, activity: ActivityTab, config: ConfigTab, addons: AddonsTab,
  drains: DrainsTab, domains: DomainsTab, access: AccessTab, logs: LogsTab, metrics: MetricsTab,
  settings: SettingsTab,
};

/** One app: its name, the tabs as links, and the open tab, which gets the app as the API last described it. */
export function AppPage({ name, tab }) {
  const app = useResource(() => api.get(appPath(name)), [name], 5000);
  useEffect(() => {
    document.title = `${name} · ${TAB_TITLES[tab]} · paas`;
    return () => {
      document.title = 'paas';
    };
  }, [name, tab]);
  const View = TAB_VIEWS[tab];
  return html`<div class="app-head">
      <p class="crumbs"><a href="#/apps">Apps</a> <span aria-hidden="true">›</span></p>
      <h1 id="app-title">${name}</h1>
      ${app.data?.team && html`<span class="badge">team ${app.data.team}</span>`}
      ${app.data?.maintenance && html`<span class="badge warn">maintenance</span>`}
    </div>
    <nav class="tabs" aria-label="App sections">
      <ul>
        ${TABS.map((t) => html`<li key=${t}>
          <a data-tab=${t} href=${appHref(name, t)} aria-current=${t === tab ? 'page' : undefined}>${TAB_TITLES[t]}</a>
        </li>`)}
      </ul>
    </nav>
    <section class="panel" aria-labelledby="panel-title">
      <h2 id="panel-title" tabindex="-1" data-route-focus>${TAB_TITLES[tab]}</h2>
      ${app.data
        ? html`<${View} name=${name} app=${app.data} setApp=${app.setData} />`
        : html`<${ErrorText} error=${app.error} /><${Working} busy=${app.loading} label="Loading…" />`}
    </section>`;
}
