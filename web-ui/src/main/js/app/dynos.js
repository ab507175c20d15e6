import { useEffect, useState } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { useAction, useResource } from '../ui/hooks.js';
import { DataTable, actionColumn, classed } from '../ui/data-table.js';
import { EmptyRow, ErrorText, TableWrap, Time, Working, submitted } from '../ui/parts.js';

/** The controller's dyno sizes (scheduler.DynoSize), smallest first. */
const SIZES = [
  { name: 'basic', text: 'basic: 256 MB, 0.5 CPU' },
  { name: 'standard', text: 'standard: 512 MB, 1 CPU' },
  { name: 'performance', text: 'performance: 2 GB, 2 CPUs' },
];

/** One process type: its quantity and size, scaled with its own button; Enter in either field scales too. */
function ProcessRow({ name, process, onScaled }) {
  const [quantity, setQuantity] = useState(String(process.quantity));
  const [size, setSize] = useState(process.size);
  useEffect(() => {
    setQuantity(String(process.quantity));
    setSize(process.size);
  }, [process.quantity, process.size]);
  const action = useAction();
  const type = process.type;
  const form = `scale-form-${type}`;
  const scale = () => {
    const wanted = Number(quantity);
    if (quantity.trim() === '' || !Number.isInteger(wanted) || wanted < 0) {
      action.fail('Quantity must be a whole number, 0 or more.');
      return;
    }
    action.run(async () => {
      await api.patch(appPath(name, '/formation'), { updates: [{ type, quantity: wanted, size }] });
      onScaled();
    });
  };
  return html`<tr data-type=${type} aria-busy=${action.busy ? 'true' : 'false'}>
    <th scope="row">${type}</th>
    <td class="command"><code>${process.command}</code></td>
    <td>
      <label class="visually-hidden" for=${`quantity-${type}`}>Number of ${type} dynos</label>
      <input id=${`quantity-${type}`} form=${form} type="number" min="0" step="1" inputmode="numeric" class="narrow"
        value=${quantity} onInput=${(e) => setQuantity(e.currentTarget.value)} />
    </td>
    <td>
      <label class="visually-hidden" for=${`size-${type}`}>Size of ${type} dynos</label>
      <select id=${`size-${type}`} form=${form} value=${size} onChange=${(e) => setSize(e.currentTarget.value)}>
        ${SIZES.map((s) => html`<option key=${s.name} value=${s.name}>${s.text}</option>`)}
      </select>
    </td>
    <td>
      <form id=${form} novalidate onSubmit=${submitted(scale)}>
        <button type="submit" id=${`scale-${type}`} disabled=${!!action.busy}>Scale</button>
        <${Working} busy=${action.busy} />
        <${ErrorText} error=${action.error} />
      </form>
    </td>
  </tr>`;
}

/** The formation (what should run) and the dynos (what does), the latter refreshed every 2 s. */
export function DynosTab({ name }) {
  const formation = useResource(() => api.get(appPath(name, '/formation')), [name]);
  const dynos = useResource(() => api.get(appPath(name, '/dynos')), [name], 2000);
  const restart = useAction();
  const restartDynos = (which) => restart.run(async () => {
    await api.delete(appPath(name, which ? `/dynos/${encodeURIComponent(which)}` : '/dynos'));
    await dynos.reload(true);
  }, which ?? 'all');
  const processes = formation.data ?? [];
  const running = [...(dynos.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return html`<section aria-labelledby="formation-title" aria-busy=${formation.loading ? 'true' : 'false'}>
      <h3 id="formation-title">Formation</h3>
      <${ErrorText} error=${formation.error} />
      <${TableWrap}>
        <table id="formation-table">
          <thead><tr><th scope="col">Type</th><th scope="col">Command</th><th scope="col">Quantity</th>
            <th scope="col">Size</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            ${processes.length === 0
              ? html`<${EmptyRow} columns="5" loading=${formation.loading}>No process types yet: they come with the
                  first build.<//>`
              : processes.map((p) => html`<${ProcessRow} key=${p.type} name=${name} process=${p}
                  onScaled=${() => { formation.reload(true); dynos.reload(true); }} />`)}
          </tbody>
        </table>
      <//>
    </section>
    <section aria-labelledby="dynos-title" aria-busy=${restart.busy || dynos.loading ? 'true' : 'false'}>
      <div class="section-head">
        <h3 id="dynos-title">Dynos</h3>
        <button type="button" id="restart-all" disabled=${!!restart.busy} onClick=${() => restartDynos(null)}>
          Restart all dynos</button>
        <${Working} busy=${restart.busy} />
      </div>
      <${ErrorText} error=${restart.error ?? dynos.error} />
      <${DataTable} id="dynos-table" labelledBy="dynos-title" loading=${dynos.loading} rows=${running}
        rowKey=${(d) => d.name} attrs=${(d) => ({ 'data-dyno': d.name })} empty="No dynos running."
        columns=${['Dyno', 'State', 'Size', 'Release', 'Restarts', 'Since', 'Host', actionColumn()]}
        cells=${(d) => [d.name, classed('dyno-state', html`<span class=${`state state-${d.state}`}>${d.state}</span>`),
          d.size ?? '–', d.release, d.restarts ?? 0, html`<${Time} iso=${d.since} />`, d.host ?? '',
          html`<button type="button" class="dyno-restart" disabled=${!!restart.busy} aria-label=${`Restart ${d.name}`}
            onClick=${() => restartDynos(d.name)}>Restart</button>`]} />
    </section>`;
}
