// DashboardPanelSingleValue: the selector's value as the server formatted it (.NET format
// string), shown exactly.
import { el, noData } from './dom.js';
import { records, table } from './result_tables.js';

export function renderKpi(body, panel) {
  const row = records(table(panel.result, 'Value'))[0];
  const details = (panel.result && panel.result.details) || {};
  const text = details.text !== undefined ? details.text : row && row.Text;
  if (text === undefined || text === null || text === '') {
    body.append(noData());
    return;
  }
  body.append(el('div', { className: 'kpi' }, [
    el('div', { className: 'kpi-value', text }),
    row && row.Label ? el('div', { className: 'kpi-label', text: row.Label }) : null,
  ]));
}
