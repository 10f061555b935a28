// What every panel of the merchants' workspace shares: where the chosen stores are, the week the
// panels end at, the products' names, and the small arithmetic of growth and quantiles.
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Queries } from '../../warehouse/queries.ts';
import { storeKey, type Directory, type StoreInfo } from '../directory.ts';
import type { VersionedMemo } from '../versioned-memo.ts';
import { lastWholeWeekEnd } from '../../contracts/time.ts';
import { badRequest } from '../errors.ts';

export type Db = Pick<Warehouse, 'query'>;

export interface WorkspaceDeps {
  queries: Queries;
  directory: Directory;
  products: ProductNames;
  /** Keeps the stores' last week and day of sales until the data changes. */
  memo: VersionedMemo;
}

/** The chosen stores and where they are: the rollups' key prefix. */
export interface Place {
  ids: string[];
  counties: string[];
  townships: string[];
  /** Villages of the stores ('' for a store registered at a township): the rest of store_sku_weekly's key prefix. */
  villages: string[];
}

export function placeOf(stores: readonly StoreInfo[]): Place {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const keys = stores.map(storeKey);
  return {
    ids: stores.map((s) => s.id),
    counties: uniq(keys.map((k) => k.county)),
    townships: uniq(keys.map((k) => k.township)),
    villages: uniq(keys.map((k) => k.village)),
  };
}

/** The stores an area figure leaves out: the chosen ones and every other store of the caller's. A
 *  merchant knows all their stores' sales, so none of them may count towards the K others. */
export function othersThan(place: Place, own: readonly string[] = []): string[] {
  return [...new Set([...place.ids, ...own])];
}

/** The area of a panel: the stores' townships (their village cluster) or their whole counties. */
export function areaOf(place: Place, scope: 'cluster' | 'county'): { counties: string[]; townships: string[] } {
  return { counties: place.counties, townships: scope === 'cluster' ? place.townships : [] };
}

/** The area's code and name as shown: the first store's township or county. */
export async function areaLabel(directory: Directory, place: Place, scope: 'cluster' | 'county'): Promise<{ code: string; name: string }> {
  const code = scope === 'cluster' ? place.townships[0]! : place.counties[0]!;
  return { code, name: (await directory.area(code))?.name ?? code };
}

/** The first Monday after the last whole week the stores sold in: the week of `today` (Shanghai) is
 *  left out while it is under way, so that no default compares a few days with whole weeks. */
export async function defaultTo(deps: WorkspaceDeps, db: Db, place: Place, today: string): Promise<string> {
  const [row] = await deps.memo.get(`last-week|${[...place.ids].sort().join(',')}`, () => db.query<{ n: number; last_week: string }>(deps.queries['workspace-last-week'], {
    counties: place.counties, townships: place.townships, stores: place.ids,
  }));
  return lastWholeWeekEnd(Number(row?.n) > 0 ? row!.last_week : null, today);
}

/** The last day any of the stores sold on; null when none ever did. The store page asks it too. */
export async function lastSaleDay(deps: Pick<WorkspaceDeps, 'queries' | 'memo'>, db: Db, stores: readonly StoreInfo[]): Promise<string | null> {
  const rows = await Promise.all(stores.map((s) => deps.memo.get(`last-sale|${s.id}`, () => db.query<{ n: number; last_day: string }>(deps.queries['store-last-sale'], {
    store: s.id, ...storeKey(s),
  }))));
  return rows.flat().filter((r) => Number(r.n) > 0).map((r) => r.last_day).sort().at(-1) ?? null;
}

/** No second range for the store queries that take one ([also_from, also_to), the year-before week). */
export const noSecondRange = (from: string) => ({ also_from: from, also_to: from });

export const num = (v: unknown): number => Number(v ?? 0);

/** Percent change of `now` against `base`, one decimal; null where there is no base. */
export function growthPct(now: number, base: number): number | null {
  return base > 0 ? Math.round(((now - base) / base) * 1000) / 10 : null;
}

/** Quantile by linear interpolation between closest ranks (R type 7, numpy's default). */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A quantile that gives no one store's figure away: the mean of the `k` values of `sorted` centred
 *  on type 7's position p x (n - 1), held inside the list. Each is then an average of k stores;
 *  with exactly k values all three quartiles are their mean. Null under k values. */
export function smoothedQuantile(sorted: readonly number[], p: number, k: number): number | null {
  if (sorted.length < k || k < 1) return null;
  const start = Math.min(sorted.length - k, Math.max(0, Math.round(p * (sorted.length - 1) - (k - 1) / 2)));
  return sorted.slice(start, start + k).reduce((s, v) => s + v, 0) / k;
}

/** Quantile of values weighted by counts (each unit counts once): the smallest value at which the
 *  running count reaches p of the total. */
export function weightedQuantile(pairs: readonly { value: number; weight: number }[], p: number): number | null {
  const total = pairs.reduce((s, x) => s + x.weight, 0);
  if (total <= 0) return null;
  let run = 0;
  for (const x of pairs) {
    run += x.weight;
    if (run >= p * total) return x.value;
  }
  return pairs[pairs.length - 1]!.value;
}

export interface ProductInfo { sku: string; name: string; category: string; seasonMonths: number[]; peakMonths: number[] }

export interface ProductNames {
  get(sku: string): Promise<ProductInfo | undefined>;
  all(): Promise<readonly ProductInfo[]>;
}

/** The products reference, read once a minute at most: every panel names products. */
export function createProductNames(deps: { warehouse: Pick<Warehouse, 'query'>; queries: Queries; clock?: () => number; ttlMs?: number }): ProductNames {
  const { warehouse, queries, clock = Date.now, ttlMs = 60_000 } = deps;
  let held: { at: number; list: ProductInfo[]; bySku: Map<string, ProductInfo> } | undefined;
  async function load() {
    if (held && clock() - held.at < ttlMs) return held;
    const rows = await warehouse.query<{ sku: string; name: string; category: string; season_months: number[]; peak_months: number[] }>(queries['workspace-products']);
    const list = rows.map((r) => ({ sku: r.sku, name: r.name, category: r.category, seasonMonths: r.season_months.map(Number), peakMonths: r.peak_months.map(Number) }));
    held = { at: clock(), list, bySku: new Map(list.map((p) => [p.sku, p])) };
    return held;
  }
  return {
    async get(sku) { return (await load()).bySku.get(sku); },
    async all() { return (await load()).list; },
  };
}

export const topCategory = (category: string): string => category.split('.')[0]!;

/** A period's `to` (the first Monday not shown) after this week's Monday asks for weeks that have
 *  not ended; it was answered as an empty period in 2099. Refused as the summary refuses a week not begun. */
export function notAfterThisWeek(to: string | undefined, thisMonday: string): void {
  if (to !== undefined && to > thisMonday) throw badRequest('to', `${to} is after this week's Monday ${thisMonday}: the weeks before it have not all ended`);
}
