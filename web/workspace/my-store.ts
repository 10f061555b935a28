// My store: the week's sales against the week before and the same week a year ago, receipts and
// basket; the categories as bars; the best sellers; fast and slow movers with their growth; and
// how customers paid. A week is chosen with ?week= (a Monday); the API's default is the last whole
// week with sales. A week under way is never compared with whole ones: its growth rates stay blank
// and it says which days it covers; beside the last whole week it is shown so far, uncompared.
import type { SummaryResponse } from '../../contracts/workspace.ts';
import { addDays, isoWeek } from '../../contracts/time.ts';
import { pctText } from '../format.ts';
import { h, table } from '../dom.ts';
import { formatYuan, listSep, t, type Lang } from '../i18n.ts';
import { emptyNode, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { linkTo } from '../views/links.ts';
import { createCategoryBars } from './category-bars.ts';
import { apiPath, load, present, storeLine, workspacePage, wsUrl } from './frame.ts';
import { subCategoryName } from './category-names.ts';
import { wsKnown, wst } from './strings.ts';
import { daysSoFar } from '../week-to-date.ts';

const TOP_SKUS = 10;

/** Percent change of `now` against `base`; null where the base is zero. */
export function changePct(now: number, base: number): number | null {
  return base === 0 ? null : ((now - base) / base) * 100;
}

export async function drawMyStore(ctx: ViewContext, stores: string): Promise<void> {
  const { lang } = ctx;
  const week = ctx.search.get('week') ?? '';
  const section = workspacePage(ctx, '/workspace', stores);
  const d = await load<SummaryResponse>(ctx, section, apiPath(stores, 'summary', { week }), () => void drawMyStore(ctx, stores));
  if (!d) return;
  const title = d.stores.length === 1 ? d.stores[0]!.name : d.stores.map((s) => s.name).join(listSep(lang));
  document.title = `${title} · ${wst(lang, 'ws.tab.store')} · ${t(lang, 'appName')}`;

  const weekNav = h('nav', { class: 'ws-week-nav', 'aria-label': wst(lang, 'ws.weekOf', { week: isoWeek(d.week), start: d.week }) },
    linkTo(ctx, wsUrl('/workspace', stores, { week: addDays(d.week, -7) }), wst(lang, 'ws.prevWeek')),
    h('span', { class: 'ws-week' }, wst(lang, 'ws.weekOf', { week: isoWeek(d.week), start: d.week }),
      d.through ? h('small', { class: 'ws-partial' }, ` ${wst(lang, 'ws.partialWeek', { days: daysSoFar(d.through, lang) })}`) : null),
    d.lastSaleDay && addDays(d.week, 7) <= d.lastSaleDay ? linkTo(ctx, wsUrl('/workspace', stores, { week: addDays(d.week, 7) }), wst(lang, 'ws.nextWeek')) : null);
  const head = h('div', { class: 'ws-head' },
    h('h1', {}, title),
    h('p', { class: 'muted' }, [...d.stores.map((s) => storeLine(s, lang)), d.lastSaleDay ? wst(lang, 'ws.lastSale', { day: d.lastSaleDay }) : t(lang, 'noSales')].join(' · ')),
    weekNav);

  if (d.thisWeek.receipts === 0 && d.lastWeek.receipts === 0) {
    return setViewState(section, 'empty', head, emptyNode(lang, wst(lang, 'ws.noSalesWeek')));
  }
  setViewState(section, 'ready', ...present(head, kpiCards(d, lang), categories(d, lang), skus(d, lang),
    movers('fast', d.fastMovers, lang), movers('slow', d.slowMovers, lang), payments(d, lang)));
}

function kpiCards(d: SummaryResponse, lang: Lang): HTMLElement {
  const { thisWeek: w, lastWeek: lw, lastYear: ly } = d;
  const card = (key: string, label: string, value: string, lines: [string, string][], tone?: number | null) =>
    h('article', { class: `kpi-card${tone === undefined || tone === null ? '' : tone >= 0 ? ' up' : ' down'}`, 'data-kpi': key },
      h('h2', {}, label), h('p', { class: 'kpi-value' }, value),
      lines.length > 0 ? h('dl', { class: 'kpi-lines' }, lines.flatMap(([dt, dd]) => [h('dt', {}, dt), h('dd', {}, dd)])) : null);
  const wow = compared(d, w.amountFen, lw.amountFen);
  const yoy = compared(d, w.amountFen, ly.amountFen);
  const basket = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));
  return h('div', { class: 'kpi-cards ws-kpis' },
    card('sales', wst(lang, 'ws.kpi.sales'), formatYuan(w.amountFen), [[wst(lang, 'ws.lastWeekWas'), formatYuan(lw.amountFen)], [wst(lang, 'ws.lastYearWas'), formatYuan(ly.amountFen)]]),
    card('wow', wst(lang, 'ws.kpi.wow'), pctText(wow), [[wst(lang, 'ws.lastWeekWas'), formatYuan(lw.amountFen)]], wow),
    card('yoy', wst(lang, 'ws.kpi.yoy'), pctText(yoy), [[wst(lang, 'ws.lastYearWas'), formatYuan(ly.amountFen)]], yoy),
    card('receipts', wst(lang, 'ws.kpi.receipts'), w.receipts.toLocaleString(), [[wst(lang, 'ws.lastWeekWas'), lw.receipts.toLocaleString()], [wst(lang, 'ws.lastYearWas'), ly.receipts.toLocaleString()]]),
    card('basket', wst(lang, 'ws.kpi.basket'), basket(w.basketFen), [[wst(lang, 'ws.lastWeekWas'), basket(lw.basketFen)], [wst(lang, 'ws.lastYearWas'), basket(ly.basketFen)]]),
    card('qty', wst(lang, 'ws.kpi.qty'), w.qty.toLocaleString(), [[wst(lang, 'ws.lastWeekWas'), lw.qty.toLocaleString()]]),
    d.weekToDate ? card('week-to-date', wst(lang, 'ws.weekToDate', { days: daysSoFar(d.weekToDate.through, lang) }), formatYuan(d.weekToDate.amountFen),
      [[wst(lang, 'ws.kpi.receipts'), d.weekToDate.receipts.toLocaleString()]]) : null);
}

