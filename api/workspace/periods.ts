// Area figures over several weeks ("what sells nearby", price bands), safe against subtraction.
// A sum over weeks is safe on its own when K other outlets stand behind it, but two of them taken
// apart are not: 8 weeks minus the 8 weeks a week earlier is one week's change, and at the first
// weeks of the data (nothing before) it is one week's figure, of however few shops sold then; the
// county minus the township is the rest of the county, of however few; a category minus its
// products shown is the one product withheld. So these figures are built from fixed 4-week periods
// (counted from a fixed Monday, so every request cuts the same ones), and a figure is shown only when
// each period in it, each part of the area (the cluster and the rest of its counties), and what a
// category's products shown leave over of it, obeys the rule: 0 or at least K other outlets. Whatever a caller adds or
// subtracts then comes back to periods that each had K outlets or none.
// A category's period, plus the caller's own sales, is also the sum of that category's weeks in the
// demand heatmap of the same area, which withholds some of them: where it withholds exactly one week
// of a period, the period's figure would give that week back, so it is not used either (two or more
// give only their sum, as the heatmap's own groups do); nor are its products', when all of them
// would be shown there (they would add up to it).
import { K_ANONYMITY } from '../../contracts/workspace.ts';
import { addDays } from '../../contracts/time.ts';
import { decideCubes, type CubeDecisions } from '../merchant-cubes.ts';
import { num, type Db, type Place, type WorkspaceDeps } from './common.ts';

export const PERIOD_WEEKS = 4;
const PERIOD_DAYS = 7 * PERIOD_WEEKS;
/** The Monday the periods are counted from. */
const EPOCH = '2000-01-03';

/** The start of the period holding `monday` (a Monday): a range's end held to the periods' grid. */
export function periodStart(monday: string): string {
  const days = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${EPOCH}T00:00:00Z`)) / 86400_000);
  return addDays(monday, -(((days % PERIOD_DAYS) + PERIOD_DAYS) % PERIOD_DAYS));
}

/** A row of sql/queries/workspace-period-outlets.sql: other outlets that sold an item in a period,
 *  inside the area (inside = 1) or in the rest of its counties. sku '' is the category's own row. */
export interface PeriodOutlets { category: string; sku: string; period: number; inside: number; outlets: number }

const safe = (outlets: number) => outlets === 0 || outlets >= K_ANONYMITY;
const PARTS = [1, 0] as const;

/** Leaf categories and periods (`${category}|${period}`) in which the heatmap's pictures withhold
 *  exactly one week of the area's cells: `cells` are [picture, area codes] pairs (a cluster: its
 *  townships in their county's picture; a county: its own row of the prefecture's). */
export function loneWithheldWeeks(decisions: CubeDecisions, cells: readonly (readonly [string, readonly string[]])[], from: string): Set<string> {
  const counts = new Map<string, number>();
  for (const [picture, areas] of cells) {
    for (const { cell, withheld } of decisions.picture(picture)) {
      if (!withheld || !cell.category.includes('.') || !areas.includes(cell.areaCode)) continue;
      const k = `${cell.category}|${periodIndex(from, cell.week)}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n === 1).map(([k]) => k));
}

/** loneWithheldWeeks of the heatmap a caller owning `own` sees over [from, to), for the area of
 *  `place` at `scope`. */
export async function heatmapLoneWeeks(deps: Pick<WorkspaceDeps, 'queries'>, db: Db, place: Place, scope: 'cluster' | 'county', from: string, to: string, own: readonly string[]): Promise<Set<string>> {
  const decisions = await decideCubes(db, deps.queries, place.counties, { from, to, scope: place.counties, own });
  const cells = scope === 'cluster'
    ? place.counties.map((county) => [county, place.townships.filter((t) => t.startsWith(county))] as const)
    : place.counties.map((county) => [county.slice(0, 4), [county]] as const);
  return loneWithheldWeeks(decisions, cells, from);
}

