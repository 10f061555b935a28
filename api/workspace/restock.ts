// Restock signals: for each product delivered to the chosen stores in the last 12 weeks, how long
// its latest delivery lasts at the recent rate of sale, with a coming festival's usual uplift. The
// platform sees deliveries and sales but no stock count, so what is left is an estimate: the units
// of the latest delivery minus the rate times the days since; earlier stock is not known.
import type { RestockResponse } from '../../contracts/workspace.ts';
import { FESTIVAL_WINDOWS, festivalWindows, type FestivalWindow } from '../../contracts/festivals.ts';
import { addDays, mondayOf } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { lastSaleDay, noSecondRange, num, placeOf, topCategory, type Db, type WorkspaceDeps } from './common.ts';

const HISTORY_DAYS = 84;
const RATE_WEEKS = 4;
const LOOKAHEAD_DAYS = 60;
const BASELINE_DAYS = 28;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400_000);

export async function restockSignals(deps: WorkspaceDeps, db: Db, stores: StoreInfo[], q: { within: number }): Promise<RestockResponse> {
  const { queries, products } = deps;
  const place = placeOf(stores);
  const asOf = await lastSaleDay(deps, db, stores);
  if (!asOf) return { asOf: null, within: q.within, items: [] };

  // The rate: units over the 4 whole weeks before asOf's week, per day (a week still under way
  // would lower it).
  const rateTo = mondayOf(asOf);
  const rateFrom = addDays(rateTo, -7 * RATE_WEEKS);
  // The festivals ahead depend only on asOf: their uplifts are read beside the deliveries and sales.
  const coming = festivalWindows(addDays(asOf, 1), addDays(asOf, LOOKAHEAD_DAYS)).filter((w) => w.to > asOf);
  const [deliveries, sold, uplifts] = await Promise.all([
    db.query<{ sku: string; category: string; day: string; qty: number }>(queries['workspace-deliveries-to'], { stores: place.ids, from: addDays(asOf, -HISTORY_DAYS + 1) }),
    db.query<{ sku: string; qty: number }>(queries['workspace-store-skus'], {
      counties: place.counties, townships: place.townships, villages: place.villages, stores: place.ids, from: rateFrom, to: rateTo, ...noSecondRange(rateFrom),
    }),
    festivalUplifts(deps, db, place.counties, coming),
  ]);
  const soldOf = new Map<string, number>();
  for (const r of sold) soldOf.set(r.sku, (soldOf.get(r.sku) ?? 0) + num(r.qty));

  const latest = new Map<string, { category: string; day: string; qty: number }>();
  for (const d of deliveries) {
    if (d.day > asOf) continue;
    const l = latest.get(d.sku);
    if (!l || d.day > l.day) latest.set(d.sku, { category: d.category, day: d.day, qty: num(d.qty) });
    else if (d.day === l.day) l.qty += num(d.qty);
  }

  const items = await Promise.all([...latest].map(async ([sku, l]) => {
    // In units x 28 (the rate's days), so that without a festival the arithmetic is whole numbers
    // and a cover of exactly N days runs out on day N, not N + 1 by rounding.
    const sold = soldOf.get(sku) ?? 0;
    const days = 7 * RATE_WEEKS;
    const rate = sold / days;
    const since = Math.max(0, daysBetween(l.day, asOf));
    const top = topCategory(l.category);
    const factor = (day: string) => {
      const w = coming.find((f) => day >= f.from && day <= f.to);
      return w ? 1 + (uplifts.get(`${w.kind}|${top}`) ?? 0) / 100 : 1;
    };
    let cover: number | null = null;
    // More sold since the delivery than it held: there was stock from before, not seen here.
    const beyondDelivery = sold > 0 && l.qty * days - sold * since <= 0;
    if (sold > 0 && !beyondDelivery) {
      let rest = l.qty * days - sold * since;
      // Day by day, so that a festival inside the cover makes those days sell faster.
      for (let d = 1; d <= 3650 && cover === null; d++) {
        const use = sold * factor(addDays(asOf, d));
        if (use >= rest) cover = d - 1 + rest / use;
        rest -= use;
      }
    }
    const next = coming.find((w) => cover === null || w.from <= addDays(asOf, Math.ceil(cover)));
    const uplift = next ? uplifts.get(`${next.kind}|${top}`) ?? null : null;
    return {
      sku, name: (await products.get(sku))?.name ?? sku, category: l.category,
      lastDeliveryDay: l.day, deliveredQty: l.qty,
      ratePerDay: round2(rate), soldSince: round2(rate * since),
      coverDays: cover === null ? null : round2(cover), beyondDelivery,
      upliftPct: uplift, festival: uplift !== null && next ? `${next.kind}:${next.day}` : null,
      runsOutOn: cover === null ? null : addDays(asOf, Math.ceil(cover)),
      alert: cover !== null && cover <= q.within,
    };
  }));
  items.sort((a, b) => (a.coverDays ?? Infinity) - (b.coverDays ?? Infinity) || a.sku.localeCompare(b.sku));
  return { asOf, within: q.within, items };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Percent by which a top-level category's daily sales in the counties rose in the same festival's
 *  window a year before, against the 28 days before that window; by `kind|category`. */
async function festivalUplifts(deps: WorkspaceDeps, db: Db, counties: string[], coming: FestivalWindow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const read = await Promise.all(coming.map(async (w) => {
    const w0 = FESTIVAL_WINDOWS[w.kind];
    const lastDay = w0.table[w.year - 1];
    if (!lastDay) return null;
    const from = addDays(lastDay, w0.from);
    const to = addDays(lastDay, w0.to);
    // Last year's days: the same answer for every store of these counties until the data changes.
    const rows = await deps.memo.get(`festival-days|${counties.join(',')}|${from}`, () =>
      db.query<{ top: string; sale_day: string; fen: number }>(deps.queries['workspace-category-days'], { counties, from: addDays(from, -BASELINE_DAYS), to: addDays(to, 1) }));
    return { w, w0, from, rows };
  }));
  for (const got of read) {
    if (!got) continue;
    const { w, w0, from, rows } = got;
    const sums = new Map<string, { base: number; baseDays: Set<string>; fest: number; festDays: Set<string> }>();
    for (const r of rows) {
      const s = sums.get(r.top) ?? { base: 0, baseDays: new Set(), fest: 0, festDays: new Set() };
      if (r.sale_day < from) { s.base += num(r.fen); s.baseDays.add(r.sale_day); } else { s.fest += num(r.fen); s.festDays.add(r.sale_day); }
      sums.set(r.top, s);
    }
    const windowDays = w0.to - w0.from + 1;
    for (const [top, s] of sums) {
      // Only a full year-before window and baseline say what the festival does.
      if (s.baseDays.size < BASELINE_DAYS || s.festDays.size < windowDays || s.base <= 0) continue;
      const pct = ((s.fest / windowDays) / (s.base / BASELINE_DAYS) - 1) * 100;
      out.set(`${w.kind}|${top}`, Math.round(pct * 10) / 10);
    }
  }
  return out;
}