/** A change against a whole week, or null when the week shown is under way (`through`). */
const compared = (d: SummaryResponse, now: number, base: number): number | null => (d.through ? null : changePct(now, base));

function categories(d: SummaryResponse, lang: Lang): HTMLElement | null {
  if (d.categories.length === 0) return null;
  const bars = createCategoryBars(d.categories.map((c) => ({ code: c.category, name: subCategoryName(c.category, lang), fen: c.thisFen, changePct: compared(d, c.thisFen, c.lastWeekFen) })),
    wst(lang, 'ws.categories'));
  const detail = h('details', { class: 'ws-more' }, h('summary', {}, wst(lang, 'ws.categoryTable')),
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [t(lang, 'category'), wst(lang, 'ws.kpi.sales'), wst(lang, 'ws.lastWeekWas'), wst(lang, 'ws.kpi.wow'), wst(lang, 'ws.lastYearWas'), wst(lang, 'ws.kpi.yoy'), wst(lang, 'ws.units')],
      d.categories.map((c) => [subCategoryName(c.category, lang), formatYuan(c.thisFen), formatYuan(c.lastWeekFen), pctText(compared(d, c.thisFen, c.lastWeekFen)),
        formatYuan(c.lastYearFen), pctText(compared(d, c.thisFen, c.lastYearFen)), c.qty.toLocaleString()]),
      { numeric: [1, 2, 3, 4, 5, 6], className: 'data ws-categories', cardsOnPhone: true })));
  return h('section', { class: 'ws-block' }, h('h2', {}, wst(lang, 'ws.categories')), bars, detail);
}

