// Restock signals: every product delivered to my store(s) in the last 12 weeks, with the days the
// last delivery lasts at the recent rate of sale (and a coming festival's usual uplift), soonest
// to run out first; those that run out within the days chosen are marked, in words and colour.
import { FESTIVAL_WINDOWS, type FestivalKind } from '../../contracts/festivals.ts';
import { addDays } from '../../contracts/time.ts';
import type { RestockResponse } from '../../contracts/workspace.ts';
import { h, table } from '../dom.ts';
import { signedPct, t, type Lang } from '../i18n.ts';
import { emptyNode, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { apiPath, load, pickControl, workspacePage, wsUrl } from './frame.ts';
import { subCategoryName } from './category-names.ts';
import { wsKnown, wst } from './strings.ts';

const WITHIN = [3, 7, 14];

/** Soonest to run out first; what does not sell (no date) last. */
export function byRunOut(a: RestockResponse['items'][number], b: RestockResponse['items'][number]): number {
  if (a.runsOutOn === b.runsOutOn) return a.name.localeCompare(b.name);
  if (a.runsOutOn === null) return 1;
  if (b.runsOutOn === null) return -1;
  return a.runsOutOn < b.runsOutOn ? -1 : 1;
}

export async function drawRestock(ctx: ViewContext, stores: string): Promise<void> {
  const { lang } = ctx;
  const within = WITHIN.map(String).includes(ctx.search.get('within') ?? '') ? ctx.search.get('within')! : '7';
  const section = workspacePage(ctx, '/workspace/restock', stores);
  const d = await load<RestockResponse>(ctx, section, apiPath(stores, 'restock', { within }), () => void drawRestock(ctx, stores));
  if (!d) return;
  document.title = `${wst(lang, 'ws.restockTitle')} · ${t(lang, 'appName')}`;
  const head = [
    h('h1', {}, wst(lang, 'ws.restockTitle')),
    d.asOf ? h('p', { class: 'muted' }, wst(lang, 'ws.asOf', { day: d.asOf })) : null,
    h('div', { class: 'controls' }, pickControl('ws-within', wst(lang, 'ws.within'), within, WITHIN.map((n) => [String(n), wst(lang, 'ws.withinN', { n })]),
      (v) => ctx.navigate(wsUrl('/workspace/restock', stores, { within: v === '7' ? undefined : v })))),
  ].filter((n): n is NonNullable<typeof n> => n !== null);
  if (d.items.length === 0) return setViewState(section, 'empty', ...head, emptyNode(lang, wst(lang, 'ws.noRestock')));

  const items = [...d.items].sort(byRunOut);
  const alerts = items.filter((i) => i.alert).length;
  const rows = items.map((i) => [
    h('span', { class: 'ws-product' }, i.alert ? h('strong', { class: 'ws-alert-tag' }, `⚠ ${wst(lang, 'ws.alert')}`) : null, i.name, h('small', {}, subCategoryName(i.category, lang))),
    i.beyondDelivery ? h('span', { class: 'muted', title: wst(lang, 'ws.beyondDeliveryWhy', { qty: i.deliveredQty }) }, wst(lang, 'ws.beyondDelivery'))
      : h('span', { class: 'nowrap' }, i.runsOutOn ?? wst(lang, 'ws.notSelling')),
    i.coverDays === null ? '—' : wst(lang, 'ws.days', { n: i.coverDays.toFixed(1) }),
    i.ratePerDay.toFixed(1),
    h('span', { class: 'nowrap' }, i.lastDeliveryDay, h('small', { class: 'ws-sub' }, wst(lang, 'ws.deliveredQty', { n: i.deliveredQty.toLocaleString() }))),
    i.festival && i.upliftPct !== null ? festivalUplift(lang, i.festival, i.upliftPct, i.runsOutOn !== null) : '',
  ]);
  const tbl = table([wst(lang, 'ws.product'), wst(lang, 'ws.runsOut'), wst(lang, 'ws.cover'), wst(lang, 'ws.rate'), wst(lang, 'ws.lastDelivery'), wst(lang, 'ws.festival')], rows,
    { caption: alerts > 0 ? wst(lang, 'ws.alerts', { n: alerts, within, total: items.length }) : wst(lang, 'ws.noAlerts', { within, total: items.length }), numeric: [2, 3], className: 'data ws-restock' });
  tbl.querySelectorAll('tbody tr').forEach((tr, n) => {
    const item = items[n]!;
    tr.setAttribute('data-sku', item.sku);
    if (item.alert) tr.classList.add('alert');
  });
  setViewState(section, 'ready', ...head, h('div', { class: 'table-scroll', tabindex: 0 }, tbl));
}

/** `spring_festival:2027-02-06` (the API's kind and day) as the days the uplift is for, 春节前
 *  1月23日–2月5日 +35% (the festival's day alone read as if sales rose on it), and what the figure is. */
export function festivalWords(lang: Lang, festival: string, upliftPct: number, runsOut: boolean): { text: string; why: string | null } {
  const [kind, day] = festival.split(':');
  const pct = signedPct(upliftPct / 100);
  const w = FESTIVAL_WINDOWS[kind as FestivalKind];
  if (!w || !day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return { text: `${wsKnown(lang, `ws.marker.${kind}`, kind!)} ${pct}`, why: null };
  const words = (key: 'window' | 'marker') => wst(lang, `ws.${key}.${kind as FestivalKind}`);
  return {
    text: wst(lang, 'ws.uplift', { window: words('window'), from: shortDay(lang, addDays(day, w.from)), to: shortDay(lang, addDays(day, w.to)), pct }),
    // The run-out day allows for it only where there is one ("no estimate" rows carry the festival too).
    why: wst(lang, 'ws.upliftWhy', { festival: words('marker'), day: shortDay(lang, day),
      change: wst(lang, Math.round(upliftPct) === 0 ? 'ws.upliftSame' : upliftPct > 0 ? 'ws.upliftUp' : 'ws.upliftDown', { pct: Math.abs(Math.round(upliftPct)) }) })
      + (runsOut ? wst(lang, 'ws.upliftApplied') : ''),
  };
}

function festivalUplift(lang: Lang, festival: string, upliftPct: number, runsOut: boolean): HTMLElement {
  const { text, why } = festivalWords(lang, festival, upliftPct, runsOut);
  return h('span', why ? { title: why } : {}, text);
}

const shortDay = (lang: Lang, day: string) => (lang === 'zh' ? `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
  : new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }));
