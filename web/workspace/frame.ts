// What every page of the merchants' workspace shares: the tabs between its pages, the stores shown
// (`?stores=ST-1,ST-2`, kept from page to page so each page can be bookmarked), the switcher of a
// merchant with several stores (each store, or all of them together), and the loading of a page's
// answer with its loading, error and 403 states.
import type { StoreSummary } from '../../contracts/stores.ts';
import { addDays } from '../../contracts/time.ts';
import { apiGet, ApiRequestError, withQuery } from '../api-client.ts';
import { h } from '../dom.ts';
import { hasMessage, t, type Lang } from '../i18n.ts';
import { markScrollEdges } from '../scroll-edges.ts';
import { loadingNode, loadView, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { linkTo } from '../views/links.ts';
import { wst, type WorkspaceKey } from './strings.ts';

/** K_ANONYMITY of contracts/workspace.ts, for the answers that do not carry k (a value import of that
 *  module would bring zod into the page). */
export const K = 5;

export const PAGES: { path: string; label: WorkspaceKey; name: string }[] = [
  { path: '/workspace', label: 'ws.tab.store', name: 'store' },
  { path: '/workspace/demand', label: 'ws.tab.demand', name: 'demand' },
  { path: '/workspace/gaps', label: 'ws.tab.gaps', name: 'gaps' },
  { path: '/workspace/prices', label: 'ws.tab.prices', name: 'prices' },
  { path: '/workspace/peers', label: 'ws.tab.peers', name: 'peers' },
  { path: '/workspace/restock', label: 'ws.tab.restock', name: 'restock' },
  { path: '/workspace/sourcing', label: 'ws.tab.sourcing', name: 'sourcing' },
];

/** The stores asked for: `?stores=`, else a merchant's first store; null when a non-merchant named none. */
export function storesOf(ctx: Pick<ViewContext, 'search' | 'me'>): string | null {
  const asked = (ctx.search.get('stores') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (asked.length > 0) return asked.join(',');
  return ctx.me?.role === 'merchant' && ctx.me.storeIds.length > 0 ? ctx.me.storeIds[0]! : null;
}

/** A workspace address: the page, the stores, and the page's own settings (empty ones left out). */
export function wsUrl(path: string, stores: string, query: Record<string, string | number | undefined> = {}): string {
  return withQuery(path, { stores, ...query });
}

/** The API path of a workspace answer for `stores`. */
export const apiPath = (stores: string, what: string, query: Record<string, string | number | undefined> = {}) =>
  withQuery(`/api/workspace/${encodeURIComponent(stores)}/${what}`, query);

/** The page: the tabs, the store switcher and the section a page draws into (`data-view`). */
export function workspacePage(ctx: ViewContext, current: string, stores: string): HTMLElement {
  const tabs = h('nav', { class: 'tabs ws-tabs', 'aria-label': wst(ctx.lang, 'ws.tabs') }, PAGES.map((p) => {
    const a = linkTo(ctx, wsUrl(p.path, stores), wst(ctx.lang, p.label));
    if (p.path === current) a.setAttribute('aria-current', 'page');
    return a;
  }));
  markScrollEdges(tabs);
  const page = PAGES.find((p) => p.path === current)!;
  const section = h('section', { id: 'view', class: 'view ws', 'data-view': `workspace-${page.name}`, 'data-stores': stores });
  const { previous } = ctx;
  ctx.main.replaceChildren(tabs, switcher(ctx, current, stores), section);
  // A new choice on the same page keeps what it showed, greyed and out of reach, under the loading
  // line until the answer comes: on a weak signal the page went blank for seconds at each choice.
  if (previous && previous.dataset.view === section.dataset.view && previous.dataset.stores === stores && previous.dataset.state === 'ready') {
    setViewState(section, 'loading', h('div', { class: 'refreshing' }, loadingNode(ctx.lang)), h('div', { class: 'stale', inert: true }, ...previous.childNodes));
  } else setViewState(section, 'loading', loadingNode(ctx.lang));
  return section;
}

const names = new Map<string, StoreSummary>(); // store id → store, learnt once per page load

/** A merchant with several stores picks one of them, or all together; the others see nothing here. */
function switcher(ctx: ViewContext, current: string, stores: string): HTMLElement | string {
  const ids = ctx.me?.role === 'merchant' ? ctx.me.storeIds : [];
  if (ids.length < 2) return '';
  const all = ids.join(',');
  const select = h('select', { id: 'ws-stores', name: 'stores' },
    ids.map((id) => h('option', { value: id, selected: id === stores }, names.get(id)?.name ?? id)),
    h('option', { value: all, selected: stores === all }, wst(ctx.lang, 'ws.allStores')));
  select.addEventListener('change', () => ctx.navigate(wsUrl(current, select.value)));
  if (ids.some((id) => !names.has(id))) {
    // The names come from the store list of each county the merchant trades in; ids stand in until then.
    void Promise.all(ctx.me!.scopeAreas.map((area) => apiGet<{ stores: StoreSummary[] }>(withQuery('/api/stores', { area }), { signal: ctx.signal })))
      .then((lists) => {
        for (const s of lists.flatMap((l) => l.stores)) names.set(s.id, s);
        for (const option of select.options) {
          const s = names.get(option.value);
          if (s) option.textContent = s.name;
        }
      }, () => undefined);
  }
  return h('div', { class: 'controls ws-switcher' }, h('label', { for: 'ws-stores' }, h('span', {}, wst(ctx.lang, 'ws.stores')), select));
}

/** A non-merchant names the stores to look at. */
export function askForStores(ctx: ViewContext, path: string): void {
  const input = h('input', { id: 'ws-store-ids', name: 'stores', required: true, placeholder: 'ST-532302101', autocomplete: 'off' });
  const form = h('form', { class: 'inline ws-ask' },
    h('div', { class: 'field' }, h('label', { for: 'ws-store-ids' }, wst(ctx.lang, 'ws.storeIds')), input),
    h('button', { type: 'submit' }, wst(ctx.lang, 'ws.open')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const stores = input.value.split(/[,，\s]+/).filter(Boolean).join(',');
    if (stores) ctx.navigate(wsUrl(path, stores));
  });
  document.title = `${wst(ctx.lang, 'ws.title')} · ${t(ctx.lang, 'appName')}`;
  const section = h('section', { id: 'view', class: 'view ws', 'data-view': 'workspace-ask', 'data-state': 'ready' },
    h('h1', {}, wst(ctx.lang, 'ws.title')), h('p', { class: 'hint' }, wst(ctx.lang, 'ws.pickStores')), form);
  ctx.main.replaceChildren(section);
}

/** A workspace page's answer, with its loading, error and 403 states. A refusal of the address's
 *  choices (a week that is no Monday, or after the data) offers the page's defaults, the stores
 *  kept: the controls that would change the choice are drawn only with an answer. */
export async function load<T>(ctx: ViewContext, section: HTMLElement, path: string, retry: () => void, recover?: (e: ApiRequestError) => boolean): Promise<T | undefined> {
  const stale = section.querySelector<HTMLElement>(':scope > .stale');
  const data = await loadView<T>(ctx, section, path, retry, recover, (e) => {
    const kept = new URLSearchParams();
    // The stores too, unless they are what was refused (then the merchant's own, by default).
    const refusedStores = e instanceof ApiRequestError && e.field === 'stores';
    for (const k of refusedStores ? ['lang'] : ['stores', 'lang']) {
      const v = ctx.search.get(k);
      if (v) kept.set(k, v);
    }
    const query = kept.toString(); // not kept.size: Chrome 113 and Safari 17 have it, the build targets older
    ctx.navigate(`${location.pathname}${query ? `?${query}` : ''}`);
  });
  // A new choice that could not load (offline, a weak signal): the error above the last answer, whose
  // choices are usable again, so one can go back to what loaded instead of facing a blank page.
  if (data === undefined && stale && section.dataset.state === 'error' && !ctx.signal.aborted) {
    stale.inert = false;
    section.append(stale);
  }
  return data;
}

/** `2026-03-02 至 2026-03-15` for a period whose `to` is the first day not included. */
export const periodText = (lang: ViewContext['lang'], from: string, to: string) => wst(lang, 'ws.period', { from, to: addDays(to, -1) });

/** A labelled select whose change moves the page; `options` are [value, label] pairs. */
export function pickControl(id: string, label: string, value: string, options: [string, string, boolean?][], onChange: (value: string) => void): HTMLElement {
  const select = h('select', { id, name: id.replace(/^ws-/, '') },
    options.map(([v, l, disabled]) => h('option', { value: v, selected: v === value, disabled: disabled === true }, l)));
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { for: id }, h('span', {}, label), select);
}

/** The nodes of a page, the parts with nothing to show left out. */
export const present = (...parts: (Node | string | null | undefined)[]): Node[] =>
  parts.filter((p): p is Node => typeof p === 'object' && p !== null);

const SVG = 'http://www.w3.org/2000/svg';
/** An SVG element with attributes (small charts drawn without a library). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

// As web/format.ts has them; not imported from there, since that module would become a chunk of
// its own (a round trip more) once a split view shares it with the shell.
/** `村级小卖部` for `village_shop`. */
export const storeType = (type: string, lang: Lang) => (hasMessage(`type.${type}`) ? t(lang, `type.${type}` as Parameters<typeof t>[1]) : type);
/** `金山镇 · 乡镇电商服务站` */
export const storeLine = (s: StoreSummary, lang: Lang) => `${s.areaName} · ${storeType(s.type, lang)}`;