function skus(d: SummaryResponse, lang: Lang): HTMLElement | null {
  if (d.skus.length === 0) return null;
  const head = [wst(lang, 'ws.product'), wst(lang, 'ws.units'), wst(lang, 'ws.sales'), wst(lang, 'ws.lastWeekUnits'), wst(lang, 'ws.salesWow')];
  const row = (s: SummaryResponse['skus'][number]) => [h('span', { class: 'ws-product' }, s.name, h('small', {}, subCategoryName(s.category, lang))),
    s.qty.toLocaleString(), formatYuan(s.amountFen), s.lastWeekQty.toLocaleString(), pctText(compared(d, s.amountFen, s.lastWeekFen))];
  const rest = d.skus.slice(TOP_SKUS);
  return h('section', { class: 'ws-block' },
    h('div', { class: 'table-scroll', tabindex: 0 }, table(head, d.skus.slice(0, TOP_SKUS).map(row), { caption: wst(lang, 'ws.skus'), numeric: [1, 2, 3, 4], className: 'data ws-skus' })),
    rest.length > 0 ? h('details', { class: 'ws-more' }, h('summary', {}, wst(lang, 'ws.moreSkus', { n: rest.length })),
      h('div', { class: 'table-scroll', tabindex: 0 }, table(head, rest.map(row), { numeric: [1, 2, 3, 4], className: 'data ws-skus-more' }))) : null);
}

function movers(kind: 'fast' | 'slow', list: SummaryResponse['fastMovers'], lang: Lang): HTMLElement | null {
  if (list.length === 0) return null;
  return h('div', { class: 'table-scroll ws-block', tabindex: 0 }, table(
    [wst(lang, 'ws.product'), wst(lang, 'ws.qty4w'), wst(lang, 'ws.qtyPrev4w'), wst(lang, 'ws.growth'), wst(lang, 'ws.sales4w')],
    list.map((m) => [h('span', { class: 'ws-product' }, m.name, h('small', {}, subCategoryName(m.category, lang))), m.qty4w.toLocaleString(),
      m.qtyPrev4w.toLocaleString(), h('span', { class: growthClass(m.growthPct) }, pctText(m.growthPct)), formatYuan(m.amount4wFen)]),
    { caption: wst(lang, kind === 'fast' ? 'ws.fast' : 'ws.slow'), numeric: [1, 2, 3, 4], className: `data ws-movers ws-${kind}` }));
}

export const growthClass = (pct: number | null) => (pct === null ? 'muted' : pct >= 0 ? 'ok' : 'bad');

function payments(d: SummaryResponse, lang: Lang): HTMLElement | null {
  if (d.payments.length === 0) return null;
  const name = (p: string) => wsKnown(lang, `ws.pay.${p}`, p);
  // One bar split by share, each part labelled in the table below: the colours are a help, not the only key.
  const bar = h('div', { class: 'ws-paybar', role: 'img', 'aria-label': d.payments.map((p) => `${name(p.payment)} ${p.sharePct.toFixed(1)}%`).join(lang === 'zh' ? '，' : ', ') },
    d.payments.map((p, i) => {
      const part = h('span', { class: `pay-${i % 6}`, title: `${name(p.payment)} ${p.sharePct.toFixed(1)}%` });
      part.style.width = `${p.sharePct}%`;
      return part;
    }));
  return h('section', { class: 'ws-block' }, h('h2', {}, wst(lang, 'ws.paymentMix')), bar,
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [wst(lang, 'ws.payments'), wst(lang, 'ws.receipts'), wst(lang, 'ws.share'), wst(lang, 'ws.sales')],
      d.payments.map((p, i) => [h('span', {}, h('span', { class: `swatch pay-${i % 6}`, 'aria-hidden': 'true' }), name(p.payment)), p.receipts.toLocaleString(),
        `${p.sharePct.toFixed(1)}%`, formatYuan(p.amountFen)]),
      { numeric: [1, 2, 3], className: 'data ws-payments' })));
}
