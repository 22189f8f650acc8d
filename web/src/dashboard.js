// The dashboard page: loads …/data, draws the panels on the grid, polls while notebooks run, and
// offers refresh, re-run (signed-in pages) and auto-refresh. document.body's data-state tells
// scripts where it is (loading until the first answer, then running, ready or error) and
// data-loads how many answers it has drawn.
import './dashboard.css';
import { AutoRefresh } from './auto_refresh.js';
import { PanelGrid } from './grid.js';
import { pageRoutes } from './page_routes.js';

const POLL_MS = 1000;

const routes = pageRoutes(window.location);
const context = { routes, charts: new Map(), mapLabels: new Map() };
// Inspection hook for tests and kiosk scripts: the Chart.js instance of each chart by panel id.
window.pmstudio = { charts: context.charts };

const $ = (id) => document.getElementById(id);
// Toolbar texts; embedded pages have no toolbar.
const setText = (id, text) => { const node = $(id); if (node) node.textContent = text; };
let grid = null;
let loading = false;
let pollTimer = null;
let loads = 0;  // answers drawn, in data-loads

function setState(state) {
  document.body.dataset.state = state;
  $('grid').setAttribute('aria-busy', String(state === 'loading' || state === 'running'));
}

function showPageError(text) {
  const banner = $('page-error');
  banner.textContent = text;
  banner.hidden = !text;
}

async function readError(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return body.error || body.Error || body.message || text;
  } catch {
    return text || `HTTP ${response.status}`;
  }
}

async function load() {
  if (loading) return;
  loading = true;
  clearTimeout(pollTimer);
  try {
    const response = await fetch(routes.data(), { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401 && !routes.embedded) {
      window.location.assign(routes.login());
      return;
    }
    if (!response.ok) {
      showPageError(await readError(response));
      setState('error');
      return;
    }
    const dashboard = await response.json();
    showPageError('');
    document.title = `${dashboard.name} - pmstudio`;
    setText('dashboard-name', dashboard.name);
    const running = dashboard.status === 'Running';
    setText('dashboard-status', running ? 'Running notebooks\u2026' : '');
    await grid.update(dashboard.panels);
    setText('updated', `Updated ${new Date().toLocaleTimeString()}`);
    if (running) pollTimer = setTimeout(load, POLL_MS);
    setState(running ? 'running' : 'ready');
    loads += 1;
    document.body.dataset.loads = String(loads);
  } catch (error) {
    showPageError(`The dashboard could not be loaded: ${error.message}`);
    setState('error');
  } finally {
    loading = false;
  }
}

async function rerun() {
  const button = $('rerun');
  button.disabled = true;
  try {
    const response = await fetch(routes.run(), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (response.status === 401) {
      window.location.assign(routes.login());
      return;
    }
    if (!response.ok) {
      showPageError(await readError(response));
      return;
    }
    await load();
  } finally {
    button.disabled = false;
  }
}

function start() {
  grid = new PanelGrid($('grid'), context);
  if (routes.embedded) {
    document.querySelector('.toolbar').remove();
  } else {
    $('refresh').addEventListener('click', load);
    $('rerun').addEventListener('click', rerun);
  }
  new AutoRefresh($('auto-refresh'), load).start();
  load();
}

start();
