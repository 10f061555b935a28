// Entry of the web app: builds the page, keeps the view in the address bar, and loads the heatmap
// for the current area, category and range. One request at a time: a newer one aborts the older,
// so a slow answer for the last click never replaces the answer for this one.
import type { HeatmapResponse } from '../contracts/demand.ts';
import { fetchHeatmap } from './api-client.ts';
import { renderBreadcrumb } from './breadcrumb.ts';
import { createControls, type Controls, type FilterChange } from './controls.ts';
import { createHeatmapChart } from './heatmap-chart.ts';
import { htmlLang, t } from './i18n.ts';
import { heatmapQueryOf, pageStateSearch, parsePageState, type PageState } from './page-state.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from './status-view.ts';

interface Shell {
  breadcrumb: HTMLElement;
  controls: Controls;
  caption: HTMLElement;
  view: HTMLElement;
}

const root = document.getElementById('app') ?? document.body;
const names = new Map<string, string>(); // area code → name, learnt from every answer, for the breadcrumb
let state = parsePageState(location.search);
let shell = buildShell(state);
let shown: HeatmapResponse | undefined; // the answer on screen, redrawn on resize
let inFlight: AbortController | undefined;

function buildShell(s: PageState): Shell {
  const { lang } = s;
  document.documentElement.lang = htmlLang(lang);
  document.title = t(lang, 'title');

  const header = document.createElement('header');
  const toggle = Object.assign(document.createElement('button'), { type: 'button', className: 'lang-toggle', textContent: t(lang, 'langToggle') });
  toggle.addEventListener('click', () => navigate({ lang: lang === 'zh' ? 'en' : 'zh' }));
  header.append(
    Object.assign(document.createElement('h1'), { textContent: t(lang, 'title') }),
    Object.assign(document.createElement('p'), { className: 'subtitle', textContent: t(lang, 'subtitle') }),
    toggle,
  );
  const breadcrumb = Object.assign(document.createElement('nav'), { className: 'breadcrumb' });
  const controls = createControls(s, (change: FilterChange) => navigate(change));
  const caption = Object.assign(document.createElement('p'), { className: 'caption' });
  const view = Object.assign(document.createElement('section'), { id: 'view', className: 'view' });
  root.replaceChildren(header, breadcrumb, controls.element, caption, view);
  return { breadcrumb, controls, caption, view };
}

/** Moves to a new state, records it in history, and loads it. */
function navigate(patch: Partial<PageState>): void {
  const langChanged = patch.lang !== undefined && patch.lang !== state.lang;
  state = { ...state, ...patch };
  history.pushState(null, '', pageStateSearch(state) || location.pathname);
  if (langChanged) shell = buildShell(state);
  void load();
}

/** Down or up the area tree, keeping the weeks on screen so the columns stay comparable. */
function goToArea(code: string): void {
  const range = shown ? { from: shown.from, to: shown.to } : {};
  navigate({ area: code, ...range });
}

async function load(): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const { lang } = state;
  shown = undefined;
  shell.view.dataset.area = state.area;
  shell.caption.textContent = '';
  renderBreadcrumb(shell.breadcrumb, state.area, names, lang, goToArea);
  setViewState(shell.view, 'loading', loadingNode(lang));
  try {
    const data = await fetchHeatmap(heatmapQueryOf(state), { signal: controller.signal });
    if (controller.signal.aborted) return;
    names.set(data.area.code, data.area.name);
    for (const a of data.path) names.set(a.code, a.name);
    for (const row of data.rows) names.set(row.code, row.name);
    renderBreadcrumb(shell.breadcrumb, state.area, names, lang, goToArea);
    shell.controls.showRange(data.from, data.to);
    show(data);
  } catch (error) {
    if (controller.signal.aborted) return;
    setViewState(shell.view, 'error', errorNode(error, lang, () => void load()));
  }
}

function show(data: HeatmapResponse): void {
  const { lang } = state;
  shown = data;
  if (data.cells.length === 0) {
    setViewState(shell.view, 'empty', emptyNode(lang));
    return;
  }
  const drill = data.childLevel !== 'village';
  shell.caption.textContent = `${t(lang, 'rowsCaption', { level: t(lang, `level.${data.childLevel}`) })}${drill ? ` · ${t(lang, 'drillHint')}` : ''}`;
  const chart = createHeatmapChart(data, {
    lang,
    width: shell.view.clientWidth || 960,
    onRowClick: drill ? (row) => goToArea(row.code) : undefined,
    // A row with the parent's own code holds sales of stores registered at the parent itself: nothing below it.
    canDrill: (row) => row.code !== data.area.code && row.code.length > data.area.code.length,
  });
  setViewState(shell.view, 'ready', chart);
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown && shell.view.dataset.state === 'ready') show(shown);
  }, 150);
});

window.addEventListener('popstate', () => {
  state = parsePageState(location.search);
  shell = buildShell(state); // rebuilt so the form shows the restored filters and language
  void load();
});

void load();
