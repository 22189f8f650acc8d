// The 12-column grid: each panel at its row and column (0-based), spanning its width and height
// in grid cells of a fixed row height. A panel is drawn again only when what it shows changed, so
// refreshes keep charts and process-map zoom as they were.
import { el } from './dom.js';
import { renderPanelBody } from './panels.js';

const COLUMNS = 12;

function signature(panel) {
  return JSON.stringify([panel.title, panel.description, panel.options, panel.panelType,
    panel.row, panel.column, panel.width, panel.height, panel.status, panel.error,
    panel.resultDate, panel.result && panel.result.executionId]);
}

function place(frame, panel) {
  const column = Math.min(Math.max(panel.column, 0), COLUMNS - 1);
  const span = Math.max(1, Math.min(panel.width, COLUMNS - column));
  frame.style.gridColumn = `${column + 1} / span ${span}`;
  frame.style.gridRow = `${Math.max(panel.row, 0) + 1} / span ${Math.max(panel.height, 1)}`;
  frame.style.setProperty('--rows', String(Math.max(panel.height, 1)));  // narrow screens stack
}

export class PanelGrid {
  constructor(root, context) {
    this.root = root;
    this.context = context;
    this.drawn = new Map();  // panel id -> {frame, signature}
  }

  // Brings the grid in line with the data route's panels; resolves once every panel is drawn.
  update(panels) {
    const pending = [];
    const seen = new Set();
    for (const panel of panels) {
      seen.add(panel.panelId);
      const sig = signature(panel);
      const drawn = this.drawn.get(panel.panelId);
      if (drawn && drawn.signature === sig) continue;
      const frame = this.frame(panel);
      if (drawn) drawn.frame.replaceWith(frame); else this.root.append(frame);
      this.drawn.set(panel.panelId, { frame, signature: sig });
      const chart = this.context.charts.get(panel.panelId);
      if (chart) { chart.destroy(); this.context.charts.delete(panel.panelId); }
      const body = frame.querySelector('.panel-body');
      pending.push(Promise.resolve(renderPanelBody(body, panel, this.context)));
    }
    for (const [id, drawn] of this.drawn) {
      if (seen.has(id)) continue;
      drawn.frame.remove();
      this.drawn.delete(id);
      const chart = this.context.charts.get(id);
      if (chart) { chart.destroy(); this.context.charts.delete(id); }
    }
    return Promise.all(pending);
  }

  frame(panel) {
    const hideTitle = panel.options && panel.options.PanelDisableTitle === true;
    const frame = el('section', {
      className: 'panel',
      'data-panel-id': panel.panelId,
      'data-panel-type': panel.panelType,
      'data-status': panel.status,
      'aria-label': panel.title,
    }, [
      hideTitle ? null : el('header', { className: 'panel-header' }, [
        el('h2', { className: 'panel-title', text: panel.title }),
        panel.status === 'Running' && panel.result
          ? el('span', { className: 'panel-badge', text: 'Updating\u2026' }) : null,
      ]),
      panel.description && !hideTitle
        ? el('p', { className: 'panel-description', text: panel.description }) : null,
      el('div', { className: 'panel-body' }),
    ]);
    place(frame, panel);
    return frame;
  }
}
