// Area figures over several weeks ("what sells nearby", price bands), safe against subtraction.
// A sum over weeks is safe on its own when K other outlets stand behind it, but two of them taken
// apart are not: 8 weeks minus the 8 weeks a week earlier is one week's change, and at the first
// weeks of the data (nothing before) it is one week's figure, of however few shops sold then; the
// county minus the township is the rest of the county, of however few; a category minus its
// products shown is the one product withheld. So these figures are built from fixed 4-week periods
// (counted from a fixed Monday, so every request cuts the same ones), and a figure is shown only when
// each period in it, each part of the area (the cluster and the rest of its counties), and what a
// category's products (or a top-level category's leaves) shown leave over of it, obeys the rule: 0
// or at least K other outlets. Whatever a caller adds or
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

/** What the heatmap withholds of the area's cells, as `${category}|${period}` (leaf or top-level):
 *  `lone`, exactly one week of the period; `any`, at least one (where there is none, the heatmap
 *  gives the area's whole period of that category). */
export interface HeatmapWeeks { lone: ReadonlySet<string>; any: ReadonlySet<string> }

/** HeatmapWeeks of `decisions`: `cells` are [picture, area codes] pairs (a cluster: its townships in
 *  their county's picture; a county: its own row of the prefecture's). */
export function withheldWeeks(decisions: CubeDecisions, cells: readonly (readonly [string, readonly string[]])[], from: string): HeatmapWeeks {
  const counts = new Map<string, number>();
  for (const [picture, areas] of cells) {
    for (const { cell, withheld } of decisions.picture(picture)) {
      if (!withheld || cell.category === '' || !areas.includes(cell.areaCode)) continue;
      const k = `${cell.category}|${periodIndex(from, cell.week)}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return { lone: new Set([...counts].filter(([, n]) => n === 1).map(([k]) => k)), any: new Set(counts.keys()) };
}

/** withheldWeeks of the heatmap a caller owning `own` sees over [from, to), for the area of
 *  `place` at `scope`. */
export async function heatmapWeeks(deps: Pick<WorkspaceDeps, 'queries'>, db: Db, place: Place, scope: 'cluster' | 'county', from: string, to: string, own: readonly string[]): Promise<HeatmapWeeks> {
  const decisions = await decideCubes(db, deps.queries, place.counties, { from, to, scope: place.counties, own });
  const cells = scope === 'cluster'
    ? place.counties.map((county) => [county, place.townships.filter((t) => t.startsWith(county))] as const)
    : place.counties.map((county) => [county.slice(0, 4), [county]] as const);
  return withheldWeeks(decisions, cells, from);
}

const periodIndex = (from: string, week: string) => Math.floor((Date.parse(`${week}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (PERIOD_DAYS * 86400_000));

/** Names in code-point order, the same on every machine (localeCompare follows the locale). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Of `all` the parts of a whole (products of a category, or leaf categories of a top-level one),
 *  those of `show` still shown once what is left over of the whole, in each period and part, is 0
 *  or K outlets. `outletsOf(x, p, part)` is a part's outlets; the left-over's are at least its largest
 *  part's and at most their sum; where that does not settle it, the part shown with the fewest
 *  outlets there (K or more, so the left-over then has K) is left over too, or every part when none
 *  has K. Holding one more back never unsettles a period already settled: a part shown has 0 or K
 *  outlets in each. `hidden(p)`: the whole's period p is shown nowhere inside the area (a lone
 *  withheld week), so its left-over there cannot be had. */
function withRest(all: readonly string[], show: Set<string>, periods: readonly number[],
  outletsOf: (x: string, p: number, part: number) => number, hidden: (p: number) => boolean): Set<string> {
  for (const p of periods) {
    for (const part of PARTS) {
      if (show.size === 0 || show.size === all.length || (part === 1 && hidden(p))) continue;
      const counts = all.filter((x) => !show.has(x)).map((x) => outletsOf(x, p, part));
      if (counts.every((c) => c === 0) || Math.max(...counts) >= K_ANONYMITY) continue;
      const next = [...show].filter((x) => outletsOf(x, p, part) >= K_ANONYMITY)
        .sort((a, b) => outletsOf(a, p, part) - outletsOf(b, p, part) || byName(a, b))[0];
      if (next === undefined) show.clear();
      else show.delete(next);
    }
  }
  return show;
}

/** The rule over a query's rows; `periods` are indices from the query's `from` (0 = its first 4
 *  weeks). `heatmap`: withheldWeeks over the same `from` (none: nothing withheld, and nothing known
 *  from the heatmap). */
export function periodRule(rows: readonly PeriodOutlets[], heatmap?: HeatmapWeeks) {
  const lone = heatmap?.lone ?? new Set<string>();
  // A leaf's period inside the area is the sum of its heatmap weeks where none is withheld.
  const heatmapGives = (category: string, p: number) => heatmap !== undefined && !heatmap.any.has(`${category}|${p}`);
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
  const productsIn = (category: string) => [...productsOf.get(category) ?? []].sort();
  const topOf = (category: string) => category.split('.')[0]!;
  /** Every product of the category sold inside the area in period p is safe there: those shown add up to the category. */
  const covered = (category: string, p: number) => productsIn(category).every((s) => n(category, s, p, 1) === 0 || itemSafe(category, s, [p]));
  const heatmapAllows = (category: string, periods: readonly number[], whole: boolean) =>
    periods.every((p) => !lone.has(`${category}|${p}`) || (!whole && !covered(category, p)));

  // What is shown over a window, decided once per window: each leaf category's products and the
  // leaf categories' totals. A category's total of a period (the heatmap's weeks, or a total shown
  // here) minus what is shown under it is the rest, held to 0 or K outlets: a leaf's products by
  // withRest (the old rule, no period with exactly one short product, let a total minus its products
  // shown give two short products' sum: two shops' figures); a top-level category's leaves by
  // topRest below.
  // What each period holds back beyond the plain rule, decided on that period alone, so that a
  // window holds back whatever any of its periods does: what is shown over a window is then shown
  // over every window inside it, and no two windows can be subtracted into one period's held-back
  // figure. (Decided per window, a product held back over 4 weeks and shown over 8 gave its 4
  // weeks back, and with them what it was held back to cover.) Settled per period is settled per
  // window: a window's rest holds besides only items with 0 or K outlets in that period.
  const heldBack = new Map<number, { products: Set<string>; leaves: Set<string> }>();
  const heldIn = (p: number) => {
    const held = heldBack.get(p);
    if (held) return held;
    const window = [p];
    const products = new Map<string, Set<string>>();
    const leaves = new Set<string>();
    const plain = new Map<string, string[]>(); // per category, the products the plain rule shows
    for (const category of productsOf.keys()) {
      const all = productsIn(category);
      plain.set(category, all.filter((s) => itemSafe(category, s, window) && heatmapAllows(category, window, false)));
      products.set(category, withRest(all, new Set(plain.get(category)), window, (s, q, part) => n(category, s, q, part), (q) => lone.has(`${category}|${q}`)));
      if (itemSafe(category, '', window) && heatmapAllows(category, window, true)) leaves.add(category);
    }
    const plainLeaves = new Set(leaves);
    const tops = new Map<string, string[]>();
    for (const category of [...productsOf.keys()].sort()) tops.set(topOf(category), [...tops.get(topOf(category)) ?? [], category]);
    for (const [top, under] of tops) topRest(top, under, window, products, leaves);
    // Held back: what the plain rule shows and the rest rules took away.
    const d = {
      products: new Set([...plain].flatMap(([c, skus]) => skus.filter((s) => !products.get(c)!.has(s)).map((s) => `${c}\u0000${s}`))),
      leaves: new Set([...plainLeaves].filter((c) => !leaves.has(c))),
    };
    heldBack.set(p, d);
    return d;
  };
  const productShown = (category: string, sku: string, periods: readonly number[]) =>
    itemSafe(category, sku, periods) && heatmapAllows(category, periods, false)
    && periods.every((p) => !heldIn(p).products.has(`${category}\u0000${sku}`));
  const leafShown = (category: string, periods: readonly number[]) =>
    itemSafe(category, '', periods) && heatmapAllows(category, periods, true) && periods.every((p) => !heldIn(p).leaves.has(category));

  // A top-level category's weeks in the heatmap (its period, where none of them is withheld alone)
  // minus the leaves shown under it, and the products shown of the others, is the products held
  // back of the leaves not shown. Where those do not settle at 0 or K outlets (as in withRest), one
  // more is held back: a product shown of such a leaf with K outlets there, or else a leaf shown
  // with K there, with its products, or else everything under the top-level category. Each has 0 or
  // K outlets in every period, so none unsettles a period already settled.
  const topRest = (top: string, under: readonly string[], periods: readonly number[], products: Map<string, Set<string>>, leaves: Set<string>) => {
    // A leaf's total is known from here (shown, or all its products shown) or, inside, from the heatmap.
    const shownHere = (category: string) => leaves.has(category) || productsIn(category).every((s) => products.get(category)!.has(s));
    const byFewest = <T>(xs: T[], count: (x: T) => number, name: (x: T) => string) =>
      xs.filter((x) => count(x) >= K_ANONYMITY).sort((a, b) => count(a) - count(b) || byName(name(a), name(b)))[0];
    for (const p of periods) {
      for (const part of PARTS) {
        if (part === 1 && lone.has(`${top}|${p}`)) continue;
        const fromHeatmap = (c: string) => part === 1 && heatmapGives(c, p);
        const plain = (c: string) => shownHere(c) || fromHeatmap(c);
        const rest = under.filter((c) => !plain(c))
          .flatMap((c) => productsIn(c).filter((s) => !products.get(c)!.has(s)).map((s) => n(c, s, p, part)));
        if (rest.every((r) => r === 0) || Math.max(...rest) >= K_ANONYMITY) continue;
        const product = byFewest(under.filter((c) => !plain(c)).flatMap((c) => [...products.get(c)!].map((s) => [c, s] as const)),
          ([c, s]) => n(c, s, p, part), ([c, s]) => `${c}|${s}`);
        // Holding back a leaf the heatmap gives anyway would not help.
        const leaf = product ? undefined : byFewest(under.filter((c) => shownHere(c) && !fromHeatmap(c)), (c) => n(c, '', p, part), (c) => c);
        for (const c of product ? [] : leaf ? [leaf] : under) {
          leaves.delete(c);
          products.get(c)!.clear();
        }
        if (product) products.get(product[0])!.delete(product[1]);
      }
    }
  };

  return {
    /** A product's figure over these periods may be shown. */
    product: (category: string, sku: string, periods: readonly number[]) => productShown(category, sku, periods),
    /** A leaf category's total over these periods may be shown. */
    category: (category: string, periods: readonly number[]) => leafShown(category, periods),
    /** The products (of every category in the rows) shown over these periods. */
    safeProducts: (periods: readonly number[]) => [...productsOf].flatMap(([category, skus]) => [...skus].filter((s) => productShown(category, s, periods))),
    /** Products that other outlets inside the area sold in these periods. */
    soldInside: (periods: readonly number[]) => [...productsOf].flatMap(([category, skus]) =>
      [...skus].filter((s) => periods.some((p) => n(category, s, p, 1) > 0))),
  };
}

/** Period indices [first, first + count). */
export const periods = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);
