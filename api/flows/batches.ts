// Traceability: a batch code's origin, sellers, dates, quantities, weights and destinations, the
// batches of an origin area, and what is inconsistent about them. A batch (harvest lot) is recorded
// with the weight of its first day; the checks:
//   two_origins       sold from more than one origin area, by more than one seller, or as more than
//                     one product (each listed with its units: their sum would add unlike things);
//   over_weight       sold on later days, beyond the weight it was first recorded with;
//   untraced_product  on a product the reference gives no origin (no local produce, no batches).
import type { BatchesResponse, BatchResponse } from '../../contracts/flows.ts';
import { addMonths, shanghaiDay } from '../../contracts/time.ts';
import { notFound } from '../errors.ts';
import { add, areaName, checkMonths, cityLookup, firstDay, num, zero, type Db, type FlowDeps, type FlowRow } from './common.ts';

interface BatchRow extends FlowRow {
  code: string; products: string[]; product_units: [string, number | string][]; origins: string[]; sellers: string[]; first: string; last: string; first_day_grams: number;
  two_origins: number; over_weight: number; untraced: number; total: number; n_flagged: number;
}

async function productsInfo(deps: FlowDeps, db: Db) {
  const rows = await db.query<{ sku: string; name: string; origin_area_code: string }>(deps.queries['flows-products']);
  return new Map(rows.map((r) => [r.sku, r]));
}

function summarise(r: BatchRow, products: Map<string, { name: string; origin_area_code: string }>) {
  const units = new Map<string, number>();
  for (const [sku, n] of r.product_units) units.set(sku, (units.get(sku) ?? 0) + num(n));
  const flags: ('two_origins' | 'over_weight' | 'untraced_product')[] = [];
  if (Number(r.two_origins)) flags.push('two_origins');
  if (Number(r.over_weight)) flags.push('over_weight');
  if (Number(r.untraced)) flags.push('untraced_product');
  return {
    code: r.code,
    products: [...units].sort(([a], [b]) => a.localeCompare(b)).map(([sku, qty]) => ({ sku, name: products.get(sku)?.name ?? sku, qty })),
    origins: [...r.origins].sort(), sellers: [...r.sellers].sort(),
    firstDay: r.first, lastDay: r.last, firstDayWeightG: num(r.first_day_grams),
    ...add(zero(), r), flags,
  };
}

export async function batch(deps: FlowDeps, db: Db, code: string, inScope: (originCode: string) => boolean): Promise<BatchResponse> {
  const [rows, products, city] = await Promise.all([
    db.query<BatchRow>(deps.queries['flows-batches'], { code, area: '', from: '1970-01-01', to: '2100-01-01', flagged: 0 }),
    productsInfo(deps, db),
    cityLookup(deps, db),
  ]);
  const r = rows[0];
  // Outside the caller's area looks like unknown: no probing for other counties' batches.
  if (!r || !r.origins.some(inScope)) throw notFound(`no batch ${code} in your area`);
  const s = summarise(r, products);
  const detail = await db.query<FlowRow & { day: string; city: string }>(deps.queries['flows-batch-detail'], { code });
  const cities = new Map<string, ReturnType<typeof zero>>();
  const days = new Map<string, ReturnType<typeof zero>>();
  for (const d of detail) {
    cities.set(d.city, add(cities.get(d.city) ?? zero(), d));
    days.set(d.day, add(days.get(d.day) ?? zero(), d));
  }
  return {
    ...s,
    originNames: await Promise.all(s.origins.map((c) => areaName(deps.directory, c))),
    sellerNames: await Promise.all(s.sellers.map(async (id) => ({ id, name: (await deps.directory.store(id))?.name ?? id }))),
    destinations: [...cities].map(([c, t]) => ({ ...city(c), ...t })).sort((a, b) => b.weightG - a.weightG || a.code.localeCompare(b.code)),
    days: [...days].map(([day, t]) => ({ day, ...t })),
  };
}

export async function batches(deps: FlowDeps, db: Db, area: string, q: { from?: string; to?: string; flagged?: 'true' | 'false' }): Promise<BatchesResponse> {
  checkMonths(deps, q);
  const to = q.to ?? shanghaiDay(deps.clock()).slice(0, 7);
  const from = q.from ?? addMonths(to, -2);
  const [rows, products] = await Promise.all([
    db.query<BatchRow>(deps.queries['flows-batches'], { code: '', area, from: firstDay(from), to: firstDay(addMonths(to, 1)), flagged: q.flagged === 'true' ? 1 : 0 }),
    productsInfo(deps, db),
  ]);
  return {
    area: await areaName(deps.directory, area), from, to, batches: rows.map((r) => summarise(r, products)),
    total: num(rows[0]?.total), flagged: num(rows[0]?.n_flagged),
  };
}
