// Downstream (工业品下乡): what the distributors and the county warehouse deliver, by supplier and
// by category (to the township stations against the village shops), and how often each village is
// restocked: the villages least recently supplied first, those past `days` marked.
import type { DownstreamResponse } from '../../contracts/flows.ts';
import { createRankBars } from '../charts/rank-bars.ts';
import { h, table } from '../dom.ts';
import { formatYuan, hasMessage, t, type Lang, type MessageKey } from '../i18n.ts';
import { setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { subCategoryName } from '../workspace/category-names.ts';
import { areaPicker, flowsPage, flowsState, flowsUrl, load, monthRange, pickControl, present } from './frame.ts';
import { flt } from './strings.ts';
import { formatCount, formatWeight } from './units.ts';

const DAY_CHOICES = [7, 14, 30, 60, 90];

// As web/format.ts has it; not imported from there, which would make that module a chunk of its own.
const storeType = (type: string, lang: Lang) => (hasMessage(`type.${type}`) ? t(lang, `type.${type}` as MessageKey) : type);

export async function drawDownstream(ctx: ViewContext): Promise<void> {
  const { lang, search } = ctx;
  const state = flowsState(ctx);
  const asked = Number(search.get('days') ?? 14);
  const days = Number.isInteger(asked) && asked >= 1 && asked <= 365 ? asked : 14;
  const here = (patch: Record<string, string>) => flowsUrl('/flows/downstream', { ...state, ...patch }, { days: patch.days ?? (days === 14 ? '' : days) });
  const section = flowsPage(ctx, '/flows/downstream', state);
  const data = await load<DownstreamResponse>(ctx, section, flowsUrl('/api/flows/downstream', state, { days }), () => void drawDownstream(ctx));
  if (!data) return;
  document.title = `${flt(lang, 'fl.downTitle', { area: data.area.name })} · ${t(lang, 'nav.flows')}`;

  const head = h('div', { class: 'fl-head' }, h('h1', {}, flt(lang, 'fl.downTitle', { area: data.area.name })),
    h('p', { class: 'caption' }, [flt(lang, 'fl.period', { from: data.from, to: data.to }), data.asOf ? flt(lang, 'fl.asOf', { day: data.asOf }) : ''].filter(Boolean).join(' · ')));
  const controls = h('div', { class: 'controls fl-controls' },
    areaPicker(ctx, state, (area) => ctx.navigate(here({ area }))),
    monthRange(lang, data.from, data.to, (from, to) => ctx.navigate(here({ from, to }))),
    pickControl('fl-days', flt(lang, 'fl.days'), String(days), [...new Set([...DAY_CHOICES, days])].sort((a, b) => a - b).map((d) => [String(d), flt(lang, 'fl.daysN', { n: d })]),
      (d) => ctx.navigate(here({ days: d === '14' ? '' : d }))));
  const kpis = h('dl', { class: 'kpis fl-kpis' },
    h('div', {}, h('dt', {}, flt(lang, 'fl.amount')), h('dd', {}, formatYuan(data.totals.amountFen))),
    h('div', {}, h('dt', {}, flt(lang, 'fl.weight')), h('dd', {}, formatWeight(data.totals.weightG, lang))),
    h('div', {}, h('dt', {}, flt(lang, 'fl.orders')), h('dd', {}, formatCount(data.totals.orders, lang))));
  if (data.totals.orders === 0 && data.villages.length === 0) {
    const empty = h('div', { class: 'status empty' }, h('div', { class: 'status-title' }, t(lang, 'empty')), h('div', { class: 'status-hint' }, t(lang, 'emptyHint')));
    return setViewState(section, 'empty', head, controls, empty);
  }

  const sellers = h('section', { class: 'fl-sellers' }, h('h2', {}, flt(lang, 'fl.bySeller')),
    createRankBars(data.bySeller.map((s) => ({ code: s.sellerId, name: s.name, value: s.amountFen })), { format: formatYuan, label: flt(lang, 'fl.bySeller') }),
    h('details', {}, h('summary', {}, flt(lang, 'fl.bySeller')), h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.seller'), flt(lang, 'fl.sellerType'), flt(lang, 'fl.amount'), flt(lang, 'fl.weight'), flt(lang, 'fl.orders')],
      data.bySeller.map((s) => [s.name, storeType(s.type, lang), formatYuan(s.amountFen), formatWeight(s.weightG, lang), formatCount(s.orders, lang)]),
      { numeric: [2, 3, 4], className: 'data fl-seller-table' }))));

  const categories = h('section', { class: 'fl-down-categories' }, h('h2', {}, flt(lang, 'fl.byCategoryDown')),
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [t(lang, 'category'), flt(lang, 'fl.toStations'), flt(lang, 'fl.toShops'), flt(lang, 'fl.split')],
      [...data.byCategory].sort((a, b) => (b.toStations.amountFen + b.toShops.amountFen) - (a.toStations.amountFen + a.toShops.amountFen)).map((c) => {
        const total = Math.max(1, c.toStations.amountFen + c.toShops.amountFen);
        const bar = h('span', { class: 'fl-split', 'aria-hidden': 'true' }, h('span', { class: 'stations' }), h('span', { class: 'shops' }));
        (bar.firstChild as HTMLElement).style.width = `${((c.toStations.amountFen / total) * 100).toFixed(1)}%`;
        (bar.lastChild as HTMLElement).style.width = `${((c.toShops.amountFen / total) * 100).toFixed(1)}%`;
        return [subCategoryName(c.category, lang), formatYuan(c.toStations.amountFen), formatYuan(c.toShops.amountFen), bar];
      }), { numeric: [1, 2], className: 'data fl-category-table' })));

  const late = (v: DownstreamResponse['villages'][number]) => v.daysSince === null || v.daysSince > days;
  const villages = [...data.villages].sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.code.localeCompare(b.code));
  const villageSection = h('section', { class: 'fl-villages' }, h('h2', {}, flt(lang, 'fl.villages')),
    h('p', { class: data.notRestocked > 0 ? 'fl-alert' : 'hint', 'data-not-restocked': data.notRestocked },
      flt(lang, 'fl.notRestocked', { n: data.notRestocked, days, asOf: data.asOf ?? '—' })),
    villageTable(villages.filter(late)),
    // The villages restocked in time are many (hundreds in a county): folded, so the late ones lead.
    villages.some((v) => !late(v)) ? h('details', { class: 'fl-other-villages' }, h('summary', {}, flt(lang, 'fl.otherVillages', { n: villages.filter((v) => !late(v)).length })),
      villageTable(villages.filter((v) => !late(v)))) : null);

  setViewState(section, 'ready', ...present(head, controls, kpis, h('div', { class: 'fl-pair' }, sellers, categories), villageSection));

  function villageTable(rows: DownstreamResponse['villages']): HTMLElement {
    const box = h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.village'), flt(lang, 'fl.township'), flt(lang, 'fl.shops'), flt(lang, 'fl.deliveryDays'), flt(lang, 'fl.lastDelivery'), flt(lang, 'fl.daysSince')],
      rows.map((v) => [
        h('span', { 'data-code': v.code }, v.name, late(v) ? h('span', { class: 'tag late' }, flt(lang, 'fl.notRestockedMark', { days })) : null),
        v.township, v.shops, v.deliveryDays, v.lastDelivery ?? flt(lang, 'fl.never'), v.daysSince ?? '—']),
      { numeric: [2, 3, 5], className: 'data fl-village-table' }));
    rows.forEach((v, i) => { if (late(v)) box.querySelectorAll('tbody tr')[i]?.classList.add('late'); });
    return box;
  }
}