const periodIndex = (from: string, week: string) => Math.floor((Date.parse(`${week}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (PERIOD_DAYS * 86400_000));

/** The rule over a query's rows; `periods` are indices from the query's `from` (0 = its first 4
 *  weeks). `lone`: loneWithheldWeeks over the same `from`. */
export function periodRule(rows: readonly PeriodOutlets[], lone: ReadonlySet<string> = new Set()) {
  const outlets = new Map<string, number>();
  const productsOf = new Map<string, Set<string>>();
  const key = (category: string, sku: string, period: number, inside: number) => `${category}\u0000${sku}\u0000${period}\u0000${inside}`;
  for (const r of rows) {
    outlets.set(key(r.category, r.sku, num(r.period), num(r.inside)), num(r.outlets));
    if (r.sku !== '') productsOf.set(r.category, (productsOf.get(r.category) ?? new Set()).add(r.sku));
  }
  const n = (category: string, sku: string, period: number, inside: number) => outlets.get(key(category, sku, period, inside)) ?? 0;
  const itemSafe = (category: string, sku: string, periods: readonly number[]) =>
    periods.every((p) => PARTS.every((part) => safe(n(category, sku, p, part))));
  const products = (category: string) => [...productsOf.get(category) ?? []].sort();
  /** Every product of the category sold inside the area in period p is safe there: those shown add up to the category. */
  const covered = (category: string, p: number) => products(category).every((s) => n(category, s, p, 1) === 0 || itemSafe(category, s, [p]));
  const heatmapAllows = (category: string, periods: readonly number[], whole: boolean) =>
    periods.every((p) => !lone.has(`${category}|${p}`) || (!whole && !covered(category, p)));

  // The products of a category shown over a window. The category's total of a period (the heatmap's
  // weeks, or this rule's own category figure) minus the products shown is the rest of its products:
  // that rest must be 0 or K outlets too, in each period and part. Its outlets are at least its
  // largest product's and at most their sum; where that does not settle it, the product shown with
  // the fewest outlets there (K or more, so the rest then has K) is held back with it, or, if there is
  // none, every product of the category. (The old rule, no period with exactly one short product,
  // let a total minus its products shown give two short products' sum: two shops' figures.)
  const shownMemo = new Map<string, Set<string>>();
  const shown = (category: string, periods: readonly number[]): Set<string> => {
    const memoKey = `${category}|${periods.join(',')}`;
    const held = shownMemo.get(memoKey);
    if (held) return held;
    const all = products(category);
    const show = new Set(all.filter((s) => itemSafe(category, s, periods) && heatmapAllows(category, periods, false)));
    const rest = () => all.filter((s) => !show.has(s));
    for (const p of periods) {
      for (const part of PARTS) {
        if (show.size === 0 || show.size === all.length) continue;
        // A lone withheld week keeps the category's period inside the area from being shown anywhere.
        if (part === 1 && lone.has(`${category}|${p}`)) continue;
        const counts = rest().map((s) => n(category, s, p, part));
        const sum = counts.reduce((a, b) => a + b, 0);
        if (sum === 0 || Math.max(...counts) >= K_ANONYMITY) continue;
        const next = [...show].filter((s) => n(category, s, p, part) >= K_ANONYMITY)
          .sort((a, b) => n(category, a, p, part) - n(category, b, p, part) || a.localeCompare(b))[0];
        if (next === undefined) show.clear();
        else show.delete(next);
      }
    }
    shownMemo.set(memoKey, show);
    return show;
  };

  return {
    /** A product's figure over these periods may be shown. */
    product: (category: string, sku: string, periods: readonly number[]) => shown(category, periods).has(sku),
    /** A category's total may be shown: it is safe, and the heatmap withholds no lone week of it
     *  (what its products leave over is safe by the choice of those shown). */
    category: (category: string, periods: readonly number[]) => itemSafe(category, '', periods) && heatmapAllows(category, periods, true),
    /** The products (of every category in the rows) shown over these periods. */
    safeProducts: (periods: readonly number[]) => [...productsOf.keys()].flatMap((category) => [...shown(category, periods)]),
    /** Products that other outlets inside the area sold in these periods. */
    soldInside: (periods: readonly number[]) => [...productsOf].flatMap(([category, skus]) =>
      [...skus].filter((s) => periods.some((p) => n(category, s, p, 1) > 0))),
  };
}

/** Period indices [first, first + count). */
export const periods = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);
