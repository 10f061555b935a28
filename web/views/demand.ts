// The demand heatmap: rows are the child areas of the area shown, columns ISO weeks, colour the
// sales amount. Clicking a row drills down; the breadcrumb leads back up; filters and the area
// live in the address bar. One request at a time: a newer one aborts the older, so a slow answer
// for the last click never replaces the answer for this one.
import '../shell-modules.ts';
import type { HeatmapResponse } from '../../contracts/demand.ts';
import { addDays } from '../../contracts/time.ts';
import { ApiRequestError, fetchHeatmap } from '../api-client.ts';
import { renderBreadcrumb } from '../breadcrumb.ts';
import { createControls, type FilterChange } from '../controls.ts';
import { h } from '../dom.ts';
import { createHeatmapChart } from '../heatmap-chart.ts';
import { t } from '../i18n.ts';
import { heatmapQueryOf, pageStateSearch, parsePageState, type PageState } from '../page-state.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';

const names = new Map<string, string>(); // area code → name, learnt from every answer, for the breadcrumb

export const view: View = async (ctx) => {
  const { lang, main, me, signal } = ctx;
  const state = parsePageState(ctx.search.toString());
  const area = state.area || me!.homeArea || '5323';
  for (const [code, name] of Object.entries(me!.areaNames)) names.set(code, name);
  document.title = `${t(lang, 'title')} · ${t(lang, 'appName')}`;

  const go = (patch: Partial<PageState>) => ctx.navigate(`/demand${pageStateSearch({ ...state, ...patch })}`);
  /** Down or up the area tree, keeping the weeks on screen so the columns stay comparable. */
  const goToArea = (code: string, shown?: HeatmapResponse) => go({ area: code, ...(shown ? { from: shown.from, to: shown.to } : {}) });

  const breadcrumb = h('nav', { class: 'breadcrumb' });
  const controls = createControls(state, lang, (change: FilterChange) => go(change));
  const caption = h('p', { class: 'caption' });
  const note = h('p', { class: 'note', hidden: true });
  const range = h('p', { class: 'note range-note', role: 'status', hidden: true });
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'demand' });
  section.dataset.area = area;
  main.replaceChildren(h('h1', {}, t(lang, 'title')), h('p', { class: 'subtitle' }, t(lang, 'subtitle')), breadcrumb, controls.element, range, caption, note, section);
  const canOpen = (code: string) => me!.scopeAreas.some((a) => code.startsWith(a));
  renderBreadcrumb(breadcrumb, area, names, lang, (code) => goToArea(code), canOpen);
  setViewState(section, 'loading', loadingNode(lang));

  let data: HeatmapResponse;
  try {
    data = await fetchHeatmap(heatmapQueryOf(state), { signal });
  } catch (error) {
    if (signal.aborted) return;
    if (error instanceof ApiRequestError && error.status === 403) return ctx.forbidden(error.message);
    // An area the API does not know has no names to show: no trail of bare codes above the refusal.
    if (error instanceof ApiRequestError && error.field === 'area') breadcrumb.replaceChildren();
    setViewState(section, 'error', errorNode(error, lang, () => void view(ctx)));
    return;
  }
  if (signal.aborted) return;
  names.set(data.area.code, data.area.name);
  for (const a of data.path) names.set(a.code, a.name);
  for (const row of data.rows) names.set(row.code, row.name);
  renderBreadcrumb(breadcrumb, data.area.code, names, lang, (code) => goToArea(code, data), canOpen);
  // The end shown is the last day covered: a week under way ends today, not on its Sunday.
  controls.showRange(data.from, data.partialThrough ? addDays(data.partialThrough, 1) : data.to);
  if (data.suppressionThreshold !== null) {
    note.hidden = false;
    note.textContent = t(lang, 'suppressedNote', { k: String(data.suppressionThreshold) });
  }
  // No week starts after today (the API's rule): dates asked for beyond it are answered with what
  // there is, and said so, rather than the form's dates changing under the reader without a word.
  const through = data.partialThrough ?? addDays(data.to, -1);
  // Both ends exclusive. An end later this week is not flagged: the API rounds it up to the week's
  // end like any end, and a drill-down keeps the weeks on screen with that same end.
  const asked = state.from && state.from > through ? 'rangeFuture' : state.to && state.to > data.to ? 'rangeCut' : null;
  range.hidden = asked === null;
  range.textContent = asked ? t(lang, asked, { day: through }) : '';

  const draw = () => {
    if (data.cells.length === 0 && data.suppressed.length === 0) return setViewState(section, 'empty', emptyNode(lang));
    const drill = data.childLevel !== 'village';
    caption.textContent = `${t(lang, 'rowsCaption', { level: t(lang, `level.${data.childLevel}`) })}${drill ? ` · ${t(lang, 'drillHint')}` : ''}`;
    const chart = createHeatmapChart(data, {
      lang,
      width: section.clientWidth || main.clientWidth || 960,
      colourBy: state.colour === 'row' ? 'row' : 'all',
      onRowClick: drill ? (row) => goToArea(row.code, data) : undefined,
      // A row with the parent's own code holds sales of stores registered at the parent itself: nothing below it.
      canDrill: (row) => row.code !== data.area.code && row.code.length > data.area.code.length,
    });
    setViewState(section, 'ready', chart);
  };
  draw();

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!signal.aborted && section.dataset.state === 'ready') draw(); }, 150);
  };
  window.addEventListener('resize', onResize);
  signal.addEventListener('abort', () => window.removeEventListener('resize', onResize));
};
