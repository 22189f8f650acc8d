// CalculatorCaseStage: the cases waiting in the stage as one list per severity (longest waiting
// first, as the calculator sorts them), and the alarms it raised.
import { el, noData } from './dom.js';
import { formatCell, formatDuration, records, table } from './result_tables.js';

const SEVERITIES = ['High', 'Medium', 'Low', 'Unknown'];
const MAX_LISTED = 50;

export function renderCaseStage(body, panel) {
  const caseTable = table(panel.result, 'Cases');
  const cases = records(caseTable);
  const alarms = records(table(panel.result, 'Alarms'));
  if (cases.length === 0) {
    body.append(noData());
    return;
  }
  const lists = SEVERITIES.map((severity) => {
    const those = cases.filter((c) => c.Severity === severity);
    if (those.length === 0) return null;
    return el('section', { className: `stage-list severity-${severity.toLowerCase()}`,
                           'data-severity': severity }, [
      el('h3', {}, [`${severity} `, el('span', { className: 'count', text: `(${those.length})` })]),
      el('ol', {}, those.slice(0, MAX_LISTED).map((c) => el('li', {}, [
        el('span', { className: 'case-id', text: c['Case Id'] }),
        el('span', { className: 'waiting', text: formatDuration(c['Waiting Time']) }),
      ]))),
      those.length > MAX_LISTED
        ? el('p', { className: 'table-note', text: `and ${those.length - MAX_LISTED} more` })
        : null,
    ]);
  });
  const total = caseTable.rowCount ?? cases.length;  // the data route cuts long tables
  body.append(el('div', { className: 'case-stage' }, [
    total > cases.length
      ? el('p', { className: 'table-note stage-note',
                  text: `The ${formatCell(cases.length, 'integer')} longest waiting`
                    + ` of ${formatCell(total, 'integer')} cases` })
      : null,
    ...lists,
    alarms.length === 0 ? null : el('section', { className: 'stage-alarms' }, [
      el('h3', { text: `Alarms (${alarms.length})` }),
      el('ul', {}, alarms.slice(0, MAX_LISTED).map((a) => el('li', { text: a.Message }))),
    ]),
  ]));
}
