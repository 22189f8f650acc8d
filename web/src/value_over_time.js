// CalculatorValueOverTime: the "Values" table (Period, Value, Case Count) as a line chart.
import { drawChart, PALETTE } from './charts.js';
import { noData } from './dom.js';
import { records, table } from './result_tables.js';

export function renderValueOverTime(body, panel, context) {
  const rows = records(table(panel.result, 'Values'));
  if (rows.length === 0) {
    body.append(noData());
    return;
  }
  drawChart(body, panel.panelId, {
    type: 'line',
    label: panel.title,
    data: {
      labels: rows.map((row) => row.Period),
      datasets: [{
        label: panel.calculatorName || 'Value',
        data: rows.map((row) => row.Value),
        borderColor: PALETTE[0],
        backgroundColor: 'rgba(31, 111, 178, 0.15)',
        fill: true,
        spanGaps: true,
        pointRadius: rows.length > 60 ? 0 : 3,
      }],
    },
    options: { plugins: { legend: { display: false } } },
  }, context.charts);
}
