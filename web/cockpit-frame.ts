// What every page of the officials' cockpit shares: the tabs between its pages, the area (with the
// way back up) and the month, kept in the address so each page can be bookmarked. A page of a
// county shows that county; a prefecture official and an analyst may move between counties.
import type { Me } from '../contracts/auth.ts';
import { addMonths, shanghaiMonth } from '../contracts/time.ts';
import { h } from './dom.ts';
import { t, type Lang } from './i18n.ts';
import { markScrollEdges } from './scroll-edges.ts';
import type { ViewContext } from './view.ts';
import { linkTo } from './views/links.ts';
import { ct, type CockpitKey } from './views/cockpit-strings.ts';

export const TABS: { path: string; label: CockpitKey }[] = [
  { path: '/cockpit', label: 'tab.overview' },
  { path: '/cockpit/stations', label: 'tab.stations' },
  { path: '/cockpit/scorecard', label: 'tab.scorecard' },
  { path: '/cockpit/reports', label: 'tab.reports' },
  { path: '/cockpit/national', label: 'tab.national' },
];

export interface CockpitState { area: string; month: string }

export function cockpitState(ctx: ViewContext): CockpitState {
  return { area: ctx.search.get('area') ?? ctx.me!.homeArea ?? '5323', month: ctx.search.get('month') ?? '' };
}

export function cockpitUrl(path: string, s: Partial<CockpitState>): string {
  const p = new URLSearchParams();
  if (s.area) p.set('area', s.area);
  if (s.month) p.set('month', s.month);
  const q = p.toString();
  return q ? `${path}?${q}` : path;
}

/** The tabs, with the area and month carried from page to page. */
export function cockpitTabs(ctx: ViewContext, current: string, state: CockpitState): HTMLElement {
  const tabs = h('nav', { class: 'tabs', 'aria-label': t(ctx.lang, 'nav.cockpit') }, TABS.map((tab) => {
    const a = linkTo(ctx, cockpitUrl(tab.path, tab.path === '/cockpit/national' ? {} : state), ct(ctx.lang, tab.label));
    if (tab.path === current) a.setAttribute('aria-current', 'page');
    return a;
  }));
  markScrollEdges(tabs);
  return tabs;
}

/** The way back up the area tree, linking only areas in the caller's scope. */
/** Whether the caller may open an area's pages: links go only where the API will answer. */
export const inScope = (ctx: ViewContext, code: string): boolean => ctx.me!.scopeAreas.some((a) => code.startsWith(a));

export function areaPath(ctx: ViewContext, path: { code: string; name: string }[], current: { code: string; name: string }, to: (code: string) => string): HTMLElement {
  return h('nav', { class: 'breadcrumb', 'aria-label': t(ctx.lang, 'area') },
    path.flatMap((p) => [inScope(ctx, p.code) ? linkTo(ctx, to(p.code), p.name) : h('span', { class: 'crumb' }, p.name), h('span', { class: 'crumb-sep' }, '›')]),
    h('span', { class: 'crumb current', 'aria-current': 'page' }, current.name));
}

/** A month picker that moves the page to the month chosen, up to the current month (the API
 *  refuses later ones: they have no data yet). */
/** Up to the last whole month: the month under way would show every figure falling by most of itself. */
/** `min`: the oldest month with data, where the answer says (before it there is nothing to show). */
export function monthPicker(ctx: ViewContext, value: string, onChange: (month: string) => void, min?: string | null): HTMLElement {
  const input = h('input', { type: 'month', id: 'cockpit-month', name: 'month', value, max: addMonths(shanghaiMonth(Date.now()), -1), min: min ?? null });
  input.addEventListener('change', () => { if (/^\d{4}-\d{2}$/.test(input.value)) onChange(input.value); });
  return h('label', { class: 'inline-field', for: 'cockpit-month' }, h('span', {}, t(ctx.lang, 'month')), input);
}

export const canEditNational = (me: Me) => me.role === 'official' && me.scopeAreas.includes('5323');

export function ppText(x: number, lang: Lang): string {
  return ct(lang, 'pp', { x: `${x > 0 ? '+' : ''}${x.toFixed(1)}` });
}
