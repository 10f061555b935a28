// Demand around me: a heatmap of the stores' village cluster or county, fusing shop sales, wholesale
// deliveries and parcels, with a choice of measure so that colours show demand and not the size of
// an area. Every cell is withheld unless K other outlets stand behind it (or only the caller's own
// do); a column with one withheld cell loses its smallest other cell too, so the hidden one cannot
// be had by subtraction from the total a level up.
import { K_ANONYMITY, type DemandResponse } from '../../contracts/workspace.ts';
import type { z } from 'zod';
import type { demandQuery } from '../../contracts/workspace.ts';
import { festivalWindows } from '../../contracts/festivals.ts';
import { addDays, wholeWeeksTo } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { decideCubes, type CubeDecisions } from '../merchant-cubes.ts';
import { visible, withheldCells } from '../suppression.ts';
import { areaLabel, areaOf, defaultTo, growthPct, num, placeOf, type Db, type WorkspaceDeps } from './common.ts';

type Query = z.output<typeof demandQuery>;
interface Raw {
  row: string; col: string; outlets: number; own: number; qty: number; amountFen: number;
  assumed?: true; // own is an upper bound (the hourly rollup does not say whose stores), not a count
}

const QUERY = { pos: 'workspace-demand-pos', deliveries: 'workspace-demand-deliveries', parcels: 'workspace-demand-parcels' } as const;

/** The raw figure a measure starts from. */
const base = (c: Raw, measure: Query['measure']) => (measure === 'units' ? c.qty : c.amountFen);

/** `ownStores`: every store of the caller (a merchant), whose cells they may see whoever else is in them. */
export async function demandAround(deps: WorkspaceDeps, db: Db, stores: StoreInfo[], q: Query, today: string, ownStores?: readonly string[]): Promise<DemandResponse> {
  const { queries, directory, products } = deps;
  const place = placeOf(stores);
  const area = areaOf(place, q.scope);
  // Whole weeks only: a column of a week under way would look pale beside whole ones.
  const to = q.to ? wholeWeeksTo(q.to, today) : await defaultTo(deps, db, place, today);
  const from = addDays(to, -7 * q.weeks);
  const yoy = q.measure === 'yoy';
  const current: Raw[] = [];
  const before = new Map<string, Raw>(); // the same cell a year (52 weeks) before, for yoy
  let cols: { key: string; label: string }[];

  if (q.view === 'hour') {
    const rows = await db.query<{ weekday: number; hour: number; ly: number; outlets: number; qty: number; amount_fen: number }>(
      queries['workspace-demand-hourly'], { ...area, from, to, ly_from: addDays(from, -364), ly_to: addDays(to, -364) });
    // The rollup keeps the stores behind a cell but not whose: assume the caller's stores of the area
    // are among them, which can only withhold more.
    const ownHere = stores.filter((s) => area.townships.length === 0 || area.townships.includes(s.areaCode.slice(0, 9))).length;
    for (const r of rows) {
      const raw: Raw = { row: String(r.weekday), col: String(r.hour), outlets: num(r.outlets), own: ownHere, assumed: true, qty: num(r.qty), amountFen: num(r.amount_fen) };
      if (Number(r.ly) === 1) before.set(`${raw.row}|${raw.col}`, raw);
      else current.push(raw);
    }
    cols = Array.from({ length: 24 }, (_, h) => ({ key: String(h), label: `${h}` }));
  } else {
    const params = { ...area, stores: place.ids, view: q.view, category: q.category ?? '', to };
    const rows = await db.query<{ row_key: string; week: string; outlets: number; own: number; qty: number; amount_fen: number }>(
      queries[QUERY[q.stream]], { ...params, from: yoy ? addDays(from, -364) : from });
    for (const r of rows) {
      const raw: Raw = { row: r.row_key, col: r.week, outlets: num(r.outlets), own: num(r.own), qty: num(r.qty), amountFen: num(r.amount_fen) };
      if (raw.col < from) before.set(`${raw.row}|${addDays(raw.col, 364)}`, raw);
      else current.push(raw);
    }
    cols = Array.from({ length: q.weeks }, (_, i) => addDays(from, 7 * i)).map((w) => ({ key: w, label: w }));
  }

  let withheld: Set<Raw>;
  if (q.stream === 'pos' && q.view !== 'hour') {
    // Shop sales by area or category are the heatmap's cells: decided as the heatmap decides them.
    withheld = await posWithheld(deps, db, place, q, current, [...before.values()], ownStores?.length ? ownStores : place.ids, from, to);
  } else {
    // The cells of a week column add up to the area's total a level up (shown in the county view, or
    // as the cluster's total), and the weekday x hour grid adds up to the area's total over the weeks.
    const groups = q.view === 'hour' ? [current] : cols.map((col) => current.filter((c) => c.col === col.key));
    withheld = withheldCells(current, groups, (a, b) => a.row.localeCompare(b.row) || Number(a.col) - Number(b.col));
    for (const b of before.values()) if (!visible(b)) withheld.add(b);
  }

  const value = (c: Raw): number | null => {
    if (q.measure === 'value' || q.measure === 'units') return base(c, q.measure);
    if (q.measure === 'per_store') return c.outlets > 0 ? Math.round((c.amountFen / c.outlets) * 100) / 100 : null;
    const b = before.get(`${c.row}|${c.col}`);
    // A growth rate and this year's figure give last year's away: both must be showable.
    if (!b || withheld.has(b)) return null;
    return growthPct(c.amountFen, b.amountFen);
  };

  const rowKeys = [...new Set(current.map((c) => c.row))];
  // The rows the chosen stores' own figures fall in: their village (or township, for a store
  // registered at one) in the cluster, their township in the county.
  const ownAreas = new Set(stores.map((s) => (q.scope === 'cluster' && s.areaCode.length === 12 ? s.areaCode : s.areaCode.slice(0, 9))));
  const rows = await Promise.all(rowKeys.sort((a, b) => (q.view === 'hour' ? Number(a) - Number(b) : a.localeCompare(b))).map(async (key) => ({
    key,
    // In the cluster a township's own row holds only the outlets registered at the township (its
    // seat), not the township: named so, since the county view's row of that name is all of it.
    // The township's own row among its villages (stores registered at the seat) is named so by the
    // page, in the reader's language.
    label: q.view === 'area' ? (await directory.area(key))?.name ?? key : key,
    own: q.view === 'area' && ownAreas.has(key),
  })));

  return {
    view: q.view, scope: q.scope, stream: q.stream, measure: q.measure,
    area: await areaLabel(directory, place, q.scope),
    category: q.category ?? null,
    from, to, rows, cols,
    cells: current.map((c) => {
      const hidden = withheld.has(c);
      // A withheld cell does not say how many outlets it has: "1" told that a village's one shop sold that week.
      return { row: c.row, col: c.col, value: hidden ? null : value(c), outlets: hidden ? null : c.outlets, withheld: hidden,
        withheldWhy: hidden ? (c.outlets - c.own >= K_ANONYMITY ? 'subtraction' as const : 'outlets' as const) : null };
    }),
    markers: q.view === 'hour' ? [] : await markers(products, from, addDays(to, -1)),
    k: K_ANONYMITY,
  };
}

