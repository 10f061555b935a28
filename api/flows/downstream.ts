// Downstream flows: goods from the distributors and the county warehouse to the township stations
// and the village shops of an area, by seller and category; how often each village's shops were
// restocked, and the villages whose shops received nothing for N days.
import type { DownstreamResponse } from '../../contracts/flows.ts';
import { addDays, addMonths } from '../../contracts/time.ts';
import { add, areaName, firstDay, monthRange, num, zero, type Db, type FlowDeps, type FlowRow } from './common.ts';

const RECEIVERS = new Set(['township_station', 'village_point', 'village_shop', 'convenience_store']);
const STATIONS = new Set(['township_station', 'village_point']);
// Whose shelves are restocked: a village logistics point keeps none (it hands out parcels and
// orders online for villagers), so a village whose only outlet is one was flagged "never restocked"
// (33 such villages in Lufeng) though nothing was ever due to it.
const SHELVES = new Set(['township_station', 'village_shop', 'convenience_store']);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400_000);

export async function downstreamFlows(deps: FlowDeps, db: Db, area: string, q: { from?: string; to?: string; days: number }): Promise<DownstreamResponse> {
  const { directory, queries } = deps;
  const all = await directory.stores();
  const receivers = all.filter((s) => s.areaCode.startsWith(area) && RECEIVERS.has(s.type));
  const ids = receivers.map((s) => s.id);
  // The months of the area's receiving shops: flows are keyed by origin, so ask by the shops.
  const { from, to } = await monthRange(deps, db, area.slice(0, 6), 'downstream', q);
  const [rows, days] = await Promise.all([
    db.query<FlowRow & { seller: string; store: string; top: string }>(queries['flows-downstream'], { stores: ids, from: firstDay(from), to: firstDay(to) }),
    db.query<{ store: string; days: number; last_day: string }>(queries['flows-delivery-days'], { stores: ids, from: firstDay(from), to: firstDay(addMonths(to, 1)) }),
  ]);
  const storeOf = new Map(all.map((s) => [s.id, s]));
  const totals = rows.reduce((t, r) => add(t, r), zero());
  const sellers = new Map<string, ReturnType<typeof zero>>();
  const categories = new Map<string, { toStations: ReturnType<typeof zero>; toShops: ReturnType<typeof zero> }>();
  for (const r of rows) {
    sellers.set(r.seller, add(sellers.get(r.seller) ?? zero(), r));
    const c = categories.get(r.top) ?? { toStations: zero(), toShops: zero() };
    add(STATIONS.has(storeOf.get(r.store)?.type ?? '') ? c.toStations : c.toShops, r);
    categories.set(r.top, c);
  }

  const asOf = days.map((d) => d.last_day).sort().at(-1) ?? null;
  const daysOf = new Map(days.map((d) => [d.store, d]));
  const villages = new Map<string, { code: string; shops: number; deliveryDays: number; last: string | null }>();
  for (const s of receivers.filter((r) => SHELVES.has(r.type))) {
    const v = villages.get(s.areaCode) ?? { code: s.areaCode, shops: 0, deliveryDays: 0, last: null };
    v.shops += 1;
    const d = daysOf.get(s.id);
    // Days are counted per shop and added: two shops restocked on one day are two restocks.
    if (d) {
      v.deliveryDays += num(d.days);
      if (!v.last || d.last_day > v.last) v.last = d.last_day;
    }
    villages.set(s.areaCode, v);
  }
  const list = await Promise.all([...villages.values()].map(async (v) => ({
    code: v.code, name: (await directory.area(v.code))?.name ?? v.code, township: (await directory.area(v.code.slice(0, 9)))?.name ?? v.code.slice(0, 9),
    shops: v.shops, deliveryDays: v.deliveryDays, lastDelivery: v.last,
    daysSince: v.last && asOf ? daysBetween(v.last, asOf) : null,
  })));
  list.sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.code.localeCompare(b.code));

  return {
    area: await areaName(directory, area), from, to, asOf, totals,
    bySeller: [...sellers].map(([sellerId, t]) => ({ sellerId, name: storeOf.get(sellerId)?.name ?? sellerId, type: storeOf.get(sellerId)?.type ?? '', ...t }))
      .sort((a, b) => b.amountFen - a.amountFen || a.sellerId.localeCompare(b.sellerId)),
    byCategory: [...categories].map(([category, c]) => ({ category, ...c })).sort((a, b) => a.category.localeCompare(b.category)),
    villages: list,
    notRestocked: list.filter((v) => v.daysSince === null || (asOf !== null && v.lastDelivery !== null && v.lastDelivery < addDays(asOf, -q.days))).length,
  };
}
