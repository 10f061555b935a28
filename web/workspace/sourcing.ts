// Sourcing: per category, the distributors that delivered it to shops of my county, and per
// product the lowest, median and highest wholesale unit price, given only where at least
// K_DISTRIBUTORS distributors stand behind it.
import { TOP_CATEGORIES } from '../../contracts/categories.ts';
import type { SourcingResponse } from '../../contracts/workspace.ts';
import { h, table } from '../dom.ts';
import { categoryName, colon, formatYuan, listSep, paren, t } from '../i18n.ts';
import { emptyNode, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { apiPath, K, load, periodText, pickControl, workspacePage, wsUrl } from './frame.ts';
import { wst } from './strings.ts';

const WEEKS = [4, 12, 26, 52];

export async function drawSourcing(ctx: ViewContext, stores: string): Promise<void> {
  const { lang, search } = ctx;
  const q = { category: search.get('category') ?? '', weeks: search.get('weeks') ?? '' };
  const section = workspacePage(ctx, '/workspace/sourcing', stores);
  const d = await load<SourcingResponse>(ctx, section, apiPath(stores, 'sourcing', q), () => void drawSourcing(ctx, stores));
  if (!d) return;
  document.title = `${wst(lang, 'ws.tab.sourcing')} · ${t(lang, 'appName')}`;
  const go = (patch: Partial<typeof q>) => ctx.navigate(wsUrl('/workspace/sourcing', stores, { ...q, ...patch }));
  const head = [
    h('h1', {}, wst(lang, 'ws.sourcingTitle', { county: d.county.name })),
    h('p', { class: 'hint' }, `${wst(lang, 'ws.sourcingHint')}${paren(lang, periodText(lang, d.from, d.to))}`),
    h('div', { class: 'controls' },
      pickControl('ws-category', t(lang, 'category'), q.category, [['', wst(lang, 'ws.allCategories')], ...TOP_CATEGORIES.map((c): [string, string] => [c.code, categoryName(c.code, lang)])],
        (v) => go({ category: v })),
      pickControl('ws-weeks', wst(lang, 'ws.weeks'), q.weeks || '12', WEEKS.map((n) => [String(n), wst(lang, 'ws.weeksN', { n })]), (v) => go({ weeks: v === '12' ? '' : v }))),
  ];
  if (d.categories.length === 0) return setViewState(section, 'empty', ...head, emptyNode(lang, wst(lang, 'ws.noSourcing')));
  const withheld = wst(lang, 'ws.sourcingWithheld', { k: d.k });
  // Units delivered to fewer than k other shops are those shops' purchases: not shown.
  const units = (qty: number | null) => (qty === null ? h('span', { class: 'muted', title: wst(lang, 'ws.unitsWithheld', { k: K }) }, '—') : qty.toLocaleString());
  // Folded per category (a county has a dozen, each with its products), the first one open.
  setViewState(section, 'ready', ...head, ...d.categories.map((c, n) => h('details', { class: 'ws-sourcing', 'data-category': c.category, open: n === 0 || d.categories.length === 1 },
    h('summary', {}, h('span', { class: 'ws-sourcing-name' }, categoryName(c.category, lang)),
      h('span', { class: 'muted' }, ` · ${wst(lang, 'ws.distributors')} ${c.distributors.length} · ${wst(lang, 'ws.skuCount', { n: c.skus.length })}`)),
    h('p', { class: 'ws-distributors' }, h('span', { class: 'muted' }, `${wst(lang, 'ws.distributors')}${paren(lang, c.distributors.length)}${colon(lang)}`), c.distributors.map((x) => x.name).join(listSep(lang))),
    h('div', { class: 'table-scroll', tabindex: 0 }, joinWithheld(table(
      [wst(lang, 'ws.product'), wst(lang, 'ws.distributorCount'), wst(lang, 'ws.min'), wst(lang, 'ws.median'), wst(lang, 'ws.max'), wst(lang, 'ws.units')],
      c.skus.map((s) => s.withheld || s.minFen === null || s.medianFen === null || s.maxFen === null
        ? [s.name, s.distributors, h('span', { class: 'muted ws-withheld' }, withheld), '', '', units(s.qty)]
        : [s.name, s.distributors, formatYuan(s.minFen), formatYuan(s.medianFen), formatYuan(s.maxFen), units(s.qty)]),
      { numeric: [1, 2, 3, 4, 5], className: 'data ws-sourcing-table' }))))));
}

/** A withheld product's three price cells become one, saying why. */
function joinWithheld(tbl: HTMLTableElement): HTMLTableElement {
  for (const note of tbl.querySelectorAll('.ws-withheld')) {
    const cell = note.parentElement as HTMLTableCellElement;
    cell.colSpan = 3;
    cell.classList.remove('num');
    cell.nextElementSibling?.remove();
    cell.nextElementSibling?.remove();
  }
  return tbl;
}