/**
 * The shop-sales cells withheld, this year's and (yoy) last year's, from the pictures the heatmap
 * decides (api/merchant-cubes.ts): an area row is a cell of its county's (or, in the cluster, its
 * township's) picture; a category row adds up the counties' (or the cluster townships') cells of
 * that category, and is withheld when any of them is, so it gives none of them away.
 */
async function posWithheld(
  deps: WorkspaceDeps, db: Db, place: ReturnType<typeof placeOf>, q: Query, current: Raw[], before: Raw[], own: readonly string[], from: string, to: string,
): Promise<Set<Raw>> {
  const pictures = q.scope === 'county' ? place.counties : place.townships;
  const params = { scope: place.counties, own };
  const [now, then] = await Promise.all([
    decideCubes(db, deps.queries, pictures, { ...params, from, to }),
    before.length > 0 ? decideCubes(db, deps.queries, pictures, { ...params, from: addDays(from, -364), to: addDays(to, -364) }) : null,
  ]);
  const category = (row: string) => q.category ?? (q.view === 'category' ? row : '');
  const hidden = (d: CubeDecisions, c: Raw, week: string) => {
    if (q.view === 'area') return d.withheld(c.row.slice(0, q.scope === 'county' ? 6 : 9), c.row, category(c.row), week);
    const units = q.scope === 'county' ? place.counties.map((code) => [PREFECTURE_OF(code), code] as const) : place.townships.map((code) => [code.slice(0, 6), code] as const);
    return units.some(([picture, code]) => d.withheld(picture, code, category(c.row), week));
  };
  const withheld = new Set<Raw>();
  for (const c of current) if (!visible(c) || hidden(now, c, c.col)) withheld.add(c);
  // Last year's cells carry their own week (keyed a year on in `before`).
  for (const b of before) if (!visible(b) || (then && hidden(then, b, b.col))) withheld.add(b);
  return withheld;
}

const PREFECTURE_OF = (code: string) => code.slice(0, 4);

/** Festivals and the wild-mushroom season (months when most wild-mushroom products of the reference
 *  are in season) overlapping [from, to]. */
async function markers(products: WorkspaceDeps['products'], from: string, to: string): Promise<DemandResponse['markers']> {
  const out: DemandResponse['markers'] = festivalWindows(from, to).map((w) => ({ kind: w.kind, from: w.from, to: w.to }));
  const mushrooms = (await products.all()).filter((p) => p.category === 'produce.wild_mushroom' && p.seasonMonths.length > 0);
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
    .filter((m) => mushrooms.length > 0 && mushrooms.filter((p) => p.seasonMonths.includes(m)).length * 2 > mushrooms.length);
  if (months.length > 0) {
    const first = Math.min(...months);
    const last = Math.max(...months);
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      const start = `${year}-${String(first).padStart(2, '0')}-01`;
      const end = addDays(`${last === 12 ? year + 1 : year}-${String(last === 12 ? 1 : last + 1).padStart(2, '0')}-01`, -1);
      if (end >= from && start <= to) out.push({ kind: 'mushroom_season', from: start, to: end });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}
