// Price bands: the shelf prices a product (or a category) sold at in the cluster or county, by the
// other outlets, as units per price band; quartiles over the units; and where my price sits. Shown
// only when K other outlets sold it and it passes the rule of ./periods.ts in each 4-week period,
// each band holding K outlets' units (neighbouring bands joined until it does); a category counts
// only its products that pass the rule, so that it minus its products shown never gives one back.
import { K_ANONYMITY, type PricesResponse } from '../../contracts/workspace.ts';
import { addDays, mondayOf } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { badRequest } from '../errors.ts';
import { areaLabel, areaOf, defaultTo, noSecondRange, notAfterThisWeek, num, othersThan, placeOf, weightedQuantile, type Db, type WorkspaceDeps } from './common.ts';
import { heatmapWeeks, PERIOD_WEEKS, periodRule, periodStart, periods, type PeriodOutlets } from './periods.ts';

const BANDS = 8;

export async function priceBands(deps: WorkspaceDeps, db: Db, stores: StoreInfo[],
  q: { sku?: string; category?: string; scope: 'cluster' | 'county'; weeks: number; to?: string }, today: string, own?: readonly string[]): Promise<PricesResponse> {
  const { queries, directory, products } = deps;
  const place = placeOf(stores);
  notAfterThisWeek(q.to, mondayOf(today));
  const to = periodStart(q.to ?? (await defaultTo(deps, db, place, today)));
  const from = addDays(to, -7 * q.weeks);
  const mine = await db.query<{ week: string; category: string; sku: string; qty: number; amount_fen: number }>(queries['workspace-store-skus'], {
    counties: place.counties, townships: place.townships, villages: place.villages, stores: place.ids, from, to, ...noSecondRange(from),
  });
  const mySales = new Map<string, { category: string; qty: number; amountFen: number }>();
  for (const r of mine) {
    const s = mySales.get(r.sku) ?? { category: r.category, qty: 0, amountFen: 0 };
    s.qty += num(r.qty);
    s.amountFen += num(r.amount_fen);
    mySales.set(r.sku, s);
  }
  const ranked = [...mySales].filter(([, s]) => s.qty > 0).sort((a, b) => b[1].amountFen - a[1].amountFen || a[0].localeCompare(b[0]));
  const choices = await Promise.all(ranked.map(async ([sku, s]) => ({ sku, name: (await products.get(sku))?.name ?? sku, category: s.category })));
  // Nothing asked: the best seller of the period.
  const sku = q.sku ?? (q.category ? '' : ranked[0]?.[0] ?? '');
  const category = q.category ?? '';
  const product = sku ? await products.get(sku) : undefined;
  const name = sku ? product?.name ?? sku : category;
  const area = { ...areaOf(place, q.scope), stores: othersThan(place, own), from, to };

  // Which products may count: the one asked for, or the category's that pass the period rule. A
  // product is judged with its category's others, as "what sells nearby" judges it.
  const window = periods(0, q.weeks / PERIOD_WEEKS);
  const [split, heatmap] = sku || category
    ? await Promise.all([
      db.query<PeriodOutlets>(queries['workspace-period-outlets'], { ...area, sku, category }),
      heatmapWeeks(deps, db, place, q.scope, from, to, area.stores),
    ])
    : [[], undefined];
  // A product neither in the reference nor sold in the county is a mistake in the link, not a product
  // nobody sold ("价格带：nonexistent", 0 outlets).
  if (q.sku !== undefined && !product && !mySales.has(q.sku) && !split.some((r) => r.sku === q.sku)) throw badRequest('sku', `unknown product ${q.sku}`);
  const rule = periodRule(split, heatmap);
  // The rows hold the whole top-level category (the rule judges a category with its siblings): the
  // bands of a category count its own products only.
  const under = new Set(split.filter((r) => r.sku !== '' && (r.category === category || r.category.startsWith(`${category}.`))).map((r) => r.sku));
  const counted = sku ? [sku] : rule.safeProducts(window).filter((s) => under.has(s));
  const leftOut = sku ? 0 : rule.soldInside(window).filter((s) => under.has(s) && !counted.includes(s)).length;
  const rows = counted.length > 0
    ? await db.query<{ price_fen: number; qty: number; outlets: number; stores: string[] }>(queries['workspace-area-prices'], { ...area, skus: counted })
    : [];
  // The rollup's total row (price 0) counts each outlet once over all its prices.
  const outlets = num(rows.find((r) => num(r.price_fen) === 0)?.outlets);
  const prices = rows.filter((r) => num(r.price_fen) > 0);
  const reason = outlets < K_ANONYMITY ? 'outlets' as const
    : sku && !rule.product(split.find((r) => r.sku === sku)?.category ?? '', sku, window) ? 'period' as const : null;
  const withheld = reason !== null;
  const pairs = prices.map((p) => ({ value: num(p.price_fen), weight: num(p.qty), stores: p.stores })).filter((p) => p.weight > 0);

  let mineOut: PricesResponse['mine'] = null;
  const minePrice = await myAveragePrice(db, deps, place, from, to, sku, category, counted);
  if (minePrice) {
    const { comparable, ...price } = minePrice;
    const total = pairs.reduce((s, p) => s + p.weight, 0);
    const below = pairs.filter((p) => p.value < price.priceFen).reduce((s, p) => s + p.weight, 0);
    // Of one product only: a category's unit prices mix sizes (a 1 kg bag beside a 25 kg sack), so
    // "cheaper than mine" there would measure what I stock, not how I price.
    mineOut = { ...price, belowPct: sku && comparable && !withheld && total > 0 ? Math.round((below / total) * 1000) / 10 : null };
  }

  return {
    scope: q.scope, area: await areaLabel(directory, place, q.scope),
    sku: sku || null, category: sku ? null : category || null, name, from, to,
    outlets, withheld, reason, leftOut,
    bands: withheld ? [] : bands(pairs, K_ANONYMITY),
    quartiles: withheld || pairs.length === 0 ? null : {
      p25: weightedQuantile(pairs, 0.25)!, median: weightedQuantile(pairs, 0.5)!, p75: weightedQuantile(pairs, 0.75)!,
    },
    mine: mineOut,
    choices,
  };
}

