// Peer benchmark: each of my stores against the stores of the same type and tier in its township
// and its county, per metric my figure against the peers' quartiles. Only where at least k peers
// contribute; never one peer's own figure.
import type { PeersResponse } from '../../contracts/workspace.ts';
import { pctText } from '../format.ts';
import { h } from '../dom.ts';
import { clauseSep, colon, formatYuan, paren, t, type Lang } from '../i18n.ts';
import { emptyNode, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { apiPath, load, periodText, pickControl, storeType, workspacePage, wsUrl } from './frame.ts';
import { createPeerRange } from './peer-range.ts';
import { wsKnown, wst, type WorkspaceKey } from './strings.ts';

const WEEKS = [4, 8, 13, 26];
type Group = PeersResponse['stores'][number]['groups'][number];
type Metric = Group['metrics'][number];

/** A metric's figure in its unit: fen as yuan, growth as percent, categories as a count. */
export function metricText(metric: Metric['metric'], v: number | null): string {
  if (v === null) return '—';
  if (metric === 'sales' || metric === 'basket') return formatYuan(Math.round(v));
  if (metric === 'growth') return pctText(v);
  return String(Math.round(v * 10) / 10);
}

export async function drawPeers(ctx: ViewContext, stores: string): Promise<void> {
  const { lang } = ctx;
  const weeks = ctx.search.get('weeks') ?? '';
  const section = workspacePage(ctx, '/workspace/peers', stores);
  const d = await load<PeersResponse>(ctx, section, apiPath(stores, 'peers', { weeks }), () => void drawPeers(ctx, stores));
  if (!d) return;
  document.title = `${wst(lang, 'ws.peersTitle')} · ${t(lang, 'appName')}`;
  const head = [
    h('h1', {}, wst(lang, 'ws.peersTitle')),
    h('p', { class: 'muted' }, periodText(lang, d.from, d.to)),
    h('div', { class: 'controls' }, pickControl('ws-weeks', wst(lang, 'ws.weeks'), weeks || '4', WEEKS.map((n) => [String(n), wst(lang, 'ws.weeksN', { n })]),
      (v) => ctx.navigate(wsUrl('/workspace/peers', stores, { weeks: v === '4' ? undefined : v })))),
    h('p', { class: 'hint' }, wst(lang, 'ws.peersHint')),
  ];
  if (d.stores.length === 0) return setViewState(section, 'empty', ...head, emptyNode(lang));
  setViewState(section, 'ready', ...head, ...d.stores.map((s) => h('section', { class: 'ws-peer-store', 'data-store': s.storeId },
    h('h2', {}, s.name),
    h('p', { class: 'muted' }, wst(lang, 'ws.tierType', { type: storeType(s.type, lang), tier: wsKnown(lang, `ws.tier.${s.tier}`, String(s.tier)) })),
    s.groups.map((g) => group(g, d.k, weeksOf(d.from, d.to), lang)))));
}

/** Whole weeks in [from, to) (`to` is the first day not included). */
const weeksOf = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / (7 * 86_400_000));

function group(g: Group, k: number, weeks: number, lang: Lang): HTMLElement {
  const title = h('h3', {}, `${wst(lang, `ws.level.${g.level}` as WorkspaceKey)} · ${g.areaName}`, h('small', {}, ` ${wst(lang, 'ws.peerCount', { n: g.peers })}`));
  if (!g.shown) {
    return h('article', { class: 'ws-peer-group hidden-group', 'data-level': g.level }, title,
      h('p', { class: 'note', role: 'note' }, wst(lang, 'ws.peersHidden', { k, n: g.peers })));
  }
  return h('article', { class: 'ws-peer-group', 'data-level': g.level }, title,
    h('ul', { class: 'ws-metrics' }, g.metrics.map((m) => {
      // Growth against what: the same number of weeks just before the period.
      const name = m.metric === 'growth' ? wst(lang, 'ws.metric.growthVs', { n: weeks }) : wst(lang, `ws.metric.${m.metric}` as WorkspaceKey);
      const spread = m.p25 === null || m.median === null || m.p75 === null ? null : { mine: m.mine, p25: m.p25, median: m.median, p75: m.p75 };
      const words = `${name}${colon(lang)}${wst(lang, 'ws.mine')} ${metricText(m.metric, m.mine)}${clauseSep(lang)}${wst(lang, 'ws.median')} ${metricText(m.metric, m.median)}${paren(lang, `P25 ${metricText(m.metric, m.p25)} – P75 ${metricText(m.metric, m.p75)}`)}`;
      return h('li', { 'data-metric': m.metric },
        h('div', { class: 'ws-metric-line' },
          h('span', { class: 'ws-metric-name' }, name),
          h('span', { class: 'ws-metric-mine' }, `${wst(lang, 'ws.mine')} `, h('strong', {}, metricText(m.metric, m.mine)))),
        h('div', { class: 'ws-metric-spread muted' }, `${wst(lang, 'ws.median')} ${metricText(m.metric, m.median)} · P25 ${metricText(m.metric, m.p25)} – P75 ${metricText(m.metric, m.p75)}`),
        spread ? createPeerRange(spread, words) : null);
    })));
}
