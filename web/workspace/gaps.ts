// What sells nearby that I don't stock: categories and products other outlets of my township (or
// county) sold in the last 8 weeks and that were not on my receipts, by sales, with how many
// outlets sell them and their growth. Items too few other outlets sold are counted, not named.
import type { GapsResponse } from '../../contracts/workspace.ts';
import { pctText } from '../format.ts';
import { h, table } from '../dom.ts';
import { formatYuan, paren, t } from '../i18n.ts';
import { setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { apiPath, load, periodText, pickControl, present, workspacePage, wsUrl } from './frame.ts';
import { linkTo } from '../views/links.ts';
import { growthClass } from './my-store.ts';
import { subCategoryName } from './category-names.ts';
import { wst } from './strings.ts';

export async function drawGaps(ctx: ViewContext, stores: string): Promise<void> {
  const { lang } = ctx;
  const scope = ctx.search.get('scope') === 'county' ? 'county' : 'cluster';
  const section = workspacePage(ctx, '/workspace/gaps', stores);
  const d = await load<GapsResponse>(ctx, section, apiPath(stores, 'gaps', { scope }), () => void drawGaps(ctx, stores));
  if (!d) return;
  document.title = `${wst(lang, 'ws.tab.gaps')} · ${t(lang, 'appName')}`;
  const growth = (pct: number | null) => h('span', { class: growthClass(pct) }, pctText(pct));

  const controls = h('div', { class: 'controls' }, pickControl('ws-scope', wst(lang, 'ws.scope'), scope,
    [['cluster', wst(lang, 'ws.scope.cluster')], ['county', wst(lang, 'ws.scope.county')]],
    (v) => ctx.navigate(wsUrl('/workspace/gaps', stores, { scope: v === 'cluster' ? undefined : v }))));
  const cats = d.categories.length > 0
    ? h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [t(lang, 'rank'), t(lang, 'category'), wst(lang, 'ws.sales'), wst(lang, 'ws.outletsCol'), wst(lang, 'ws.growth')],
      d.categories.map((c, i) => [i + 1, subCategoryName(c.category, lang), formatYuan(c.amountFen), c.outlets, growth(c.growthPct)]),
      { caption: wst(lang, 'ws.gapCategories'), numeric: [0, 2, 3, 4], className: 'data ws-gap-categories', cardsOnPhone: true }))
    // "You stock everything sold nearby" only when nothing was withheld; a township's few shops
    // are mostly withheld, and the county's many are where to look then.
    : h('p', { class: 'note ws-gap-categories-none' }, wst(lang, d.withheld > 0 ? 'ws.noGapsShown' : 'ws.noGaps'),
      scope === 'cluster' ? [' ', linkTo(ctx, wsUrl('/workspace/gaps', stores, { scope: 'county' }), wst(lang, 'ws.seeCountyGaps'))] : null);
  const skus = d.skus.length > 0
    ? h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [t(lang, 'rank'), wst(lang, 'ws.product'), wst(lang, 'ws.sales'), wst(lang, 'ws.units'), wst(lang, 'ws.outletsCol'), wst(lang, 'ws.growth')],
      d.skus.map((s, i) => [i + 1, h('span', { class: 'ws-product' }, s.name, h('small', {}, subCategoryName(s.category, lang))),
        formatYuan(s.amountFen), s.qty.toLocaleString(), s.outlets, growth(s.growthPct)]),
      { caption: wst(lang, 'ws.gapSkus'), numeric: [0, 2, 3, 4, 5], className: 'data ws-gap-skus', cardsOnPhone: true }))
    : h('p', { class: 'note' }, wst(lang, 'ws.noGapSkus'));

  setViewState(section, 'ready', ...present(
    h('h1', {}, wst(lang, 'ws.gapsTitle', { area: d.area.name })),
    h('p', { class: 'hint' }, `${wst(lang, 'ws.gapsHint')}${paren(lang, periodText(lang, d.from, d.to))}`),
    controls, cats, skus,
    d.withheld > 0 ? h('p', { class: 'note ws-withheld-count' }, wst(lang, 'ws.gapsWithheld', { n: d.withheld, k: d.k })) : null));
}
