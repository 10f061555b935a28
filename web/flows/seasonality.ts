// Seasonality: the weight of a product (or category) shipped up to the cities each month, one line
// per year (Vega-Lite, loaded after the page), so wild mushrooms show their summer and the change
// from one year to the next; the months in a table with the year-on-year change.
import type { SeasonalityResponse } from '../../contracts/flows.ts';
import { withQuery } from '../api-client.ts';
import { contentWidth, h, table } from '../dom.ts';
import { formatYuan, listSep, paren, t } from '../i18n.ts';
import { setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { pctText } from '../format.ts';
import { subCategoryName } from '../workspace/category-names.ts';
import { areaPicker, flowsPage, flowsState, load, present } from './frame.ts';
import { lazyChart } from './lazy-chart.ts';
import { peakSeason, seasonPoints, seasonSpec } from './season-spec.ts';
import { flt } from './strings.ts';
import { formatCount, formatWeight } from './units.ts';

export async function drawSeasonality(ctx: ViewContext): Promise<void> {
  const { lang, search } = ctx;
  const state = flowsState(ctx);
  const sku = search.get('sku') ?? '';
  const category = sku ? '' : search.get('category') ?? '';
  const here = (patch: Record<string, string>) => withQuery('/flows/seasonality', { area: state.area, sku, category, ...patch });
  const section = flowsPage(ctx, '/flows/seasonality', state);
  const data = await load<SeasonalityResponse>(ctx, section, withQuery('/api/flows/seasonality', { area: state.area, sku, category }), () => void drawSeasonality(ctx));
  if (!data) return;
  const name = data.sku ? data.name : subCategoryName(data.category ?? data.name, lang);
  document.title = `${flt(lang, 'fl.seasonTitle', { name })} · ${t(lang, 'nav.flows')}`;

  // One picker: the categories of the products with flows, then the products, grouped by category.
  const categories = [...new Set(data.products.map((p) => p.category))].sort();
  // Nothing asked, the API picks the product shipped most: the picker shows what was drawn.
  const value = data.sku ? `sku:${data.sku}` : `cat:${data.category ?? ''}`;
  const tops = [...new Set(categories.map((c) => c.split('.')[0]!))].filter((c) => !categories.includes(c));
  const picker = h('select', { id: 'fl-product', name: 'product' },
    h('optgroup', { label: flt(lang, 'fl.byCategory') }, [...tops, ...categories].map((c) => h('option', { value: `cat:${c}`, selected: value === `cat:${c}` }, subCategoryName(c, lang)))),
    categories.map((c) => h('optgroup', { label: subCategoryName(c, lang) }, data.products.filter((p) => p.category === c)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((p) => h('option', { value: `sku:${p.sku}`, selected: value === `sku:${p.sku}` }, p.name)))));
  picker.addEventListener('change', () => {
    const [kind, code] = picker.value.split(/:(.*)/) as [string, string | undefined];
    ctx.navigate(here({ sku: kind === 'sku' ? code ?? '' : '', category: kind === 'cat' ? code ?? '' : '' }));
  });
  const controls = h('div', { class: 'controls fl-controls' },
    areaPicker(ctx, state, (area) => ctx.navigate(here({ area }))),
    h('label', { for: 'fl-product' }, h('span', {}, flt(lang, 'fl.product')), picker));
  const head = h('div', { class: 'fl-head' }, h('h1', {}, flt(lang, 'fl.seasonTitle', { name })), h('p', { class: 'caption' }, data.area.name));

  const points = seasonPoints(data.months);
  if (data.months.every((m) => m.weightG === 0)) {
    const empty = h('div', { class: 'status empty' }, h('div', { class: 'status-title' }, t(lang, 'empty')), h('div', { class: 'status-hint' }, flt(lang, 'fl.noFlows')));
    return setViewState(section, 'empty', head, controls, empty);
  }
  const peak = peakSeason(points);
  const monthLabel = (n: number) => flt(lang, 'fl.monthN', { n });
  const width = Math.min(640, Math.max(240, (contentWidth(ctx.main) || 640) - 90));
  const chart = lazyChart(seasonSpec(points, { width, month: flt(lang, 'fl.month'), weight: `${flt(lang, 'fl.weight')}${paren(lang, lang === 'zh' ? '公斤' : 'kg')}`, year: flt(lang, 'fl.year'), monthLabel }),
    flt(lang, 'fl.seasonAlt', { name }), lang, ctx.signal);
  const summary = !peak ? null : h('p', { class: 'fl-peak' }, peak.months.length === 0 ? flt(lang, 'fl.noPeak', { year: peak.year })
    : flt(lang, 'fl.peak', { year: peak.year, months: peak.months.map(monthLabel).join(listSep(lang)), share: peak.sharePct }));
  const underWay = data.months.find((m) => m.partial);
  const partialNote = underWay ? h('p', { class: 'hint fl-partial' }, flt(lang, 'fl.partialSeason', { month: underWay.month })) : null;
  const rows = [...data.months].reverse();
  const months = h('div', { class: 'table-scroll', tabindex: 0 }, table(
    [flt(lang, 'fl.month'), flt(lang, 'fl.weight'), flt(lang, 'fl.yoy'), flt(lang, 'fl.amount'), flt(lang, 'fl.orders')],
    rows.map((m) => [m.partial ? flt(lang, 'fl.soFar', { month: m.month }) : m.month, formatWeight(m.weightG, lang), h('span', { class: m.yoyPct === null ? '' : m.yoyPct >= 0 ? 'ok' : 'bad' }, pctText(m.yoyPct)), formatYuan(m.amountFen), formatCount(m.orders, lang)]),
    { caption: flt(lang, 'fl.seasonTable'), numeric: [1, 2, 3, 4], className: 'data fl-months-table' }));
  setViewState(section, 'ready', ...present(head, controls, summary, chart, partialNote, months));
}