/** BANDS equal bands from the lowest price to the highest, in whole fen; one band when all are equal.
 *  Then neighbouring bands are joined, from the lowest up, until each holds the units of at least
 *  `k` outlets (the last joins the one before it if it falls short): a band's units are its outlets'
 *  sales, and a band of one shop was that shop's (rice at 41.70-42.69: 8 bags, one shop). With
 *  k = 0 every equal band stands on its own. */
export function bands(pairs: readonly { value: number; weight: number; stores?: readonly string[] }[], k = 0): PricesResponse['bands'] {
  if (pairs.length === 0) return [];
  const lo = Math.min(...pairs.map((p) => p.value));
  const hi = Math.max(...pairs.map((p) => p.value));
  const n = hi === lo ? 1 : BANDS;
  const width = Math.ceil((hi - lo + 1) / n / 10) * 10; // shelf prices are in whole jiao
  const out = Array.from({ length: n }, (_, i) => ({ lowFen: lo + i * width, highFen: Math.min(hi, lo + (i + 1) * width - 1), qty: 0, stores: new Set<string>() }))
    .filter((b) => b.lowFen <= hi);
  for (const p of pairs) {
    const band = out[Math.min(out.length - 1, Math.floor((p.value - lo) / width))]!;
    band.qty += p.weight;
    for (const s of p.stores ?? []) band.stores.add(s);
  }
  const joined: typeof out = [];
  let open: (typeof out)[number] | null = null;
  for (const b of out) {
    open = open ? { lowFen: open.lowFen, highFen: b.highFen, qty: open.qty + b.qty, stores: new Set([...open.stores, ...b.stores]) } : { ...b, stores: new Set(b.stores) };
    if (open.stores.size >= k) {
      joined.push(open);
      open = null;
    }
  }
  if (open) {
    const last = joined.pop();
    joined.push(last ? { lowFen: last.lowFen, highFen: open.highFen, qty: last.qty + open.qty, stores: new Set([...last.stores, ...open.stores]) } : open);
  }
  return joined.map(({ stores: _s, ...b }) => b);
}

/** The caller's average shelf price over the units they sold (sum of price x units / units), over the
 *  products the others' bands count, so that "cheaper than mine" compares one basket with itself.
 *  Where none of my products of a category is counted, my price over all of them, compared with
 *  nothing (`comparable` false). */
async function myAveragePrice(db: Db, deps: WorkspaceDeps, place: ReturnType<typeof placeOf>, from: string, to: string, sku: string, category: string, counted: readonly string[]) {
  const rows = await db.query<{ sku: string; price_fen: number; qty: number }>(deps.queries['workspace-own-prices'], {
    counties: place.counties, townships: place.townships, villages: place.villages, stores: place.ids, from, to, sku, category,
  });
  const inBands = rows.filter((r) => counted.includes(r.sku));
  const comparable = inBands.some((r) => num(r.qty) > 0);
  const basket = comparable ? inBands : rows;
  const qty = basket.reduce((s, r) => s + num(r.qty), 0);
  if (qty <= 0) return null;
  return { priceFen: Math.round(basket.reduce((s, r) => s + num(r.price_fen) * num(r.qty), 0) / qty), qty, comparable };
}
