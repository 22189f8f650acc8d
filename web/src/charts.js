// Chart.js with only the parts the panels use (tree-shaken by esbuild), drawn without animation
// so a refreshed panel does not flicker.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip,
} from 'chart.js';
import { el } from './dom.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const PALETTE = ['#1f6fb2', '#e0822d', '#3a9d5d', '#a5489f', '#c9493a', '#5b6b7a'];

// Draws a chart in the panel body and records it in `charts` under the panel id.
export function drawChart(body, panelId, config, charts) {
  const canvas = el('canvas', { role: 'img', 'aria-label': config.label || 'chart' });
  body.append(el('div', { className: 'chart-box' }, canvas));
  const chart = new Chart(canvas, config);
  charts.set(panelId, chart);
  return chart;
}
