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

export const DISAGREE_PCT = 20; // a ratio a fifth off the area's usual one is more than month-to-month noise

type Month = ParcelsVsOrdersResponse['months'][number];
type Counts = Pick<Month, 'parcelsOut' | 'onlineOrders'> & { partial?: boolean };

/** The area's usual parcels per order: the median ratio of the months with both. A station's
 *  parcels are never only its sellers' orders (people post parcels too, an order may ship in two),
 *  so the two differ every month by about the same factor; what deserves a look is a month off it. */
export function usualRatio(months: readonly Counts[]): number | null {
  const ratios = months.filter((m) => !m.partial && m.parcelsOut > 0 && m.onlineOrders > 0).map((m) => m.parcelsOut / m.onlineOrders).sort((a, b) => a - b);
  if (ratios.length === 0) return null;
  const mid = Math.floor(ratios.length / 2);
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

/** Whether a month's parcels and orders disagree: one without the other, or a ratio more than
 *  DISAGREE_PCT from the usual one (with no usual ratio: a gap over DISAGREE_PCT of the larger). */
export function disagrees(m: Counts, usual: number | null): boolean {
  if (m.partial) return false; // a month under way: the stations' parcels come in after it
  if (m.parcelsOut === 0 && m.onlineOrders === 0) return false;
  if (m.parcelsOut === 0 || m.onlineOrders === 0) return true;
  if (usual === null) return Math.abs(m.parcelsOut - m.onlineOrders) * 100 > DISAGREE_PCT * Math.max(m.parcelsOut, m.onlineOrders);
  return Math.abs(m.parcelsOut / m.onlineOrders / usual - 1) * 100 > DISAGREE_PCT;
}

export async function drawParcels(ctx: ViewContext): Promise<void> {
  const { lang } = ctx;
  const state = flowsState(ctx);
  const here = (patch: Record<string, string>) => flowsUrl('/flows/parcels', { ...state, ...patch });
  const section = flowsPage(ctx, '/flows/parcels', state);
  const data = await load<ParcelsVsOrdersResponse>(ctx, section, flowsUrl('/api/flows/parcels-vs-orders', state), () => void drawParcels(ctx));
  if (!data) return;
  document.title = `${flt(lang, 'fl.parcelsTitle', { area: data.area.name })} · ${t(lang, 'nav.flows')}`;
  const usual = usualRatio(data.months);
  const off = data.months.filter((m) => disagrees(m, usual));
  const head = h('div', { class: 'fl-head' }, h('h1', {}, flt(lang, 'fl.parcelsTitle', { area: data.area.name })),
    h('p', { class: 'caption' }, flt(lang, 'fl.period', { from: data.from, to: data.to })),
    h('p', { class: 'hint' }, flt(lang, 'fl.parcelsHint', { pct: DISAGREE_PCT, usual: usual === null ? '—' : usual.toFixed(2) })));
  const controls = h('div', { class: 'controls fl-controls' },
    areaPicker(ctx, state, (area) => ctx.navigate(here({ area }))),
    monthRange(lang, data.from, data.to, (from, to) => ctx.navigate(here({ from, to }))));
  if (data.months.every((m) => m.parcelsOut === 0 && m.onlineOrders === 0)) {
    const empty = h('div', { class: 'status empty' }, h('div', { class: 'status-title' }, t(lang, 'empty')), h('div', { class: 'status-hint' }, t(lang, 'emptyHint')));
    return setViewState(section, 'empty', head, controls, empty);
  }
  const width = Math.min(640, Math.max(300, (contentWidth(ctx.main) || 640) - 4));
  const bars = pairedBars(data.months, usual, width, lang, flt(lang, 'fl.parcelsAlt', { area: data.area.name }));
  const legend = h('p', { class: 'fl-legend' }, h('span', { class: 'swatch parcels' }), flt(lang, 'fl.parcelsOut'), h('span', { class: 'swatch orders' }), flt(lang, 'fl.onlineOrders'),
    h('span', { class: 'swatch disagree' }), flt(lang, 'fl.disagree'));
  const note = h('p', { class: off.length > 0 ? 'fl-alert' : 'hint', 'data-disagree': off.length }, flt(lang, 'fl.disagreeN', { n: off.length, pct: DISAGREE_PCT }));
  const rows = h('div', { class: 'table-scroll', tabindex: 0 }, table(
    [flt(lang, 'fl.month'), flt(lang, 'fl.parcelsOut'), flt(lang, 'fl.onlineOrders'), flt(lang, 'fl.gap'), flt(lang, 'fl.ratio'), t(lang, 'statusCol')],
    data.months.map((m) => [m.month, formatCount(m.parcelsOut, lang), formatCount(m.onlineOrders, lang), `${m.gap > 0 ? '+' : ''}${formatCount(m.gap, lang)}`,
      m.ratio === null ? '—' : m.ratio.toFixed(2), disagrees(m, usual) ? h('span', { class: 'tag late' }, flt(lang, 'fl.disagree'))
        : m.partial ? h('span', { class: 'tag', title: flt(lang, 'fl.partialParcels') }, flt(lang, 'fl.soFarTag')) : '']),
    { numeric: [1, 2, 3, 4], className: 'data fl-parcels-table' }));
  data.months.forEach((m, i) => { if (disagrees(m, usual)) rows.querySelectorAll('tbody tr')[i]?.classList.add('late'); });
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
function pairedBars(months: readonly Month[], usual: number | null, width: number, lang: Lang, label: string): SVGSVGElement {
  const row = 32;
  const left = 62;
  const right = 56;
  const top = Math.max(1, ...months.flatMap((m) => [m.parcelsOut, m.onlineOrders]));
  const scale = (v: number) => ((width - left - right) * v) / top;
  const chart = svg('svg', { class: 'fl-bars', width, height: months.length * row + 4, viewBox: `0 0 ${width} ${months.length * row + 4}`, role: 'img', 'aria-label': label });
  months.forEach((m, i) => {
    const y = i * row + 2;
    const g = svg('g', { class: `month${disagrees(m, usual) ? ' disagree' : ''}`, 'data-month': m.month });
    if (disagrees(m, usual)) g.append(svg('rect', { class: 'band', x: 0, y, width, height: row - 2 }));
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
