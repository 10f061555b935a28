// Demand around me: the heatmap of my township's villages (or my county's townships) by week, of
// categories by week, or of weekdays by hour, over shop sales, wholesale deliveries into the area
// or parcels arriving, as value, units, per outlet or growth on a year before. Everything chosen
// lives in the address. A chunk of its own: it brings D3.
import '../shell-modules.ts';
import { TOP_CATEGORIES } from '../../contracts/categories.ts';
import type { DemandResponse } from '../../contracts/workspace.ts';
import { pctText } from '../format.ts';
import { h } from '../dom.ts';
import { linkTo } from './links.ts';
import { categoryName, clauseSep, formatYuan, formatYuanShort, t, type Lang } from '../i18n.ts';
import { emptyNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { createDemandHeatmap } from '../workspace/demand-heatmap.ts';
import { apiPath, askForStores, load, periodText, pickControl, storesOf, workspacePage, wsUrl } from '../workspace/frame.ts';
import { subCategoryName } from '../workspace/category-names.ts';
import { wsKnown, wst, type WorkspaceKey } from '../workspace/strings.ts';

const VIEWS = ['area', 'category', 'hour'] as const;
const SCOPES = ['cluster', 'county'] as const;
const STREAMS = ['pos', 'deliveries', 'parcels'] as const;
const MEASURES = ['value', 'units', 'per_store', 'yoy'] as const;
const WEEKS = ['8', '12', '26', '52'];
const COLOURS = ['', 'row'] as const; // one scale for all, or each cell against its row's average

export interface DemandState { view: string; scope: string; stream: string; measure: string; weeks: string; category: string; colour: string }
// The county by default: a village has a shop or two, so a township's villages are nearly all
// withheld (fewer than 5 outlets besides mine); the county's townships show.
const DEFAULTS: DemandState = { view: 'area', scope: 'county', stream: 'pos', measure: 'value', weeks: '12', category: '', colour: '' };

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T => ((list as readonly string[]).includes(v ?? '') ? (v ?? '') as T : fallback);

/** The state of the address, made consistent: the hour view is shop sales only, parcels have no
 *  category or value, growth is already a comparison (no colouring against the row's average). */
export function demandState(search: URLSearchParams): DemandState {
  const s: DemandState = {
    view: oneOf(VIEWS, search.get('view'), 'area'),
    scope: oneOf(SCOPES, search.get('scope'), 'county'),
    stream: oneOf(STREAMS, search.get('stream'), 'pos'),
    measure: oneOf(MEASURES, search.get('measure'), 'value'),
    weeks: WEEKS.includes(search.get('weeks') ?? '') ? search.get('weeks')! : '12',
    category: TOP_CATEGORIES.some((c) => c.code === search.get('category')) ? search.get('category')! : '',
    colour: oneOf(COLOURS, search.get('colour'), ''),
  };
  return fixState(s);
}

function fixState(s: DemandState): DemandState {
  const next = { ...s };
  if (next.view === 'hour') next.stream = 'pos';
  if (next.stream === 'parcels') {
    if (next.view === 'category') next.view = 'area';
    next.category = '';
    if (next.measure === 'value') next.measure = 'units';
  }
  if (next.measure === 'yoy') next.colour = '';
  return next;
}

/** The address of a state: only what differs from the defaults. */
function stateQuery(s: DemandState): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === DEFAULTS[k as keyof DemandState] ? undefined : v]));
}

/** How a cell's figure reads: money, units, parcels or growth. */
export function measureFormat(stream: string, measure: string, lang: Lang): { format: (v: number) => string; short: (v: number) => string; unit: string } {
  if (measure === 'yoy') return { format: pctText, short: (v) => `${v > 0 ? '+' : ''}${Math.round(v)}%`, unit: '' };
  const count = (v: number) => (Math.round(v * 10) / 10).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  if (stream === 'parcels' || measure === 'units') {
    const unit = stream === 'parcels' ? (lang === 'zh' ? ' 件包裹' : ' parcels') : ` ${t(lang, 'units')}`;
    return { format: (v) => `${count(v)}${unit}`, short: count, unit: '' };
  }
  return { format: (v) => formatYuan(Math.round(v)), short: (v) => formatYuanShort(v, lang), unit: lang === 'zh' ? '（元）' : ' (yuan)' };
}

