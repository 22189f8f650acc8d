// Drives headless Chromium (Debian's chromium, through playwright-core) over the dashboard pages
// for tests/api/test_dashboard_pages.py. Usage: node dashboard_pages.mjs '<plan JSON>'.
//
// The plan: {baseUrl, outputDir, chromium?, steps: [...]}; the steps share one browser context
// (its cookies) unless a step asks for {"newContext": true}. The steps' reports, each with the
// console errors and uncaught exceptions of its page, are printed as {"reports": [...]} on
// stdout; the Python test makes the assertions.
//   {kind: "signIn", path, apiKey}: opens path, expects the login page, signs in with the key and
//     returns where the browser ended up.
//   {kind: "dashboard", path, screenshot, interact?}: waits until the page is ready, then reports
//     the states it went through and every panel as drawn (texts, chart data, process map nodes
//     and edges, trend arrow, ...); with interact, also the edge-label toggle, zoom, pan, refresh
//     and auto-refresh.
//   {kind: "open", path, screenshot?}: the HTTP status, headers and text of a page.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.PMSTUDIO_BROWSER_MODULES, 'package.json'));
const { chromium } = require('playwright-core');

const READY_TIMEOUT = 120000;

// Runs in the page: what each panel shows.
function collectPanels() {
  const text = (node) => (node ? node.textContent.trim() : null);
  return [...document.querySelectorAll('.panel')].map((frame) => {
    const id = frame.dataset.panelId;
    const style = getComputedStyle(frame);
    const info = {
      panelId: id,
      type: frame.dataset.panelType,
      status: frame.dataset.status,
      title: text(frame.querySelector('.panel-title')),
      error: text(frame.querySelector('.panel-error')),
      noData: text(frame.querySelector('.no-data')),
      grid: { columnStart: style.gridColumnStart, columnEnd: style.gridColumnEnd,
              rowStart: style.gridRowStart, rowEnd: style.gridRowEnd },
      box: (({ width, height }) => ({ width, height }))(frame.getBoundingClientRect()),
    };
    const kpi = frame.querySelector('.kpi-value');
    if (kpi) info.kpi = { value: text(kpi), label: text(frame.querySelector('.kpi-label')) };
    const chart = window.pmstudio.charts.get(id);
    if (chart) {
      info.chart = {
        type: chart.config.type,
        indexAxis: chart.options.indexAxis || 'x',
        labels: [...chart.data.labels],
        datasets: chart.data.datasets.map((d) => ({ label: d.label, data: [...d.data] })),
        bars: chart.getDatasetMeta(0).data.length,
      };
    }
    const svg = frame.querySelector('.process-map-canvas svg');
    if (svg) {
      const titles = (selector) =>
        [...svg.querySelectorAll(selector)].map((g) => text(g.querySelector('title')));
      info.map = {
        nodes: titles('g.node'),
        edges: titles('g.edge'),
        edgeLabels: [...svg.querySelectorAll('g.edge text')].map(text),
        label: frame.querySelector('.process-map').dataset.shown,
        zoom: Number(frame.querySelector('.process-map').dataset.zoom),
        viewBox: svg.getAttribute('viewBox'),
      };
    }
    const note = frame.querySelector('.note');
    if (note) {
      const link = note.querySelector('a');
      info.note = {
        heading: text(note.querySelector('h1')),
        strong: text(note.querySelector('strong')),
        link: link && { href: link.href, target: link.target, rel: link.rel },
      };
    }
    const recommendation = frame.querySelector('.recommendation-text');
    if (recommendation) info.recommendation = text(recommendation);
    const arrow = frame.querySelector('.trend-headline .trend-arrow');
    if (arrow) {
      info.trend = {
        direction: arrow.dataset.direction,
        mood: arrow.dataset.mood,
        symbol: text(arrow),
        color: getComputedStyle(arrow).color,
        change: text(frame.querySelector('.trend-change')),
      };
    }
    const stages = [...frame.querySelectorAll('.stage-list')];
    if (stages.length) {
      info.stages = stages.map((s) => ({
        severity: s.dataset.severity,
        count: text(s.querySelector('.count')),
        listed: s.querySelectorAll('li').length,
        first: text(s.querySelector('li .case-id')),
      }));
    }
    const table = frame.querySelector('.data-table:not(.trend-breakdown)');
    if (table && !frame.querySelector('.trend')) {
      info.table = { headers: [...table.querySelectorAll('thead th')].map(text),
                     rows: table.querySelectorAll('tbody tr').length,
                     firstRow: [...table.querySelectorAll('tbody tr:first-child td')].map(text),
                     tabs: [...frame.querySelectorAll('.table-tab')].map(text),
                     note: text(frame.querySelector('.table-note')) };
    }
    return info;
  });
}

