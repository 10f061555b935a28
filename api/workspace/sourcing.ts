// Sourcing: which distributors deliver a category to the shops of my county, and at what wholesale
// prices. A product's prices are given only where at least K_DISTRIBUTORS distributors deliver it,
// as the lowest, median and highest of their average unit prices, without saying whose: a range a
// shop can bargain with, not a price list of a named distributor. (The lowest and highest are each
// one distributor's average; wholesale prices are offered to every shop, unlike a shop's sales.)
import { K_ANONYMITY, K_DISTRIBUTORS, type SourcingResponse } from '../../contracts/workspace.ts';
import { addDays } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { defaultTo, num, placeOf, quantile, type Db, type WorkspaceDeps } from './common.ts';

export async function sourcing(deps: WorkspaceDeps, db: Db, stores: StoreInfo[], q: { category?: string; weeks: number }, today: string): Promise<SourcingResponse> {
  const { queries, directory, products } = deps;
  const place = placeOf(stores);
  const to = await defaultTo(deps, db, place, today);
  const from = addDays(to, -7 * q.weeks);
  const rows = await db.query<{ top: string; sku: string; distributor: string; qty: number; amount_fen: number; buyers: string[] }>(queries['workspace-sourcing'], {
    counties: place.counties, from, to, category: q.category ?? '',
  });
  const own = new Set(stores.map((s) => s.id));
  const byTop = new Map<string, Map<string, { distributor: string; qty: number; amountFen: number; buyers: string[] }[]>>();
  for (const r of rows) {
    const skus = byTop.get(r.top) ?? new Map();
    const list = skus.get(r.sku) ?? [];
    list.push({ distributor: r.distributor, qty: num(r.qty), amountFen: num(r.amount_fen), buyers: r.buyers });
    skus.set(r.sku, list);
    byTop.set(r.top, skus);
  }
  const categories = await Promise.all([...byTop].sort((a, b) => a[0].localeCompare(b[0])).map(async ([category, skus]) => {
    const ids = [...new Set([...skus.values()].flat().map((x) => x.distributor))].sort();
    return {
      category,
      distributors: await Promise.all(ids.map(async (id) => ({ id, name: (await directory.store(id))?.name ?? id }))),
      skus: await Promise.all([...skus].sort((a, b) => a[0].localeCompare(b[0])).map(async ([sku, list]) => {
        const prices = list.filter((x) => x.qty > 0).map((x) => x.amountFen / x.qty).sort((a, b) => a - b);
        const withheld = prices.length < K_DISTRIBUTORS;
        const r = (v: number | null) => (v === null ? null : Math.round(v));
        // The units are the shops' purchases: a sum over fewer than K other shops is theirs (35 sprayers
        // were one shop's one delivery). Prices are the distributors' offers, and have their own rule.
        const buyers = new Set(list.flatMap((x) => x.buyers).filter((id) => !own.has(id)));
        return {
          sku, name: (await products.get(sku))?.name ?? sku, distributors: list.length, withheld,
          minFen: withheld ? null : r(prices[0]!), medianFen: withheld ? null : r(quantile(prices, 0.5)), maxFen: withheld ? null : r(prices.at(-1)!),
          qty: buyers.size >= K_ANONYMITY ? list.reduce((s, x) => s + x.qty, 0) : null,
        };
      })),
    };
  }));
  const county = place.counties[0]!;
  return { county: { code: county, name: (await directory.area(county))?.name ?? county }, from, to, k: K_DISTRIBUTORS, categories };
}
