import { useState } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { go } from '../session.js';
import { confirmAction } from '../ui/confirm.js';
import { useAction } from '../ui/hooks.js';
import { ErrorText, Field, SubmitRow, Working, submitted } from '../ui/parts.js';

function Maintenance({ name, app, setApp }) {
  const action = useAction();
  const [wanted, setWanted] = useState(null);
  const toggle = (on) => {
    setWanted(on);
    action.run(async () => setApp(await api.patch(appPath(name), { maintenance: on }))).then(() => setWanted(null));
  };
  return html`<section aria-labelledby="maintenance-title" aria-busy=${action.busy ? 'true' : 'false'}>
    <h3 id="maintenance-title">Maintenance</h3>
    <p>In maintenance mode the router answers every request with a 503 maintenance page; the dynos keep running.</p>
    <div class="check">
      <input type="checkbox" id="maintenance" checked=${wanted ?? app.maintenance} disabled=${!!action.busy}
        onChange=${(e) => toggle(e.currentTarget.checked)} />
      <label for="maintenance">Maintenance mode</label>
      <${Working} busy=${action.busy} />
    </div>
    <${ErrorText} error=${action.error} />
  </section>`;
}

/** The router's request timeout and the path new web dynos must answer before they take traffic. */
function RouterSettings({ name, app, setApp }) {
  const [timeout, setTimeoutValue] = useState(String(app.request_timeout ?? 30));
  const [path, setPath] = useState(app.health_check_path ?? '');
  const action = useAction();
  const save = () => {
    const seconds = Number(timeout);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300) {
      action.fail('The request timeout must be a whole number of seconds from 1 to 300.');
      return;
    }
    action.run(async () => setApp(await api.patch(appPath(name), {
      request_timeout: seconds, health_check_path: path.trim() || null,
    })));
  };
  return html`<section aria-labelledby="router-settings-title">
    <h3 id="router-settings-title">Routing</h3>
    <form class="inline-form" novalidate onSubmit=${submitted(save)} aria-busy=${action.busy ? 'true' : 'false'}>
      <${Field} id="request-timeout" label="Request timeout (seconds)">
        <input id="request-timeout" type="number" min="1" max="300" class="narrow" value=${timeout}
          onInput=${(e) => setTimeoutValue(e.currentTarget.value)} />
      <//>
      <${Field} id="health-check-path" label="Health check path" hint="Empty: any HTTP answer will do.">
        <input id="health-check-path" placeholder="/health" value=${path} aria-describedby="health-check-path-hint"
          onInput=${(e) => setPath(e.currentTarget.value)} />
      <//>
      <${SubmitRow} id="settings-save" action=${action} primary=${false}>Save<//>
    </form>
  </section>`;
}

function DeleteApp({ name }) {
  const action = useAction();
  const remove = async () => {
    const sure = await confirmAction({
      title: `Delete ${name}`,
      message: `Deleting ${name} stops its dynos and deletes its releases, add-ons, config vars and domains. `
        + 'It cannot be undone.',
      name,
      ok: 'Delete app',
    });
    if (sure && await action.run(() => api.delete(appPath(name)))) {
      go('#/apps');
    }
  };
  return html`<section class="danger-zone" aria-labelledby="delete-title" aria-busy=${action.busy ? 'true' : 'false'}>
    <h3 id="delete-title">Delete app</h3>
    <p>Deleting an app is permanent.</p>
    <div class="actions">
      <button type="button" id="delete-app" class="danger" disabled=${!!action.busy} onClick=${remove}>Delete ${name}</button>
      <${Working} busy=${action.busy} label="Deleting…" />
    </div>
    <${ErrorText} error=${action.error} />
  </section>`;
}

export function SettingsTab(props) {
  return html`<${Maintenance} ...${props} /><${RouterSettings} ...${props} /><${DeleteApp} name=${props.name} />`;
}
