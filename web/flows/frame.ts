// What every page of the produce flows shares: the tabs between its pages, the origin area
// (prefecture › county › township, picked with two selects) and the month range, kept in the
// address so each page can be bookmarked; the loading of a page's answer with its loading, error
// and 403 states.
import { apiGet, withQuery } from '../api-client.ts';
import { h } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import { markScrollEdges } from '../scroll-edges.ts';
import { loadingNode, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { linkTo } from '../views/links.ts';
import { flt, type FlowsKey } from './strings.ts';

export const PAGES: { path: string; label: FlowsKey; name: string }[] = [
  { path: '/flows', label: 'fl.tab.upstream', name: 'upstream' },
  { path: '/flows/seasonality', label: 'fl.tab.seasonality', name: 'seasonality' },
  { path: '/flows/downstream', label: 'fl.tab.downstream', name: 'downstream' },
  { path: '/flows/trace', label: 'fl.tab.trace', name: 'trace' },
  { path: '/flows/parcels', label: 'fl.tab.parcels', name: 'parcels' },
];

const PREFECTURE = '5323';

/** Carried from page to page: the origin area and the months; '' leaves the API's default. */
export interface FlowsState { area: string; from: string; to: string }

export function flowsState(ctx: Pick<ViewContext, 'search' | 'me'>): FlowsState {
  const month = (v: string | null) => (v && /^\d{4}-\d{2}$/.test(v) ? v : '');
  return { area: ctx.search.get('area') ?? ctx.me?.homeArea ?? PREFECTURE, from: month(ctx.search.get('from')), to: month(ctx.search.get('to')) };
}

export const flowsUrl = (path: string, s: FlowsState, extra: Record<string, string | number | undefined> = {}) =>
  withQuery(path, { area: s.area, from: s.from, to: s.to, ...extra });

/** The page: the tabs and the section a page draws into (`data-view`), showing "loading". */
export function flowsPage(ctx: ViewContext, current: string, state: FlowsState): HTMLElement {
  const tabs = h('nav', { class: 'tabs fl-tabs', 'aria-label': flt(ctx.lang, 'fl.tabs') }, PAGES.map((p) => {
    const a = linkTo(ctx, flowsUrl(p.path, { ...state, ...(p.name === 'seasonality' ? { from: '', to: '' } : {}) }), flt(ctx.lang, p.label));
    if (p.path === current) a.setAttribute('aria-current', 'page');
    return a;
  }));
  markScrollEdges(tabs);
  const page = PAGES.find((p) => p.path === current)!;
  const section = h('section', { id: 'view', class: 'view fl', 'data-view': `flows-${page.name}`, 'data-area': state.area });
  ctx.main.replaceChildren(tabs, section);
  setViewState(section, 'loading', loadingNode(ctx.lang));
  document.title = `${flt(ctx.lang, page.label)} · ${t(ctx.lang, 'nav.flows')}`;
  return section;
}

export { loadView as load } from '../status-view.ts';

// Names of the counties (the county map asset's, reference data) and, per county, its townships
// with flows (learnt from the upstream answers): the area selects draw from these.
let counties: Promise<{ code: string; name: string }[]> | undefined;
const townships = new Map<string, Promise<{ code: string; name: string }[]>>();

function countyNames(): Promise<{ code: string; name: string }[]> {
  const href = document.querySelector<HTMLMetaElement>('meta[name="cx-county-map"]')?.content ?? '';
  counties ??= fetch(href).then((r) => r.json() as Promise<{ features: { code: string; name: string }[] }>)
    .then((m) => m.features.map((f) => ({ code: f.code, name: f.name })).sort((a, b) => a.code.localeCompare(b.code)));
  return counties;
}

/** Remembers a county's townships from an upstream answer of the county. */
export function learnTownships(county: string, list: { code: string; name: string }[]): void {
  townships.set(county, Promise.resolve([...list].sort((a, b) => a.code.localeCompare(b.code))));
}

function townshipNames(county: string, signal: AbortSignal): Promise<{ code: string; name: string }[]> {
  let known = townships.get(county);
  if (!known) {
    // No list yet (a deep link to a township, or another page): the county's upstream answer names them.
    known = apiGet<{ originLevel: string; origins: { code: string; name: string }[] }>(withQuery('/api/flows/upstream', { area: county }), { signal })
      .then((r) => (r.originLevel === 'township' ? r.origins : []).sort((a, b) => a.code.localeCompare(b.code)));
    known.catch(() => townships.delete(county));
    townships.set(county, known);
  }
  return known;
}

/** The origin pickers: county (within the caller's scope) and township; a change moves the page. */
export function areaPicker(ctx: ViewContext, state: FlowsState, go: (area: string) => void): HTMLElement {
  const lang = ctx.lang;
  const scopes = ctx.me?.scopeAreas ?? [];
  const wide = scopes.some((s) => s === PREFECTURE || s === '');
  const county = state.area.length >= 6 ? state.area.slice(0, 6) : '';
  const countySelect = h('select', { id: 'fl-county', name: 'county' },
    wide ? h('option', { value: PREFECTURE, selected: county === '' }, flt(lang, 'fl.prefecture')) : null,
    county ? h('option', { value: county, selected: true }, ctx.me?.areaNames[county] ?? county) : null);
  const townshipSelect = h('select', { id: 'fl-township', name: 'township', disabled: county === '' },
    h('option', { value: county, selected: state.area.length <= 6 }, county ? flt(lang, 'fl.allCounty') : '—'),
    state.area.length === 9 ? h('option', { value: state.area, selected: true }, state.area) : null);
  countySelect.addEventListener('change', () => go(countySelect.value));
  townshipSelect.addEventListener('change', () => go(townshipSelect.value));

  void countyNames().then((list) => {
    const mine = list.filter((c) => scopes.some((s) => c.code.startsWith(s)));
    countySelect.replaceChildren(
      ...(wide ? [h('option', { value: PREFECTURE, selected: county === '' }, flt(lang, 'fl.prefecture'))] : []),
      ...mine.map((c) => h('option', { value: c.code, selected: c.code === county }, c.name)));
  }, () => undefined);
  if (county) {
    void townshipNames(county, ctx.signal).then((list) => {
      townshipSelect.replaceChildren(h('option', { value: county, selected: state.area.length <= 6 }, flt(lang, 'fl.allCounty')),
        ...list.map((tw) => h('option', { value: tw.code, selected: tw.code === state.area }, tw.name)));
    }, () => undefined);
  }
  return h('div', { class: 'fl-area' },
    h('label', { for: 'fl-county' }, h('span', {}, flt(lang, 'fl.county')), countySelect),
    h('label', { for: 'fl-township' }, h('span', {}, flt(lang, 'fl.township')), townshipSelect));
}

/** Two month inputs and 查询: the range moves the page on submit. */
export function monthRange(lang: Lang, from: string, to: string, onApply: (from: string, to: string) => void): HTMLElement {
  const fromInput = h('input', { type: 'month', id: 'fl-from', name: 'from', value: from, max: '2100-12' });
  const toInput = h('input', { type: 'month', id: 'fl-to', name: 'to', value: to, max: '2100-12' });
  const form = h('form', { class: 'fl-months' },
    h('label', { for: 'fl-from' }, h('span', {}, flt(lang, 'fl.from')), fromInput),
    h('label', { for: 'fl-to' }, h('span', {}, flt(lang, 'fl.to')), toInput),
    h('button', { type: 'submit' }, flt(lang, 'fl.apply')));
  form.noValidate = true; // the API checks the range and its 400 says what is wrong
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply(fromInput.value, toInput.value);
  });
  return form;
}

/** A labelled select whose change moves the page; `options` are [value, label] pairs. */
export function pickControl(id: string, label: string, value: string, options: [string, string][], onChange: (value: string) => void): HTMLElement {
  const select = h('select', { id, name: id.replace(/^fl-/, '') }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { for: id }, h('span', {}, label), select);
}

/** The nodes of a page, the parts with nothing to show left out. */
export const present = (...parts: (Node | string | null | undefined | false)[]): Node[] =>
  parts.filter((p): p is Node => typeof p === 'object' && p !== null);
