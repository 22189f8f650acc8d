// CalculatorTrend: the change from group 1 to group 2 with its arrow (up or down) and colour by
// whether the change is good (the calculator's IsIncreaseGood decided "Is Good": green when good,
// red when bad, grey when unchanged).
import { el, noData } from './dom.js';
import { formatCell, records, table } from './result_tables.js';

const SYMBOLS = { up: '\u25B2', down: '\u25BC', flat: '\u25B6' };

export function trendOf(row) {
  const change = row.Change;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const good = row['Is Good'];
  const mood = good === true ? 'good' : good === false ? 'bad' : 'neutral';
  return { direction, mood };
}

function changeText(row) {
  if (row['Change Percent'] !== null && row['Change Percent'] !== undefined) {
    const percent = row['Change Percent'];
    return `${percent > 0 ? '+' : ''}${formatCell(percent, 'double')} %`;
  }
  if (row.Change === null || row.Change === undefined) return 'no change to compare';
  return `${row.Change > 0 ? '+' : ''}${formatCell(row.Change, 'double')}`;
}

function arrow(row) {
  const { direction, mood } = trendOf(row);
  return el('span', {
    className: `trend-arrow trend-${direction} trend-${mood}`,
    'data-direction': direction,
    'data-mood': mood,
    'aria-label': `${direction === 'flat' ? 'unchanged' : direction}, ${mood}`,
    text: SYMBOLS[direction],
  });
}

export function renderTrend(body, panel) {
  const rows = records(table(panel.result, 'Trend'));
  if (rows.length === 0) {
    body.append(noData());
    return;
  }
  const [all, ...breakdown] = rows;
  const { mood } = trendOf(all);
  body.append(el('div', { className: 'trend' }, [
    el('div', { className: `trend-headline trend-${mood}` }, [
      arrow(all), el('span', { className: 'trend-change', text: changeText(all) })]),
    el('div', { className: 'trend-groups', text: `Group 1: ${formatCell(all['Group 1'], 'double')}`
                + ` \u2192 Group 2: ${formatCell(all['Group 2'], 'double')}` }),
    breakdown.length === 0 ? null : el('table', { className: 'data-table trend-breakdown' }, [
      el('tbody', {}, breakdown.map((row) => el('tr', {}, [
        el('th', { scope: 'row', text: row.Breakdown }),
        el('td', { className: 'num', text: formatCell(row['Group 1'], 'double') }),
        el('td', { className: 'num', text: formatCell(row['Group 2'], 'double') }),
        el('td', {}, [arrow(row), ` ${changeText(row)}`]),
      ]))),
    ]),
  ]));
}
