// One renderer per panel type of the reference's Panel Types table; a full-calculator panel picks
// its view by its calculator.
import { renderBarChart } from './bar_chart.js';
import { renderCaseStage } from './case_stage.js';
import { renderTables } from './data_table.js';
import { message } from './dom.js';
import { renderKpi } from './kpi.js';
import { renderNote, renderRecommendation } from './markdown_note.js';
import { renderProcessMap } from './process_map.js';
import { table } from './result_tables.js';
import { renderTrend } from './trend.js';
import { renderValueOverTime } from './value_over_time.js';

function renderCalculator(body, panel, context) {
  switch (panel.calculatorOperator) {
    case 'CalculatorTrend': return renderTrend(body, panel, context);
    case 'CalculatorValueOverTime': return renderValueOverTime(body, panel, context);
    case 'CalculatorCaseStage': return renderCaseStage(body, panel, context);
    default:
      if (table(panel.result, 'Nodes') && table(panel.result, 'Edges')) {
        return renderProcessMap(body, panel, context);
      }
      return renderTables(body, panel.result);
  }
}

const RENDERERS = {
  DashboardPanelSingleValue: renderKpi,
  DashboardPanelHorizontalBarChart: renderBarChart,
  DashboardPanelDataTable: (body, panel) => renderTables(body, panel.result),
  DashboardPanelCalculator: renderCalculator,
  DashboardPanelProcessMap: renderProcessMap,
  DashboardPanelDashboardNote: renderNote,
  DashboardPanelRecommendationSentence: renderRecommendation,
};

// Fills the panel body by its status: the error of a failed panel, a notice while its notebook
// runs for the first time, else its view (which may finish asynchronously: a returned promise).
export function renderPanelBody(body, panel, context) {
  if (panel.status === 'Failed') {
    body.append(message('panel-error', panel.error || 'The panel failed'));
    return null;
  }
  if (panel.status === 'Skipped') {
    body.append(message('no-data', 'The panel\'s block is disabled'));
    return null;
  }
  if (panel.status === 'Running' && !panel.result) {
    body.append(message('running', 'Running the notebook\u2026'));
    return null;
  }
  const render = RENDERERS[panel.panelType];
  if (render) return render(body, panel, context);
  if (panel.result) return renderTables(body, panel.result);
  body.append(message('no-data', `Panel type ${panel.panelType} has nothing to show`));
  return null;
}
