import { useRef, useState } from 'preact/hooks';
import { api, appPath } from '../api.js';
import { html } from '../html.js';
import { useAction, useResource } from '../ui/hooks.js';
import { DataTable, actionColumn, classed } from '../ui/data-table.js';
import { ErrorText, Field, Working, submitted } from '../ui/parts.js';

const HIDDEN = '••••••';

/** The app's config vars, their values hidden until revealed; each change is a release that restarts the dynos. */
export function ConfigTab({ name }) {
  const config = useResource(() => api.get(appPath(name, '/config-vars')), [name]);
  const [revealed, setRevealed] = useState(false);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const valueInput = useRef(null);
  const save = useAction();
  const remove = useAction();

  const change = (action, changes, which) => action.run(async () => {
    config.setData(await api.patch(appPath(name, '/config-vars'), changes));
  }, which);
  const submit = async () => {
    const wanted = key.trim();
    if (!wanted) {
      save.fail('Enter the name of the config var.');
      return;
    }
    if (await change(save, { [wanted]: value })) {
      setKey('');
      setValue('');
    }
  };
  const edit = (k) => {
    setKey(k);
    setValue(config.data[k]);
    valueInput.current?.focus();
  };

  const keys = Object.keys(config.data ?? {}).sort();
  const busy = save.busy || remove.busy;
  return html`<p>Each change makes a new release and restarts the app's dynos.</p>
    <form class="inline-form" novalidate onSubmit=${submitted(submit)} aria-busy=${save.busy ? 'true' : 'false'}>
      <${Field} id="config-key" label="Key">
        <input id="config-key" autocomplete="off" spellcheck="false" value=${key}
          onInput=${(e) => setKey(e.currentTarget.value)} />
      <//>
      <${Field} id="config-value" label="Value">
        <input id="config-value" ref=${valueInput} autocomplete="off" spellcheck="false" value=${value}
          onInput=${(e) => setValue(e.currentTarget.value)} />
      <//>
      <div class="actions">
        <button type="submit" class="primary" id="config-save" disabled=${!!busy}>Save</button>
        <${Working} busy=${save.busy} label="Releasing…" />
      </div>
      <${ErrorText} error=${save.error} />
    </form>
    <div class="section-head">
      <h3 id="config-title">Config vars</h3>
      <button type="button" id="reveal-config"
        onClick=${() => setRevealed(!revealed)}>${revealed ? 'Hide values' : 'Reveal values'}</button>
      <${Working} busy=${remove.busy} label="Releasing…" />
    </div>
    <${ErrorText} error=${remove.error ?? config.error} />
    <${DataTable} id="config-table" labelledBy="config-title" busy=${busy} loading=${config.loading} rows=${keys}
      rowKey=${(k) => k} attrs=${(k) => ({ 'data-key': k })} empty="No config vars."
      columns=${['Key', 'Value', actionColumn()]}
      cells=${(k) => [html`<code>${k}</code>`, classed('config-value', html`<code>${revealed ? config.data[k] : HIDDEN}</code>`),
        classed('buttons', html`<button type="button" class="config-edit" disabled=${!!busy} aria-label=${`Edit ${k}`}
            onClick=${() => edit(k)}>Edit</button>
          <button type="button" class="config-remove" disabled=${!!busy} aria-label=${`Remove ${k}`}
            onClick=${() => change(remove, { [k]: null }, k)}>Remove</button>`)]} />`;
}
