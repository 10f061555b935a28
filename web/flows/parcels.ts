// Parcels against flows: the parcels collected at an area's stations each month beside the online
// upstream orders of its sellers, as paired bars (small SVG, no library) and a table; the months
// where the two disagree by more than DISAGREE_PCT are banded and named.
import type { ParcelsVsOrdersResponse } from '../../contracts/flows.ts';
import { contentWidth, h, table } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import { setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { areaPicker, flowsPage, flowsState, flowsUrl, load, monthRange, present } from './frame.ts';
import { flt } from './strings.ts';
import { formatCount } from './units.ts';

export const DISAGREE_PCT = 20; // a gap beyond a fifth of the larger figure is more than day-to-day noise

type Month = ParcelsVsOrdersResponse['months'][number];

/** Whether parcels and orders of a month disagree: the gap over DISAGREE_PCT of the larger of them. */
export const disagrees = (m: Pick<Month, 'parcelsOut' | 'onlineOrders'>) =>
  Math.abs(m.parcelsOut - m.onlineOrders) * 100 > DISAGREE_PCT * Math.max(m.parcelsOut, m.onlineOrders);

export async function drawParcels(ctx: ViewContext): Promise<void> {
  const { lang } = ctx;
  const state = flowsState(ctx);
  const here = (patch: Record<string, string>) => flowsUrl('/flows/parcels', { ...state, ...patch });
  const section = flowsPage(ctx, '/flows/parcels', state);
  const data = await load<ParcelsVsOrdersResponse>(ctx, section, flowsUrl('/api/flows/parcels-vs-orders', state), () => void drawParcels(ctx));
  if (!data) return;
  document.title = `${flt(lang, 'fl.parcelsTitle', { area: data.area.name })} · ${t(lang, 'nav.flows')}`;
  const head = h('div', { class: 'fl-head' }, h('h1', {}, flt(lang, 'fl.parcelsTitle', { area: data.area.name })),
    h('p', { class: 'caption' }, flt(lang, 'fl.period', { from: data.from, to: data.to })),
    h('p', { class: 'hint' }, flt(lang, 'fl.parcelsHint', { pct: DISAGREE_PCT })));
  const controls = h('div', { class: 'controls fl-controls' },
    areaPicker(ctx, state, (area) => ctx.navigate(here({ area }))),
    monthRange(lang, data.from, data.to, (from, to) => ctx.navigate(here({ from, to }))));
  if (data.months.every((m) => m.parcelsOut === 0 && m.onlineOrders === 0)) {
    const empty = h('div', { class: 'status empty' }, h('div', { class: 'status-title' }, t(lang, 'empty')), h('div', { class: 'status-hint' }, t(lang, 'emptyHint')));
    return setViewState(section, 'empty', head, controls, empty);
  }
  const off = data.months.filter(disagrees);
  const width = Math.min(640, Math.max(300, (contentWidth(ctx.main) || 640) - 4));
  const bars = pairedBars(data.months, width, lang, flt(lang, 'fl.parcelsAlt', { area: data.area.name }));
  const legend = h('p', { class: 'fl-legend' }, h('span', { class: 'swatch parcels' }), flt(lang, 'fl.parcelsOut'), h('span', { class: 'swatch orders' }), flt(lang, 'fl.onlineOrders'),
    h('span', { class: 'swatch disagree' }), flt(lang, 'fl.disagree'));
  const note = h('p', { class: off.length > 0 ? 'fl-alert' : 'hint', 'data-disagree': off.length }, flt(lang, 'fl.disagreeN', { n: off.length, pct: DISAGREE_PCT }));
  const rows = h('div', { class: 'table-scroll', tabindex: 0 }, table(
    [flt(lang, 'fl.month'), flt(lang, 'fl.parcelsOut'), flt(lang, 'fl.onlineOrders'), flt(lang, 'fl.gap'), flt(lang, 'fl.ratio'), ''],
    data.months.map((m) => [m.month, formatCount(m.parcelsOut, lang), formatCount(m.onlineOrders, lang), `${m.gap > 0 ? '+' : ''}${formatCount(m.gap, lang)}`,
      m.ratio === null ? '—' : m.ratio.toFixed(2), disagrees(m) ? h('span', { class: 'tag late' }, flt(lang, 'fl.disagree')) : '']),
    { numeric: [1, 2, 3, 4], className: 'data fl-parcels-table' }));
  data.months.forEach((m, i) => { if (disagrees(m)) rows.querySelectorAll('tbody tr')[i]?.classList.add('late'); });
  setViewState(section, 'ready', ...present(head, controls, note, legend, bars, rows));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** One row per month: parcels over orders, each bar to scale, its figure at its end. */
function pairedBars(months: readonly Month[], width: number, lang: Lang, label: string): SVGSVGElement {
  const row = 32;
  const left = 62;
  const right = 56;
  const top = Math.max(1, ...months.flatMap((m) => [m.parcelsOut, m.onlineOrders]));
  const scale = (v: number) => ((width - left - right) * v) / top;
  const chart = svg('svg', { class: 'fl-bars', width, height: months.length * row + 4, viewBox: `0 0 ${width} ${months.length * row + 4}`, role: 'img', 'aria-label': label });
  months.forEach((m, i) => {
    const y = i * row + 2;
    const g = svg('g', { class: `month${disagrees(m) ? ' disagree' : ''}`, 'data-month': m.month });
    if (disagrees(m)) g.append(svg('rect', { class: 'band', x: 0, y, width, height: row - 2 }));
    g.append(svg('text', { class: 'month-label', x: 4, y: y + row / 2 + 2 }, m.month));
    for (const [j, kind, value] of [[0, 'parcels', m.parcelsOut], [1, 'orders', m.onlineOrders]] as const) {
      const by = y + 4 + j * 12;
      g.append(svg('rect', { class: `bar ${kind}`, x: left, y: by, width: Math.max(0.5, scale(value)).toFixed(1), height: 10 }),
        svg('text', { class: 'bar-value', x: (left + scale(value) + 4).toFixed(1), y: by + 9 }, formatCount(value, lang)));
    }
    chart.append(g);
  });
  return chart;
}
