import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { useAction, useResource } from './hooks.js';
import { DataTable, actionColumn } from './data-table.js';
import { ErrorText, Field, SubmitRow, Working, submitted } from './parts.js';

function AddForm({ add, onAdded }) {
  const [value, setValue] = useState('');
  const action = useAction();
  const submit = async () => {
    if (!value.trim()) {
      action.fail(`Enter ${add.missing}.`);
      return;
    }
    if (await action.run(async () => {
      await add.submit(value.trim());
      await onAdded();
    })) {
      setValue('');
    }
  };
  return html`<form class="inline-form" novalidate onSubmit=${submitted(submit)} aria-busy=${action.busy ? 'true' : 'false'}>
    <${Field} id=${add.id} label=${add.label} hint=${add.hint}>
      <input id=${add.id} type=${add.type ?? 'text'} autocomplete="off" spellcheck="false" required value=${value}
        placeholder=${add.placeholder} aria-describedby=${add.hint ? `${add.id}-hint` : undefined}
        onInput=${(e) => setValue(e.currentTarget.value)} />
    <//>
    <${SubmitRow} id=${add.buttonId} action=${action}>${add.buttonText}<//>
  </form>`;
}

/**
 * A list added to through one field and removed from row by row (drains, domains, collaborators); `table.rowAttr`
 * names the row attribute that holds its key.
 */
export function ListEditor({ load, deps, refreshMs = 0, add, table, children }) {
  const list = useResource(load, deps, refreshMs);
  const remove = useAction();
  const removeRow = (row) => remove.run(async () => {
    await table.remove(row);
    await list.reload(true);
  }, table.key(row));
  return html`${children}
    ${add && html`<${AddForm} add=${add} onAdded=${() => list.reload(true)} />`}
    <div class="section-head"><h3 id=${`${table.id}-title`}>${table.title}</h3><${Working} busy=${remove.busy} /></div>
    <${ErrorText} error=${remove.error ?? list.error} />
    <${DataTable} id=${table.id} labelledBy=${`${table.id}-title`} busy=${remove.busy} loading=${list.loading}
      columns=${[...table.columns, actionColumn()]} rows=${list.data ?? []} rowKey=${table.key} empty=${table.empty}
      attrs=${(row) => ({ [table.rowAttr]: table.key(row) })}
      cells=${(row) => [...table.cells(row), table.removable(row) && html`<button type="button"
        class=${table.removeClass} disabled=${!!remove.busy} aria-label=${`Remove ${table.key(row)}`}
        onClick=${() => removeRow(row)}>Remove</button>`]} />`;
}
