// Result tables as HTML tables (DashboardPanelDataTable, and calculators without a view of their
// own); one tab per table when the result has several.
import { el, noData } from './dom.js';
import { formatCell, isNumeric, tables } from './result_tables.js';

const MAX_ROWS = 500;

function tableElement(t) {
  if (t.rows.length === 0) return noData();
  const total = t.rowCount ?? t.rows.length;  // the data route cuts long tables of large results
  const numeric = t.columns.map((c) => isNumeric(c.type));
  const head = el('tr', {}, t.columns.map((c, i) =>
    el('th', { scope: 'col', className: numeric[i] ? 'num' : '', text: c.name })));
  const body = t.rows.slice(0, MAX_ROWS).map((row) => el('tr', {}, row.map((cell, i) =>
    el('td', { className: numeric[i] ? 'num' : '', text: formatCell(cell, t.columns[i].type) }))));
  return el('div', { className: 'table-scroll' }, [
    el('table', { className: 'data-table' }, [
      el('caption', { className: 'visually-hidden', text: t.name }),
      el('thead', {}, head),
      el('tbody', {}, body),
    ]),
    total > MAX_ROWS
      ? el('p', { className: 'table-note',
                  text: `The first ${MAX_ROWS} of ${formatCell(total, 'integer')} rows` })
      : null,
  ]);
}

export function renderTables(body, result) {
  const list = tables(result);
  if (list.length === 0) {
    body.append(noData());
    return;
  }
  const view = el('div', { className: 'table-view' });
  const content = el('div', { className: 'table-content' });
  const show = (index) => {
    content.replaceChildren(tableElement(list[index]));
    for (const [i, tab] of [...view.querySelectorAll('.table-tab')].entries()) {
      tab.setAttribute('aria-selected', String(i === index));
    }
  };
  if (list.length > 1) {
    view.append(el('div', { className: 'table-tabs', role: 'tablist' }, list.map((t, i) =>
      el('button', { type: 'button', className: 'table-tab', role: 'tab', text: t.name,
                     onclick: () => show(i) }))));
  }
  view.append(content);
  body.append(view);
  show(0);
}
