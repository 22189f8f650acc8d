// DashboardPanelHorizontalBarChart: the SelectorMultiColumns output ("Columns": a label column and
// value columns; "Text": the same cells formatted) as horizontal bars.
import { drawChart, PALETTE } from './charts.js';
import { message, noData } from './dom.js';
import { isNumeric, table, tables } from './result_tables.js';

export function renderBarChart(body, panel, context) {
  const values = table(panel.result, 'Columns') || tables(panel.result)[0];
  if (!values || values.rows.length === 0) {
    body.append(noData());
    return;
  }
  const texts = table(panel.result, 'Text');
  let labelColumn = values.columns.findIndex((c) => !isNumeric(c.type));
  if (labelColumn < 0) labelColumn = 0;
  const valueColumns = values.columns.map((_, i) => i)
    .filter((i) => i !== labelColumn && isNumeric(values.columns[i].type));
  if (valueColumns.length === 0) {
    body.append(message('panel-error', 'The chart has no numeric column to draw'));
    return;
  }
  const datasets = valueColumns.map((column, n) => ({
    label: values.columns[column].name,
    data: values.rows.map((row) => row[column]),
    backgroundColor: PALETTE[n % PALETTE.length],
    textColumn: column,
  }));
  drawChart(body, panel.panelId, {
    type: 'bar',
    label: panel.title,
    data: { labels: values.rows.map((row) => String(row[labelColumn] ?? '')), datasets },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { display: datasets.length > 1 },
        tooltip: {
          callbacks: {
            // The selector's own formatting of the value (its FormatText), when it gave one.
            label: (item) => {
              const text = texts && texts.rows[item.dataIndex]
                ? texts.rows[item.dataIndex][item.dataset.textColumn] : item.formattedValue;
              return `${item.dataset.label}: ${text}`;
            },
          },
        },
      },
      scales: { y: { ticks: { autoSkip: false } } },
    },
  }, context.charts);
}
