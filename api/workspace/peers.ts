// Peer benchmark: each chosen store against the stores of the same type and tier in its township
// and in its county, as quartiles of the peers' figures over the last weeks. A group of fewer than
// K peers with sales shows no statistic at all; and each quartile is the mean of the K peers'
// figures around it, not one peer's: the median of five shops is the middle shop's own sales, which
// its neighbours could name.
import { K_ANONYMITY, type PeersResponse } from '../../contracts/workspace.ts';
import { addDays, wholeWeeksTo } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { defaultTo, growthPct, num, placeOf, smoothedQuantile, type Db, type WorkspaceDeps } from './common.ts';

interface Figures { sales: number; growth: number | null; basket: number | null; categories: number }

export async function peerBenchmark(deps: WorkspaceDeps, db: Db, stores: StoreInfo[], q: { weeks: number; to?: string }, today: string): Promise<PeersResponse> {
  const { queries, directory } = deps;
  const place = placeOf(stores);
  // Whole weeks only: growth over weeks that end in one under way would read as a fall.
  const to = q.to ? wholeWeeksTo(q.to, today) : await defaultTo(deps, db, place, today);
  const from = addDays(to, -7 * q.weeks);
  const prev = addDays(from, -7 * q.weeks);
  const all = await directory.stores();

  const out: PeersResponse['stores'] = [];
  for (const store of stores) {
    const county = store.areaCode.slice(0, 6);
    const township = store.areaCode.slice(0, 9);
    const alike = all.filter((s) => s.type === store.type && s.tier === store.tier && s.areaCode.startsWith(county) && !place.ids.includes(s.id));
    const ids = [store.id, ...alike.map((s) => s.id)];
    const [sales, receipts] = await Promise.all([
      db.query<{ store_id: string; sales_fen: number; prev_fen: number; categories: number }>(queries['workspace-peer-sales'], { county, ids, from, to, prev }),
      db.query<{ store_id: string; receipts: number }>(queries['workspace-peer-receipts'], { county, ids, from, to }),
    ]);
    const receiptsOf = new Map(receipts.map((r) => [r.store_id, num(r.receipts)]));
    const figures = new Map<string, Figures>();
    for (const r of sales) {
      const n = receiptsOf.get(r.store_id) ?? 0;
      figures.set(r.store_id, {
        sales: num(r.sales_fen), growth: growthPct(num(r.sales_fen), num(r.prev_fen)),
        basket: n > 0 ? Math.round(num(r.sales_fen) / n) : null, categories: num(r.categories),
      });
    }
    const mine = figures.get(store.id);
    const group = async (level: 'township' | 'county', code: string): Promise<PeersResponse['stores'][number]['groups'][number]> => {
      // Peers that sold in the period: a shop closed all period is not a peer of a working one.
      const peers = alike.filter((s) => s.areaCode.startsWith(code)).map((s) => figures.get(s.id)).filter((f): f is Figures => !!f && f.sales > 0);
      const shown = peers.length >= K_ANONYMITY;
      const stat = (pick: (f: Figures) => number | null) => {
        const values = peers.map(pick).filter((v): v is number => v !== null).sort((a, b) => a - b);
        // A statistic over fewer than K values would say too much about the few.
        if (!shown || values.length < K_ANONYMITY) return { p25: null, median: null, p75: null };
        const r = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
        const q = (p: number) => r(smoothedQuantile(values, p, K_ANONYMITY));
        return { p25: q(0.25), median: q(0.5), p75: q(0.75) };
      };
      return {
        level, areaCode: code, areaName: (await directory.area(code))?.name ?? code, peers: peers.length, shown,
        metrics: (['sales', 'growth', 'basket', 'categories'] as const).map((metric) => ({
          metric, mine: mine ? mine[metric] : null, ...stat((f) => f[metric]),
        })),
      };
    };
    out.push({
      storeId: store.id, name: store.name, type: store.type, tier: store.tier,
      groups: [await group('township', township), await group('county', county)],
    });
  }
  return { from, to, k: K_ANONYMITY, stores: out };
}
