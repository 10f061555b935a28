// Price bands: for one of my products (or a category), the unit prices paid at the other outlets
// of my township or county, as units per price band, with my own average price on it, the
// quartiles and the share of units sold cheaper than mine. Withheld where too few others sell it.
import { TOP_CATEGORIES } from '../../contracts/categories.ts';
import type { PricesResponse } from '../../contracts/workspace.ts';
import type { ApiRequestError } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { formatYuan, paren, t } from '../i18n.ts';
import { setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { apiPath, K, load, periodText, pickControl, present, workspacePage, wsUrl } from './frame.ts';
import { createPriceBandsChart } from './price-bands-chart.ts';
import { subCategoryName } from './category-names.ts';
import { wst } from './strings.ts';

// Whole 4-week periods: the area's figures are cut into them (api/workspace/periods.ts).
const WEEKS = [4, 8, 12, 24, 52];

// A link from before the periods (13 or 26 weeks) opens on the longest window of the picker it
// covers, not on the API's refusal; whole periods the API takes (16, 20 ...) are kept as asked;
// anything else unreadable opens on the default 8.
function weeksFromLink(raw: string | null): string {
  const asked = Number(raw);
  if (!raw || !Number.isInteger(asked)) return '';
  if (asked % 4 === 0 && asked >= 4 && asked <= 52) return asked === 8 ? '' : String(asked);
  const fit = WEEKS.filter((n) => n <= asked).at(-1);
  return fit === undefined || fit === 8 ? '' : String(fit);
}

export async function drawPrices(ctx: ViewContext, stores: string, unknownSku?: string): Promise<void> {
  const { lang, search } = ctx;
  const q = { sku: unknownSku === undefined ? search.get('sku') ?? '' : '', category: search.get('category') ?? '', scope: search.get('scope') === 'county' ? 'county' : '', weeks: weeksFromLink(search.get('weeks')) };
  const section = workspacePage(ctx, '/workspace/prices', stores);
  // A link naming a product the platform does not know (an old or mistyped link) opens on the
  // default product, and says so, rather than on a refusal with nothing to pick from.
  const unknownProduct = (e: ApiRequestError) => {
    if (e.status !== 400 || e.field !== 'sku' || q.sku === '') return false;
    void drawPrices(ctx, stores, q.sku);
    return true;
  };
  const d = await load<PricesResponse>(ctx, section, apiPath(stores, 'prices', q), () => void drawPrices(ctx, stores), unknownProduct);
  if (!d) return;
  document.title = `${wst(lang, 'ws.tab.prices')} · ${d.name} · ${t(lang, 'appName')}`;
  const go = (patch: Partial<typeof q>) => ctx.navigate(wsUrl('/workspace/prices', stores, { ...q, ...patch }));

  // One picker for a product (sku:…) or a whole category (category:…); my products first.
  const picked = d.sku ? `sku:${d.sku}` : d.category ? `category:${d.category}` : '';
  const pick = h('select', { id: 'ws-pick', name: 'pick' },
    h('optgroup', { label: wst(lang, 'ws.product') }, d.choices.map((c) => h('option', { value: `sku:${c.sku}`, selected: picked === `sku:${c.sku}` }, `${c.name}${paren(lang, subCategoryName(c.category, lang))}`))),
    h('optgroup', { label: t(lang, 'category') }, TOP_CATEGORIES.map((c) => h('option', { value: `category:${c.code}`, selected: picked === `category:${c.code}` }, wst(lang, 'ws.byCategory', { name: subCategoryName(c.code, lang) })))));
  pick.addEventListener('change', () => {
    const [kind, value] = pick.value.split(/:(.*)/s) as [string, string];
    go(kind === 'sku' ? { sku: value, category: '' } : { sku: '', category: value });
  });
  const controls = h('div', { class: 'controls' },
    h('label', { for: 'ws-pick', class: 'ws-pick' }, h('span', {}, wst(lang, 'ws.pick')), pick),
    pickControl('ws-scope', wst(lang, 'ws.scope'), d.scope, [['cluster', wst(lang, 'ws.scope.cluster')], ['county', wst(lang, 'ws.scope.county')]],
      (v) => go({ scope: v === 'cluster' ? '' : v })),
    pickControl('ws-weeks', wst(lang, 'ws.weeks'), q.weeks || '8', WEEKS.map((n) => [String(n), wst(lang, 'ws.weeksN', { n })]), (v) => go({ weeks: v === '8' ? '' : v })));

  const head = [
    unknownSku === undefined ? null : h('p', { class: 'notice ws-unknown-sku', role: 'note' }, wst(lang, 'ws.unknownSku', { sku: unknownSku })),
    h('h1', {}, wst(lang, 'ws.pricesTitle', { name: d.sku ? d.name : subCategoryName(d.category ?? d.name, lang) })),
    h('p', { class: 'muted' }, `${d.area.name} · ${periodText(lang, d.from, d.to)} · ${wst(lang, 'ws.otherOutlets', { n: d.outlets })}`),
    controls,
  ];
  // A category's unit prices mix sizes: my average there is said as what it is (the API gives no
  // "cheaper than yours" for it).
  const mixed = !d.sku;
  const mine = d.mine
    ? h('p', { class: 'ws-mine' }, wst(lang, mixed ? 'ws.myMixLine' : 'ws.myPriceLine', { price: formatYuan(d.mine.priceFen), qty: `${d.mine.qty.toLocaleString()} ${t(lang, 'units')}` }),
      d.mine.belowPct === null ? '' : ` ${wst(lang, 'ws.belowPct', { pct: d.mine.belowPct.toFixed(1) })}`)
    : h('p', { class: 'muted' }, wst(lang, 'ws.noMine'));
  const leftOut = d.leftOut > 0 ? h('p', { class: 'note ws-prices-left-out' }, wst(lang, 'ws.pricesLeftOut', { n: d.leftOut, k: K })) : null;
  if (d.withheld) {
    const why = wst(lang, d.reason === 'period' ? 'ws.pricesWithheldPeriod' : 'ws.pricesWithheld', { k: K, n: d.outlets });
    return setViewState(section, 'ready', ...present(...head, h('p', { class: 'note ws-prices-withheld', role: 'note' }, why), leftOut, mine));
  }
  const quartiles = d.quartiles
    ? h('p', { class: 'ws-quartiles' }, wst(lang, 'ws.quartiles', { p25: formatYuan(d.quartiles.p25), median: formatYuan(d.quartiles.median), p75: formatYuan(d.quartiles.p75) }))
    : null;
  const bandsTable = h('details', { class: 'ws-more' }, h('summary', {}, wst(lang, 'ws.dataTable')),
    h('div', { class: 'table-scroll', tabindex: 0 }, table([wst(lang, 'ws.band'), wst(lang, 'ws.units')],
      d.bands.map((b) => [`${formatYuan(b.lowFen)} – ${formatYuan(b.highFen)}`, b.qty.toLocaleString()]), { numeric: [1], className: 'data ws-bands-table' })));
  setViewState(section, 'ready', ...present(...head, mine,
    h('figure', { class: 'ws-figure' }, createPriceBandsChart(d, lang, section.clientWidth || ctx.main.clientWidth || 360), h('figcaption', {}, wst(lang, 'ws.bandsChart'))),
    quartiles, leftOut, bandsTable));
}