// Runs in each page before its scripts: records every data-state the page goes through.
function recordStates() {
  window.pmstudioStates = [];
  new MutationObserver(() => {
    const state = document.body && document.body.dataset.state;
    const seen = window.pmstudioStates;
    if (state && seen[seen.length - 1] !== state) seen.push(state);
  }).observe(document, { subtree: true, childList: true, attributes: true,
                         attributeFilter: ['data-state'] });
}

async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state),
    null, { timeout: READY_TIMEOUT });
  return page.evaluate(() => document.body.dataset.state);
}

async function screenshot(page, plan, name) {
  if (!name) return null;
  const file = path.join(plan.outputDir, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function signIn(page, step, plan) {
  await page.goto(plan.baseUrl + step.path);
  const loginUrl = page.url();
  const field = page.locator('input[type="password"], input[name="apiKey"]').first();
  await field.fill(step.apiKey);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')),
                     field.press('Enter')]);
  return { loginUrl, landedAt: page.url() };
}

// The edge-label toggle, the zoom buttons, wheel zoom and drag pan of the first process map.
async function interactWithMap(page, panelId) {
  const map = page.locator(`.panel[data-panel-id="${panelId}"] .process-map`);
  const read = async () =>
    (await page.evaluate(collectPanels)).find((p) => p.panelId === panelId).map;
  const report = { initial: await read() };
  const shown = (label) => page.waitForFunction(([id, wanted]) => document.querySelector(
    `.panel[data-panel-id="${id}"] .process-map`).dataset.shown === wanted, [panelId, label]);
  await map.locator('button.map-label', { hasText: 'Durations' }).click();
  await shown('duration');
  report.durations = await read();
  await map.locator('button.map-zoom[title="Zoom in"]').click();
  report.zoomedIn = await read();
  const canvas = map.locator('.process-map-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(50);
  report.wheeled = await read();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  report.panned = await read();
  await map.locator('button.map-zoom[title="Show the whole map"]').click();
  report.fitted = await read();
  await map.locator('button.map-label', { hasText: 'Counts' }).click();
  await shown('count');
  report.counts = await read();
  return report;
}

async function interact(page, panels) {
  const report = {};
  const map = panels.find((p) => p.map);
  if (map) report.map = await interactWithMap(page, map.panelId);
  await page.selectOption('#auto-refresh', '30');
  report.hashAfterAutoRefresh = await page.evaluate(() => window.location.hash);
  await page.reload();
  await waitReady(page);
  report.autoRefreshAfterReload = await page.inputValue('#auto-refresh');
  report.refreshState = await page.evaluate(() => document.body.dataset.refresh);
  const loads = await page.evaluate(() => document.body.dataset.loads);
  await page.click('#refresh');
  await page.waitForFunction((before) => document.body.dataset.loads !== before, loads);
  report.stateAfterRefresh = await waitReady(page);
  report.storage = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }));
  await page.selectOption('#auto-refresh', '0');
  report.hashAfterOff = await page.evaluate(() => window.location.hash);
  return report;
}

async function dashboard(page, step, plan) {
  const response = await page.goto(plan.baseUrl + step.path);
  const state = await waitReady(page);
  const report = {
    status: response.status(),
    url: page.url(),
    state,
    title: await page.title(),
    pageError: await page.evaluate(() => {
      const banner = document.getElementById('page-error');
      return banner && !banner.hidden ? banner.textContent : null;
    }),
    toolbar: await page.evaluate(() => !!document.querySelector('.toolbar')),
    states: await page.evaluate(() => window.pmstudioStates),
    headers: response.headers(),
  };
  report.panels = await page.evaluate(collectPanels);
  report.screenshot = await screenshot(page, plan, step.screenshot);
  if (step.interact) report.interactions = await interact(page, report.panels);
  return report;
}

async function open(page, step, plan) {
  const response = await page.goto(plan.baseUrl + step.path);
  return {
    status: response.status(),
    url: page.url(),
    headers: response.headers(),
    title: await page.title(),
    text: await page.evaluate(() => document.body.innerText),
    screenshot: await screenshot(page, plan, step.screenshot),
  };
}

const ACTIONS = { signIn, dashboard, open };

async function main() {
  const plan = JSON.parse(process.argv[2]);
  const browser = await chromium.launch({ executablePath: plan.chromium || '/usr/bin/chromium' });
  const reports = [];
  let consoleErrors = [];
  try {
    let context = null;
    let page = null;
    for (const step of plan.steps) {
      if (!context || step.newContext) {
        if (context) await context.close();
        context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        await context.addInitScript(recordStates);
        page = await context.newPage();
        page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
        page.on('pageerror', (e) => consoleErrors.push(String(e)));
      }
      consoleErrors = [];
      const report = await ACTIONS[step.kind](page, step, plan);
      reports.push({ kind: step.kind, ...report, consoleErrors });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ reports }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
