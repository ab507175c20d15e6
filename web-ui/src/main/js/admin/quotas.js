import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import { DataTable, actionColumn } from '../ui/data-table.js';
import { useAction, useResource } from '../ui/hooks.js';
import { ErrorText, Field, SubmitRow, submitted } from '../ui/parts.js';

const amount = (quota) => {
  if (quota === undefined) {
    return 'default';
  }
  return quota.limit === null ? 'unlimited' : `${quota.limit}${quota.unit ? ` ${quota.unit}` : ''}`;
};

/** One user's or team's limits and use, each limit editable; an empty limit goes back to the default. */
function SubjectQuotas({ subject, onSaved }) {
  const report = useResource(() => api.get(`/admin/quotas?${subject.kind}=${encodeURIComponent(subject.name)}`),
    [subject.kind, subject.name]);
  const [limits, setLimits] = useState({});
  const action = useAction();
  const quotas = report.data?.quotas ?? [];
  const shown = (q) => limits[q.name] ?? (q.default ? '' : String(q.limit ?? ''));
  const save = () => {
    const body = { [subject.kind]: subject.name };
    for (const q of quotas) {
      const text = shown(q).trim();
      const value = text === '' ? null : Number(text);
      if (value !== null && (!Number.isInteger(value) || value < 0)) {
        action.fail(`The ${q.name} limit must be a whole number, or empty for the default.`);
        return;
      }
      body[q.name] = value;
    }
    action.run(async () => {
      report.setData(await api.patch('/admin/quotas', body));
      setLimits({});
      await onSaved();
    });
  };
  return html`<section aria-labelledby="quota-report-title">
    <h2 id="quota-report-title">Quotas of ${subject.kind} ${subject.name}</h2>
    <${ErrorText} error=${report.error} />
    <form novalidate onSubmit=${submitted(save)} aria-busy=${action.busy ? 'true' : 'false'}>
      <${DataTable} id="quota-report" labelledBy="quota-report-title" busy=${action.busy} loading=${report.loading}
        rows=${quotas} rowKey=${(q) => q.name} attrs=${(q) => ({ 'data-quota': q.name })} empty="No quotas."
        columns=${['Quota', 'Used', 'Limit', 'Default?']}
        cells=${(q) => [q.name, `${q.used ?? 0}${q.unit ? ` ${q.unit}` : ''}`,
          html`<label class="visually-hidden" for=${`quota-limit-${q.name}`}>Limit of ${q.name}</label>
            <input id=${`quota-limit-${q.name}`} class="narrow" inputmode="numeric" value=${shown(q)}
              placeholder="default" onInput=${(e) => setLimits({ ...limits, [q.name]: e.currentTarget.value })} />
            ${q.unit ?? ''}`,
          q.default ? 'yes' : 'no']} />
      <${SubmitRow} id="quota-save" action=${action} disabled=${!report.data}>Save limits<//>
    </form>
  </section>`;
}

/** The default quotas, who has limits of their own, and one user's or team's limits to look at and change. */
export function QuotasPage() {
  const overview = useResource(() => api.get('/admin/quotas'), []);
  const [kind, setKind] = useState('user');
  const [name, setName] = useState('');
  const [subject, setSubject] = useState(null);
  const lookUp = () => setSubject(name.trim() ? { kind, name: name.trim() } : null);
  const defaults = overview.data?.defaults ?? [];
  const rows = overview.data ? [{ kind: 'defaults', name: 'Everyone', quotas: defaults },
    ...overview.data.overrides] : [];
  const own = (row, quota) => row.quotas.find((q) => q.name === quota);
  return html`<section aria-labelledby="quotas-title">
      <h2 id="quotas-title">Defaults and own limits</h2>
      <${ErrorText} error=${overview.error} />
      <${DataTable} id="quotas-table" labelledBy="quotas-title" loading=${overview.loading} rows=${rows}
        rowKey=${(r) => `${r.kind}:${r.name}`} attrs=${(r) => ({ 'data-subject': `${r.kind}:${r.name}` })}
        columns=${['Who', ...defaults.map((q) => q.name), actionColumn()]} empty="No quotas."
        cells=${(r) => [r.kind === 'defaults' ? 'Defaults' : `${r.kind} ${r.name}`,
          ...defaults.map((q) => amount(own(r, q.name))),
          r.kind !== 'defaults' && html`<button type="button" class="quota-edit" aria-label=${`Edit quotas of ${r.name}`}
            onClick=${() => setSubject({ kind: r.kind, name: r.name })}>Edit</button>`]} />
    </section>
    <section aria-labelledby="quota-lookup-title">
      <h2 id="quota-lookup-title">A user's or a team's quotas</h2>
      <form class="inline-form" novalidate onSubmit=${submitted(lookUp)}>
        <${Field} id="quota-kind" label="Kind">
          <select id="quota-kind" value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
            <option value="user">User</option>
            <option value="team">Team</option>
          </select>
        <//>
        <${Field} id="quota-name" label=${kind === 'user' ? 'Email' : 'Team name'}>
          <input id="quota-name" autocomplete="off" value=${name} onInput=${(e) => setName(e.currentTarget.value)} />
        <//>
        <div class="actions"><button type="submit" id="quota-lookup">Show quotas</button></div>
      </form>
    </section>
    ${subject && html`<${SubjectQuotas} key=${`${subject.kind}:${subject.name}`} subject=${subject}
      onSaved=${() => overview.reload(true)} />`}`;
}
