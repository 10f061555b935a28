// What a merchant may see of the POS demand of areas, decided once for every surface that shows
// it (the demand heatmap, the workspace's demand grid), so that no two answers can be combined to
// rebuild a withheld cell. Each area's picture (its child areas x every category x week, from
// sql/queries/demand-cube-merchant.sql) is decided at once (api/suppression-cube.ts), top down from
// the prefecture's: a child area's cell withheld in its parent's picture counts as the withheld
// total of its own children's column, so they cannot add up to it.
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { cubeWithheld, type CubeCell } from './suppression-cube.ts';

export interface CubeParams {
  from: string; // a Monday
  to: string; // a Monday, not included
  scope: readonly string[]; // the merchant's areas (code prefixes): only their stores' areas are read
  own: readonly string[]; // the merchant's store ids
}

export interface CubeDecisions {
  /** The cells of `area`'s picture (its child areas), each with whether it is withheld. */
  picture(area: string): { cell: CubeCell; withheld: boolean }[];
  /** Whether the cell of `areaCode` in `picture`'s picture is withheld; a cell with no sales is not. */
  withheld(picture: string, areaCode: string, category: string, week: string): boolean;
}

const parentCode = (code: string): string | null => ({ 12: code.slice(0, 9), 9: code.slice(0, 6), 6: code.slice(0, 4) } as Record<number, string>)[code.length] ?? null;

/** The pictures that decide `area`'s, from the prefecture's down to `area`'s own. */
export function chainOf(area: string): string[] {
  const chain = [area];
  for (let up = parentCode(area); up; up = parentCode(up)) chain.unshift(up);
  return chain;
}

/** Decides the pictures of `areas` (county or township codes) and of every area above them. */
export async function decideCubes(db: Pick<Warehouse, 'query'>, queries: Queries, areas: readonly string[], p: CubeParams): Promise<CubeDecisions> {
  if (areas.some((a) => a.length !== 6 && a.length !== 9)) throw new Error(`pictures of counties and townships only: ${areas.join(', ')}`);
  const needed = [...new Set(areas.flatMap(chainOf))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const counties = [...new Set(areas.map((a) => a.slice(0, 6)))];
  // One scan a county gives its row of the prefecture's picture, its own picture and its townships'.
  const cubes = new Map<string, CubeCell[]>(needed.map((area) => [area, []]));
  const read = await Promise.all(counties.map((county) => db.query<{ picture: string; area_code: string; week_start: string; category: string; stores: number; own_stores: number; qty: number; amount_fen: number }>(
    queries['demand-cube-merchant'], { county, townships: areas.filter((a) => a.length === 9 && a.startsWith(county)), from: p.from, to: p.to, scope: [...p.scope], own: [...p.own] })));
  for (const r of read.flat()) {
    cubes.get(r.picture)?.push({
      areaCode: r.area_code, week: r.week_start, category: r.category, outlets: Number(r.stores), own: Number(r.own_stores),
      qty: Number(r.qty), amountFen: Number(r.amount_fen),
    });
  }
  // `${picture}|${areaCode}|${category}|${week}` of every withheld cell: a township's seat is a row
  // of its own township's picture under the township's code, so the picture is part of the key.
  const hidden = new Set<string>();
  const key = (picture: string, areaCode: string, category: string, week: string) => `${picture}|${areaCode}|${category}|${week}`;
  for (const area of needed) { // parents first: ordered by code length
    const parent = parentCode(area);
    // The prefecture's own figures are not shown to a merchant (the heatmap answers 403 above their
    // counties), so its counties' columns are no groups: a county's cells are decided on its own
    // figures alone, the same whichever of them the merchant's scope holds.
    const withheld = cubeWithheld(cubes.get(area)!, parent === null ? null : (category, week) => hidden.has(key(parent, area, category, week)));
    for (const c of withheld) hidden.add(key(area, c.areaCode, c.category, c.week));
  }
  return {
    picture: (area) => (cubes.get(area) ?? []).map((cell) => ({ cell, withheld: hidden.has(key(area, cell.areaCode, cell.category, cell.week)) })),
    withheld: (picture, areaCode, category, week) => hidden.has(key(picture, areaCode, category, week)),
  };
}
