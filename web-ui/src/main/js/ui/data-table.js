import { html } from '../html.js';
import { EmptyRow, TableWrap } from './parts.js';

class Cell {
  constructor(className, content) {
    this.className = className;
    this.content = content;
  }
}

/** A cell with a class, for the cells the tests read (`.dyno-state`) or the stylesheet picks out. */
export function classed(className, content) {
  return new Cell(className, content);
}

function cellParts(cell) {
  return cell instanceof Cell ? cell : { className: undefined, content: cell };
}

/**
 * A table of rows from the API in its own scrolling box. `cells(row)` gives each row's cells, the first being the
 * row's header; `attrs(row)` its attributes (the data-* the tests find it by). A column may be markup, such as a
 * visually hidden "Action".
 */
export function DataTable({ id, labelledBy, busy, loading, columns, rows, rowKey, attrs, cells, empty }) {
  return html`<${TableWrap}>
    <table id=${id} aria-labelledby=${labelledBy} aria-busy=${busy || loading ? 'true' : 'false'}>
      <thead><tr>${columns.map((c, i) => html`<th scope="col" key=${i}>${c}</th>`)}</tr></thead>
      <tbody>
        ${rows.length === 0
          ? html`<${EmptyRow} columns=${columns.length} loading=${loading}>${empty}<//>`
          : rows.map((row) => {
            const [first, ...rest] = cells(row).map(cellParts);
            return html`<tr key=${rowKey(row)} ...${attrs ? attrs(row) : {}}>
              <th scope="row" class=${first.className}>${first.content}</th>
              ${rest.map((cell, i) => html`<td key=${i} class=${cell.className}>${cell.content}</td>`)}
            </tr>`;
          })}
      </tbody>
    </table>
  <//>`;
}

/** The header of a column of buttons: said, not shown. */
export function actionColumn() {
  return html`<span class="visually-hidden">Action</span>`;
}
