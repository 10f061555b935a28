// What sells nearby that I don't stock: products and categories the other outlets of the cluster
// (or county) sold over the last two 4-week periods that are not on the chosen stores' receipts in
// those weeks, ranked by sales, with their growth against the two periods before. An item K other
// outlets did not sell is left out (counted in `withheld`): its figures would be one or two shops';
// so is one that fails the rule of ./periods.ts (a period, or the rest of the county, of 1 to K-1,
// or held back so that what its category shows does not leave 1 to K-1 outlets over).
import { K_ANONYMITY, type GapsResponse } from '../../contracts/workspace.ts';
import { addDays, mondayOf } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { areaLabel, areaOf, defaultTo, growthPct, noSecondRange, notAfterThisWeek, num, othersThan, placeOf, type Db, type WorkspaceDeps } from './common.ts';
import { heatmapWeeks, PERIOD_WEEKS, periodRule, periodStart, periods, type PeriodOutlets } from './periods.ts';

const WEEKS = 2 * PERIOD_WEEKS;
const BEFORE = periods(0, 2);
const NOW = periods(2, 2);

export async function notStocked(deps: WorkspaceDeps, db: Db, stores: StoreInfo[], q: { scope: 'cluster' | 'county'; to?: string }, today: string, own?: readonly string[]): Promise<GapsResponse> {
  const { queries, directory, products } = deps;
  const place = placeOf(stores);
  notAfterThisWeek(q.to, mondayOf(today));
  const to = periodStart(q.to ?? (await defaultTo(deps, db, place, today)));
  const from = addDays(to, -7 * WEEKS);
  const prev = addDays(from, -7 * WEEKS);
  const others = othersThan(place, own);
  const [area, split, heatmap, mine] = await Promise.all([
    db.query<{ category: string; sku: string; fen: number; units: number; prev_fen: number; outlets: number; prev_outlets: number }>(queries['workspace-area-skus'], {
      ...areaOf(place, q.scope), stores: others, from, to, prev,
    }),
    db.query<PeriodOutlets>(queries['workspace-period-outlets'], {
      ...areaOf(place, q.scope), stores: others, from: prev, to, sku: '', category: '',
    }),
    heatmapWeeks(deps, db, place, q.scope, prev, to, others),
    db.query<{ category: string; sku: string; qty: number }>(queries['workspace-store-skus'], {
      counties: place.counties, townships: place.townships, villages: place.villages, stores: place.ids, from, to, ...noSecondRange(from),
    }),
  ]);
  const mySkus = new Set(mine.filter((r) => num(r.qty) > 0).map((r) => r.sku));
  const myCategories = new Set(mine.filter((r) => num(r.qty) > 0).map((r) => r.category));
  const rule = periodRule(split, heatmap);
  const passes = (r: { category: string; sku: string }, when: readonly number[]) =>
    (r.sku === '' ? rule.category(r.category, when) : rule.product(r.category, r.sku, when));
  let withheld = 0;
  const keep = (r: { category: string; sku: string; fen: number; outlets: number }) => {
    if (num(r.fen) <= 0) return false;
    if (num(r.outlets) < K_ANONYMITY || !passes(r, NOW)) { withheld++; return false; }
    return true;
  };
  // A growth rate and this period's figure give the earlier one away: it too needs K outlets.
  const growth = (r: { category: string; sku: string; fen: number; prev_fen: number; prev_outlets: number }) =>
    (num(r.prev_outlets) >= K_ANONYMITY && passes(r, BEFORE) ? growthPct(num(r.fen), num(r.prev_fen)) : null);
  const order = <T extends { amountFen: number; key: string }>(a: T, b: T) => b.amountFen - a.amountFen || a.key.localeCompare(b.key);

  const categories = area.filter((r) => r.sku === '' && !myCategories.has(r.category) && keep(r))
    .map((r) => ({ key: r.category, category: r.category, amountFen: num(r.fen), qty: num(r.units), outlets: num(r.outlets), growthPct: growth(r) }))
    .sort(order).map(({ key: _, ...c }) => c);
  const skus = await Promise.all(area.filter((r) => r.sku !== '' && !mySkus.has(r.sku) && keep(r))
    .map((r) => ({ key: r.sku, sku: r.sku, category: r.category, amountFen: num(r.fen), qty: num(r.units), outlets: num(r.outlets), growthPct: growth(r) }))
    .sort(order).slice(0, 30)
    .map(async ({ key: _, ...s }) => ({ ...s, name: (await products.get(s.sku))?.name ?? s.sku })));

  return { scope: q.scope, area: await areaLabel(directory, place, q.scope), from, to, categories, skus, withheld, k: K_ANONYMITY };
}