export const view: View = async (ctx) => {
  const { lang } = ctx;
  const stores = storesOf(ctx);
  if (!stores) return askForStores(ctx, '/workspace/demand');
  const s = demandState(ctx.search);
  const section = workspacePage(ctx, '/workspace/demand', stores);
  const go = (patch: Partial<DemandState>) => ctx.navigate(wsUrl('/workspace/demand', stores, stateQuery(fixState({ ...s, ...patch }))));
  // The colouring is the page's alone: the API answers the same figures either way.
  const d = await load<DemandResponse>(ctx, section, apiPath(stores, 'demand', { ...stateQuery(s), colour: undefined, scope: s.scope, category: s.category || undefined }), () => void view(ctx));
  if (!d) return;
  document.title = `${wst(lang, 'ws.demandTitle', { area: d.area.name })} · ${t(lang, 'appName')}`;

  const parcels = s.stream === 'parcels';
  const measureLabel = (m: string) => (parcels && m === 'units' ? wst(lang, 'ws.measure.parcels') : parcels && m === 'per_store' ? wst(lang, 'ws.measure.per_station') : wst(lang, `ws.measure.${m}` as WorkspaceKey));
  const controls = h('div', { class: 'controls ws-demand-controls' },
    pickControl('ws-view', wst(lang, 'ws.view'), s.view, VIEWS.map((v) => [v, wst(lang, `ws.view.${v}`), v === 'category' && parcels]), (v) => go({ view: v })),
    pickControl('ws-scope', wst(lang, 'ws.scope'), s.scope, SCOPES.map((v) => [v, wst(lang, `ws.scope.${v}`)]), (v) => go({ scope: v })),
    pickControl('ws-stream', wst(lang, 'ws.stream'), s.stream, STREAMS.map((v) => [v, wst(lang, `ws.stream.${v}`), s.view === 'hour' && v !== 'pos']), (v) => go({ stream: v })),
    pickControl('ws-measure', wst(lang, 'ws.measure'), s.measure, MEASURES.map((m) => [m, measureLabel(m), parcels && m === 'value']), (v) => go({ measure: v })),
    parcels ? null : pickControl('ws-category', t(lang, 'category'), s.category, [['', t(lang, 'allCategories')], ...TOP_CATEGORIES.map((c): [string, string] => [c.code, categoryName(c.code, lang)])], (v) => go({ category: v })),
    pickControl('ws-weeks', wst(lang, 'ws.weeks'), s.weeks, WEEKS.map((n) => [n, wst(lang, 'ws.weeksN', { n })]), (v) => go({ weeks: v })),
    pickControl('ws-colour', wst(lang, 'ws.colour'), s.colour, [['', wst(lang, 'ws.colour.all')], ['row', wst(lang, 'ws.colour.row'), s.measure === 'yoy']], (v) => go({ colour: v })));
  const markerList = d.markers.map((m) => `${wst(lang, `ws.marker.${m.kind}` as WorkspaceKey)} ${m.from} – ${m.to}`);
  const head = [
    h('h1', {}, wst(lang, 'ws.demandTitle', { area: d.area.name })),
    h('p', { class: 'muted' }, [periodText(lang, d.from, d.to), d.category ? categoryName(d.category, lang) : '', s.view === 'hour' ? wst(lang, 'ws.onlyPos') : ''].filter(Boolean).join(' · ')),
    controls,
    h('p', { class: 'note' }, wst(lang, 'ws.kNote', { k: d.k })),
    markerList.length > 0 && s.view !== 'hour' ? h('p', { class: 'caption ws-markers' }, wst(lang, 'ws.markers', { list: markerList.join(clauseSep(lang)) })) : null,
    d.cells.length > 0 && d.cells.every((c) => c.withheld) ? h('p', { class: 'note ws-all-withheld' }, wst(lang, 'ws.allWithheld', { k: d.k }),
      s.scope === 'cluster' ? [' ', linkTo(ctx, wsUrl('/workspace/demand', stores, stateQuery(fixState({ ...s, scope: 'county' }))), wst(lang, 'ws.seeCounty'))] : null) : null,
  ].filter((n): n is NonNullable<typeof n> => n !== null);

  // Rows of categories and weekdays come as codes: named here, in the reader's language.
  // Among a township's villages, the township's own row holds the stores registered at its seat.
  const named: DemandResponse = { ...d, rows: d.rows.map((r) => ({ ...r, label: d.view === 'category' ? subCategoryName(r.key, lang)
    : d.view === 'hour' ? wsKnown(lang, `ws.weekday.${r.key}`, r.label)
      : d.scope === 'cluster' && r.key.length === 9 ? t(lang, 'seatRow', { name: r.label }) : r.label })) };
  const draw = () => {
    if (d.rows.length === 0 || d.cols.length === 0) return setViewState(section, 'empty', ...head, emptyNode(lang));
    const chart = createDemandHeatmap(named, { lang, width: section.clientWidth || ctx.main.clientWidth || 360, ...measureFormat(d.stream, d.measure, lang), colourBy: s.colour === 'row' ? 'row' : 'all' });
    setViewState(section, 'ready', ...head, chart);
  };
  draw();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { if (!ctx.signal.aborted && section.dataset.state === 'ready') draw(); }, 150);
  };
  window.addEventListener('resize', onResize);
  ctx.signal.addEventListener('abort', () => window.removeEventListener('resize', onResize));
};
