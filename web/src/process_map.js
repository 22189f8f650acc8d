// A process map: the server lays it out with Graphviz (…/panel/{id}/process-map.svg); the page
// inlines the SVG and adds zoom (wheel, buttons) and pan (drag) by moving its viewBox, and a
// toggle between counts and mean durations on the edges (fetches the SVG again).
import { el, message, noData } from './dom.js';
import { table } from './result_tables.js';

const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 20;

async function fetchSvg(url) {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  const text = await response.text();
  if (!response.ok) {
    let reason = text;
    try { reason = JSON.parse(text).error || text; } catch { /* plain text */ }
    throw new Error(reason || `HTTP ${response.status}`);
  }
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = parsed.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('The server sent no SVG');
  return document.importNode(svg, true);
}

// Zoom and pan of one inlined SVG through its viewBox.
class ViewBox {
  constructor(svg) {
    this.svg = svg;
    const box = svg.viewBox.baseVal;
    this.home = { x: box.x, y: box.y, width: box.width, height: box.height };
    this.fit();
  }

  get zoom() { return this.home.width / this.box.width; }

  fit() { this.box = { ...this.home }; this.apply(); }

  // The part of the map shown, as fractions of the whole map (kept when the labels change the
  // layout's size).
  get relative() {
    const { home, box } = this;
    return { x: (box.x - home.x) / home.width, y: (box.y - home.y) / home.height,
             width: box.width / home.width, height: box.height / home.height };
  }

  set relative(part) {
    const { home } = this;
    this.box = { x: home.x + part.x * home.width, y: home.y + part.y * home.height,
                 width: part.width * home.width, height: part.height * home.height };
    this.apply();
  }

  apply() {
    const { x, y, width, height } = this.box;
    this.svg.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
    this.svg.closest('.process-map').dataset.zoom = this.zoom.toFixed(2);
  }

  // The SVG coordinates of a point on the screen.
  point(clientX, clientY) {
    const matrix = this.svg.getScreenCTM();
    if (!matrix) return { x: this.box.x + this.box.width / 2, y: this.box.y + this.box.height / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }

  zoomBy(factor, center) {
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    const scale = this.home.width / zoom / this.box.width;
    const c = center || { x: this.box.x + this.box.width / 2, y: this.box.y + this.box.height / 2 };
    this.box = {
      x: c.x - (c.x - this.box.x) * scale,
      y: c.y - (c.y - this.box.y) * scale,
      width: this.box.width * scale,
      height: this.box.height * scale,
    };
    this.apply();
  }

  panBy(dxScreen, dyScreen) {
    const matrix = this.svg.getScreenCTM();
    const unit = matrix ? 1 / matrix.a : 1;
    this.box.x -= dxScreen * unit;
    this.box.y -= dyScreen * unit;
    this.apply();
  }
}

function enableGestures(canvas, currentView) {
  canvas.addEventListener('wheel', (event) => {
    const view = currentView();
    if (!view) return;
    event.preventDefault();
    const factor = event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
    view.zoomBy(factor, view.point(event.clientX, event.clientY));
  }, { passive: false });
  let last = null;
  canvas.addEventListener('pointerdown', (event) => {
    last = { x: event.clientX, y: event.clientY };
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add('dragging');
  });
  canvas.addEventListener('pointermove', (event) => {
    const view = currentView();
    if (!last || !view) return;
    view.panBy(event.clientX - last.x, event.clientY - last.y);
    last = { x: event.clientX, y: event.clientY };
  });
  const stop = () => { last = null; canvas.classList.remove('dragging'); };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
}

export async function renderProcessMap(body, panel, context) {
  const nodes = table(panel.result, 'Nodes');
  if (!nodes || nodes.rows.length === 0) {
    body.append(noData());
    return;
  }
  const canvas = el('div', { className: 'process-map-canvas' });
  const map = el('div', { className: 'process-map', 'data-label': '' });
  let view = null;
  const labelButtons = {};
  const show = async (label) => {
    context.mapLabels.set(panel.panelId, label);
    map.dataset.label = label;
    for (const [name, button] of Object.entries(labelButtons)) {
      button.setAttribute('aria-pressed', String(name === label));
    }
    try {
      const svg = await fetchSvg(context.routes.processMap(panel.panelId, label));
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      canvas.replaceChildren(svg);
      map.dataset.shown = label;  // the edge labels drawn (data-label: the ones asked for)
      const previous = view;
      view = new ViewBox(svg);
      if (previous) view.relative = previous.relative;
    } catch (error) {
      canvas.replaceChildren(
        message('panel-error', `The process map could not be drawn: ${error.message}`));
    }
  };
  for (const [label, text] of [['count', 'Counts'], ['duration', 'Durations']]) {
    labelButtons[label] = el('button', { type: 'button', className: 'map-label', text,
                                         onclick: () => show(label) });
  }
  const zoomButton = (text, title, action) =>
    el('button', { type: 'button', className: 'map-zoom', title, text,
                   onclick: () => view && action(view) });
  map.append(
    el('div', { className: 'map-toolbar' }, [
      el('span', { className: 'map-labels', role: 'group', 'aria-label': 'Edge labels' },
        Object.values(labelButtons)),
      el('span', { className: 'map-zooms' }, [
        zoomButton('+', 'Zoom in', (v) => v.zoomBy(ZOOM_STEP)),
        zoomButton('\u2212', 'Zoom out', (v) => v.zoomBy(1 / ZOOM_STEP)),
        zoomButton('Fit', 'Show the whole map', (v) => v.fit()),
      ]),
    ]),
    canvas,
  );
  body.append(map);
  enableGestures(canvas, () => view);
  await show(context.mapLabels.get(panel.panelId) || 'count');
}
