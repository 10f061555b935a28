// One store: where it is, its sales of the last 12 weeks with data (online orders placed for
// villagers shown apart), and its categories. Another shop's page is a 403 for a merchant.
import type { StoreDetail } from '../../contracts/stores.ts';
import { addDays } from '../../contracts/time.ts';
import { apiGet, ApiRequestError } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { storeStatus, storeType, weekSpan } from '../format.ts';
import { categoryName, formatQty, formatYuan, paren, t } from '../i18n.ts';
import { errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { daysSoFar } from '../week-to-date.ts';
import { linkTo } from './links.ts';

export const view: View = async (ctx) => {
  const { lang, main, params, signal } = ctx;
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'store', 'data-store': params.id! });
  main.replaceChildren(section);
  setViewState(section, 'loading', loadingNode(lang));
  try {
    const d = await apiGet<StoreDetail>(`/api/stores/${encodeURIComponent(params.id!)}`, { signal });
    if (signal.aborted) return;
    document.title = `${d.store.name} · ${t(lang, 'appName')}`;
    const total = d.categories.reduce((s, c) => s + c.amountFen, 0);
    const sep = lang === 'zh' ? '：' : ': ';
    setViewState(section, 'ready', ...[
      h('nav', { class: 'breadcrumb', 'aria-label': t(lang, 'storeArea') }, d.path.flatMap((p, i) => [i > 0 ? h('span', { class: 'crumb-sep' }, '›') : null, h('span', { class: 'crumb' }, p.name)])),
      h('h1', {}, d.store.name),
      h('p', { class: 'muted' }, [storeType(d.store.type, lang), storeStatus(d.store.status, lang), `${t(lang, 'storeOpened')}${sep}${d.store.openedOn}`,
        `${t(lang, 'lastSale')}${sep}${d.lastSaleDay ?? t(lang, 'noSales')}`].join(' · ')),
      // A merchant's way to the demand around a store is their workspace's grid (the county's
      // townships by default): the township's own villages are nearly all withheld from them (fewer
      // than 5 other outlets each), a page of grey. An official sees the township's villages.
      h('p', { class: 'actions' }, linkTo(ctx, ctx.me?.role === 'merchant' ? `/workspace/demand?stores=${encodeURIComponent(d.store.id)}`
        : `/demand?area=${d.store.areaCode.slice(0, 9)}`, t(lang, 'demandAround'))),
      h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [t(lang, 'weekCol'), t(lang, 'weekSales'), t(lang, 'onlineProxy'), t(lang, 'qty'), t(lang, 'lines')],
        [...d.weeks.map((w) => [h('span', { class: 'nowrap', title: w.week }, weekSpan(w.start, lang)), formatYuan(w.amountFen), formatYuan(w.onlineProxyFen), formatQty(w.qty, lang), w.lines]),
          // The week under way, last and named by its days: it is not a whole week like the rows above.
          ...(d.weekToDate ? [[h('span', { title: d.weekToDate.week }, t(lang, 'weekToDate', { days: daysSoFar(d.weekToDate.through, lang) })), formatYuan(d.weekToDate.amountFen),
            formatYuan(d.weekToDate.onlineProxyFen), formatQty(d.weekToDate.qty, lang), d.weekToDate.lines]] : [])],
        { caption: t(lang, 'weeklySales'), numeric: [1, 2, 3, 4], className: 'data weekly' })),
      d.categories.length > 0 ? h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [t(lang, 'category'), t(lang, 'amount'), t(lang, 'share'), t(lang, 'qty')],
        d.categories.map((c) => [categoryName(c.category, lang), formatYuan(c.amountFen), `${((100 * c.amountFen) / Math.max(1, total)).toFixed(1)}%`, formatQty(c.qty, lang)]),
        { caption: `${t(lang, 'byCategory')}${paren(lang, `${d.from} – ${addDays(d.to, -1)}`)}`, numeric: [1, 2, 3], className: 'data categories' })) : null,
    ].filter((n) => n !== null));
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
    setViewState(section, 'error', errorNode(e, lang, () => void view(ctx)));
  }
};
