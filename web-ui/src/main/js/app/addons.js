import { useState } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { formatBytes } from '../lib/format.js';
import { confirmAction } from '../ui/confirm.js';
import { useAction, useResource } from '../ui/hooks.js';
import { DataTable, actionColumn, classed } from '../ui/data-table.js';
import { ErrorText, Field, SubmitRow, Time, Working, submitted } from '../ui/parts.js';

function CreateAddon({ name, onCreated }) {
  const services = useResource(() => api.get('/addon-services'), []);
  const [plan, setPlan] = useState('');
  const [as, setAs] = useState('');
  const action = useAction();
  const all = services.data ?? [];
  const chosen = plan || (all[0] ? `${all[0].name}:${(all[0].plans.find((p) => p.default) ?? all[0].plans[0]).name}` : '');
  const create = async () => {
    if (!chosen) {
      action.fail('Choose a plan.');
      return;
    }
    if (await action.run(async () => {
      await api.post(appPath(name, '/addons'), as.trim() ? { plan: chosen, as: as.trim() } : { plan: chosen });
      await onCreated();
    })) {
      setAs('');
    }
  };
  return html`<form class="inline-form" novalidate onSubmit=${submitted(create)} aria-busy=${action.busy ? 'true' : 'false'}>
    <${Field} id="addon-plan" label="Plan">
      <select id="addon-plan" value=${chosen} onChange=${(e) => setPlan(e.currentTarget.value)}>
        ${all.map((service) => html`<optgroup key=${service.name} label=${service.name}>
          ${service.plans.map((p) => html`<option key=${p.name} value=${`${service.name}:${p.name}`}>
            ${service.name}:${p.name}${p.description ? ` (${p.description})` : ''}</option>`)}
        </optgroup>`)}
      </select>
    <//>
    <${Field} id="addon-as" label="Attach as (optional)" hint="The config vars' prefix: DATABASE sets DATABASE_URL.">
      <input id="addon-as" autocomplete="off" spellcheck="false" value=${as} aria-describedby="addon-as-hint"
        onInput=${(e) => setAs(e.currentTarget.value)} />
    <//>
    <${SubmitRow} id="addon-create" action=${action} working="Provisioning…"
      error=${action.error ?? services.error}>Add add-on<//>
  </form>`;
}

function AddonInfo({ name, addon, onClose }) {
  const info = useResource(() => api.get(appPath(name, `/addons/${encodeURIComponent(addon)}`)), [name, addon]);
  const facts = Object.entries(info.data?.info ?? {});
  return html`<section class="addon-details" aria-labelledby="addon-info-title" aria-busy=${info.loading ? 'true' : 'false'}>
    <div class="section-head">
      <h3 id="addon-info-title">${addon}</h3>
      <button type="button" onClick=${onClose}>Close</button>
    </div>
    <${ErrorText} error=${info.error} />
    ${info.data && html`<dl class="facts">
      <div><dt>Config vars</dt><dd>${(info.data.config_vars ?? []).join(', ')}</dd></div>
      ${facts.map(([k, v]) => html`<div key=${k}><dt>${k}</dt><dd>${String(v)}</dd></div>`)}
    </dl>`}
  </section>`;
}

function Mailbox({ name }) {
  const mail = useResource(() => api.get(appPath(name, '/mail')), [name], 10000);
  const [shown, setShown] = useState(null);
  const show = useAction();
  const open = (id) => show.run(async () => {
    setShown({ id, text: await api.text(appPath(name, `/mail/${id}?format=text`)) });
  }, id);
  return html`<section id="mailbox" aria-labelledby="mailbox-title" aria-busy=${mail.loading || show.busy ? 'true' : 'false'}>
    <h3 id="mailbox-title">Mailbox</h3>
    <p>Mail the app sent through its smtp add-ons, newest first.</p>
    <${ErrorText} error=${show.error ?? mail.error} />
    <${DataTable} id="mail-table" labelledBy="mailbox-title" loading=${mail.loading} rows=${mail.data ?? []}
      rowKey=${(m) => m.id} attrs=${(m) => ({ 'data-mail': m.id })} empty="No mail yet."
      columns=${['Subject', 'From', 'To', 'Size', 'Received', 'Relay', actionColumn()]}
      cells=${(m) => [m.subject || '(no subject)', m.from, (m.to ?? []).join(', '), formatBytes(m.size),
        html`<${Time} iso=${m.received_at} />`, m.relay_status ?? '',
        html`<button type="button" class="mail-show" disabled=${!!show.busy} aria-label=${`Show message ${m.id}`}
          onClick=${() => open(m.id)}>Show</button>`]} />
    ${shown && html`<h4>Message ${shown.id}</h4><pre id="mail-text" tabindex="0">${shown.text}</pre>`}
  </section>`;
}

/** The app's add-ons: create one from a plan, look at one, destroy one; and the mail its smtp add-ons took. */
export function AddonsTab({ name }) {
  const addons = useResource(() => api.get(appPath(name, '/addons')), [name]);
  const [info, setInfo] = useState(null);
  const destroy = useAction();
  const destroyAddon = async (addon) => {
    const sure = await confirmAction({
      title: `Destroy ${addon.name}`,
      message: `Destroy ${addon.name} (${addon.service}:${addon.plan})? Its data is deleted, and its config vars `
        + `(${(addon.config_vars ?? []).join(', ')}) leave ${name} in a new release.`,
      ok: 'Destroy add-on',
    });
    if (sure) {
      destroy.run(async () => {
        await api.delete(appPath(name, `/addons/${encodeURIComponent(addon.name)}`));
        if (info === addon.name) {
          setInfo(null);
        }
        await addons.reload(true);
      }, addon.name);
    }
  };
  return html`<${CreateAddon} name=${name} onCreated=${() => addons.reload(true)} />
    <div class="section-head"><h3 id="addons-title">Add-ons</h3><${Working} busy=${destroy.busy} label="Destroying…" /></div>
    <${ErrorText} error=${destroy.error ?? addons.error} />
    <${DataTable} id="addons-table" labelledBy="addons-title" busy=${destroy.busy} loading=${addons.loading}
      rows=${addons.data ?? []} rowKey=${(a) => a.name} attrs=${(a) => ({ 'data-addon': a.name })} empty="No add-ons."
      columns=${['Add-on', 'Service', 'Plan', 'Config vars', 'Created', actionColumn()]}
      cells=${(a) => [a.name, classed('addon-service', a.service), classed('addon-plan', a.plan),
        html`<code>${(a.config_vars ?? []).join(', ')}</code>`, html`<${Time} iso=${a.created_at} />`,
        classed('buttons', html`<button type="button" class="addon-info" aria-label=${`Info on ${a.name}`}
            onClick=${() => setInfo(a.name)}>Info</button>
          <button type="button" class="addon-destroy danger" disabled=${!!destroy.busy}
            aria-label=${`Destroy ${a.name}`} onClick=${() => destroyAddon(a)}>Destroy</button>`)]} />
    ${info && html`<${AddonInfo} key=${info} name=${name} addon=${info} onClose=${() => setInfo(null)} />`}
    <${Mailbox} name=${name} />`;
}
