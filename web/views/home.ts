// Each role's home. A merchant sees their stores' week against the week before; an official or
// analyst their area's stores and stations by type and status; an administrator the accounts and
// whether ingest runs. Every home links to the views of its role.
import type { Account } from '../../contracts/auth.ts';
import type { Health } from '../../contracts/platform.ts';
import type { StoreDetail, StoreSummary } from '../../contracts/stores.ts';
import { apiGet } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { change, storeType, weekSpan } from '../format.ts';
import { formatYuan, paren, t } from '../i18n.ts';
import { navFor } from '../nav.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View, ViewContext } from '../view.ts';
import { daysSoFar } from '../week-to-date.ts';
import { linkTo } from './links.ts';

export const view: View = async (ctx) => {
  const { me, lang, main } = ctx;
  const areaName = me!.homeArea ? me!.areaNames[me!.homeArea] ?? me!.homeArea : '';
  const title = me!.role === 'merchant' ? t(lang, 'home.merchantTitle') : me!.role === 'admin' ? t(lang, 'role.admin') : t(lang, 'overviewOf', { area: areaName });
  document.title = `${title} · ${t(lang, 'appName')}`;
  const body = h('section', { id: 'view', class: 'view', 'data-view': `home-${me!.role}` });
  main.replaceChildren(h('h1', {}, title), h('p', { class: 'subtitle' }, t(lang, 'signedInAs', { name: me!.name })), body, tiles(ctx));
  setViewState(body, 'loading', loadingNode(lang));
  try {
    if (me!.role === 'merchant') await merchantHome(ctx, body);
    else if (me!.role === 'admin') await adminHome(ctx, body);
    else await areaHome(ctx, body);
  } catch (e) {
    if (ctx.signal.aborted) return;
    setViewState(body, 'error', errorNode(e, lang, () => void view(ctx)));
  }
};

function tiles(ctx: ViewContext): HTMLElement {
  const items = navFor(ctx.me!.role).filter((i) => i.hint);
  return h('ul', { class: 'tiles' }, items.map((i) => h('li', {},
    linkTo(ctx, i.path, h('span', { class: 'tile-title' }, t(ctx.lang, i.label)), h('span', { class: 'tile-hint' }, t(ctx.lang, i.hint!))))));
}

async function merchantHome(ctx: ViewContext, body: HTMLElement) {
  const { lang, me, signal } = ctx;
  const details = await Promise.all(me!.storeIds.map((id) => apiGet<StoreDetail>(`/api/stores/${encodeURIComponent(id)}`, { signal })));
  if (signal.aborted) return;
  const cards = details.map((d) => {
    // Whole weeks are compared; the week under way is shown so far, with its days, uncompared.
    const [previous, current] = d.weeks.slice(-2);
    const soFar = d.weekToDate;
    return h('article', { class: 'store-card', 'data-store': d.store.id },
      h('h2', {}, linkTo(ctx, `/stores/${encodeURIComponent(d.store.id)}`, d.store.name)),
      h('p', { class: 'muted' }, `${d.store.areaName} · ${storeType(d.store.type, lang)}`),
      h('dl', { class: 'kpis' },
        h('div', {}, h('dt', { title: current!.week }, `${t(lang, 'lastFullWeek')}${paren(lang, weekSpan(current!.start, lang))}`), h('dd', { class: 'kpi-this-week' }, formatYuan(current!.amountFen))),
        h('div', {}, h('dt', { title: previous!.week }, `${t(lang, 'weekBefore')}${paren(lang, weekSpan(previous!.start, lang))}`), h('dd', {}, formatYuan(previous!.amountFen))),
        h('div', {}, h('dt', {}, t(lang, 'weekOnWeek')), h('dd', {}, change(current!.amountFen, previous!.amountFen))),
        soFar ? h('div', { class: 'kpi-week-to-date' }, h('dt', {}, `${t(lang, 'weekToDate', { days: daysSoFar(soFar.through, lang) })}`),
          h('dd', {}, formatYuan(soFar.amountFen), h('small', { class: 'muted' }, t(lang, 'weekToDateNote')))) : null,
        h('div', {}, h('dt', {}, t(lang, 'lastSale')), h('dd', {}, d.lastSaleDay ?? t(lang, 'noSales')))),
      h('p', { class: 'actions' }, linkTo(ctx, `/workspace?stores=${encodeURIComponent(d.store.id)}`, t(lang, 'openWorkspace')), ' ',
        linkTo(ctx, `/stores/${encodeURIComponent(d.store.id)}`, t(lang, 'viewStore')), ' ',
        linkTo(ctx, `/workspace/demand?stores=${encodeURIComponent(d.store.id)}`, t(lang, 'demandAround'))));
  });
  setViewState(body, 'ready', h('div', { class: 'cards' }, cards));
}

async function areaHome(ctx: ViewContext, body: HTMLElement) {
  const { lang, me, signal } = ctx;
  const list = await apiGet<{ area: string; stores: StoreSummary[] }>(`/api/stores?area=${me!.homeArea}`, { signal });
  if (signal.aborted) return;
  if (list.stores.length === 0) return setViewState(body, 'empty', emptyNode(lang));
  const byType = new Map<string, { active: number; silent: number; total: number }>();
  for (const s of list.stores) {
    const row = byType.get(s.type) ?? { active: 0, silent: 0, total: 0 };
    row.total++;
    if (s.status === 'active') row.active++;
    if (s.status === 'silent') row.silent++;
    byType.set(s.type, row);
  }
  const rows = [...byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, c]) => [
    linkTo(ctx, `/stores?type=${type}`, storeType(type, lang)), c.active, c.silent, c.total]);
  setViewState(body, 'ready', table([t(lang, 'storeType'), t(lang, 'active'), t(lang, 'silent'), t(lang, 'total')], rows,
    { caption: t(lang, 'storesByType'), numeric: [1, 2, 3] }));
}

type HealthDetail = Pick<Health, 'ok' | 'ingest'>;

async function adminHome(ctx: ViewContext, body: HTMLElement) {
  const { lang, signal } = ctx;
  const [accounts, health] = await Promise.all([
    apiGet<{ accounts: Account[] }>('/api/accounts', { signal }),
    apiGet<HealthDetail>('/api/ops/status', { signal }),
  ]);
  if (signal.aborted) return;
  const byRole = (['admin', 'official', 'merchant', 'analyst'] as const).map((r) => [t(lang, `role.${r}`), accounts.accounts.filter((a) => a.role === r && !a.disabled).length]);
  const ingest = health.ingest;
  setViewState(body, 'ready', h('div', { class: 'cards' },
    table([t(lang, 'role'), t(lang, 'count')], byRole, { caption: t(lang, 'nav.accounts'), numeric: [1] }),
    ingest ? table([t(lang, 'ingest'), t(lang, 'valueCol')], [
      [t(lang, 'statusCol'), ingest.running ? t(lang, 'running') : ingest.done ? t(lang, 'ingestDone') : '✕'], [t(lang, 'accepted'), ingest.accepted.toLocaleString()],
      [t(lang, 'rejected'), ingest.rejected.toLocaleString()], [t(lang, 'lastFlush'), ingest.lastFlushAt ? new Date(ingest.lastFlushAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '—']],
    { caption: `${t(lang, 'ingest')} · ${ingest.source}` }) : null));
}

