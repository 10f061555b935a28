// Monthly series of the officials' indicators for an area and its children, read from the monthly
// rollups in one round of parallel queries and summed up the area tree here (every row carries its
// township or seller area, so a child's total is the sum of the codes that start with it). Below a
// township the rollups of stations' sales and parcels keep the store, not the village: a township's
// villages are the villages its stores are registered in, as online retail is counted where the
// seller is registered.
import { INDICATORS, type IndicatorKey } from '../../contracts/officials.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { noMemo, type VersionedMemo } from '../versioned-memo.ts';
import { addMonths } from '../../contracts/time.ts';

type Db = Pick<Warehouse, 'query'>;

/** Values of one area: indicator → month → value. */
export type AreaSeries = Record<IndicatorKey, Map<string, number>>;

export interface SeriesSet {
  total: AreaSeries;
  children: Map<string, AreaSeries>; // child code → series
}

const emptySeries = (): AreaSeries => Object.fromEntries(INDICATORS.map((k) => [k, new Map<string, number>()])) as AreaSeries;

function add(series: AreaSeries, key: IndicatorKey, month: string, value: number): void {
  const m = series[key];
  m.set(month, (m.get(month) ?? 0) + value);
}

const asMonth = (day: string) => day.slice(0, 7);
const firstDay = (month: string) => `${month}-01`;

export interface SeriesQuery {
  area: string; // 5323, a county or a township
  childLength: number | null; // digits of a child's code (6 for counties, 9 for townships, 12 for villages); null: no children
  from: string; // YYYY-MM
  to: string;
  scope: readonly string[];
  /** Where a store or station is registered (its area code; undefined for one the reference does
   *  not know). Given, the area's orders for villagers and parcels are read by store and placed
   *  there: for a township's villages and a village's own figures (a township or a village area). */
  unitArea?: (id: string) => string | undefined;
}

/** The area a store's row counts in below its township: the village it is registered in, or the
 *  township itself (a store at the township seat, one the reference does not know, or one registered
 *  in another township than its receipts name). So the villages and the township's own share add
 *  up to the township. */
export function unitPlace(township: string, registered: string | undefined): string {
  return registered !== undefined && registered.length === 12 && registered.startsWith(township) ? registered : township;
}

/** Reads the monthly series of every indicator for the area and its children over [from, to]. */
export async function readSeries(db: Db, queries: Queries, q: SeriesQuery): Promise<SeriesSet> {
  const range = { from: firstDay(q.from), to: firstDay(q.to), scope: [...q.scope] };
  const includeUnknown = q.area === '5323' && q.scope.includes('5323') ? 1 : 0;
  const { unitArea } = q;
  // By store, for the area's township only (a county's scope would bring every store of the
  // county). The routes checked that the area is in the caller's scope; of the township's rows only
  // those placed in the area reach the answer (place(), below).
  const byUnit = unitArea ? { ...range, by_unit: 1, scope: q.scope.some((a) => q.area.startsWith(a)) ? [q.area.slice(0, 9)] : range.scope } : { ...range, by_unit: 0 };
  const [online, proxy, parcels] = await Promise.all([
    db.query<{ month_start: string; seller_area: string; amount_fen: number; agri_fen: number; sellers: number }>(queries['official-online-monthly'], { ...range, include_unknown: includeUnknown }),
    db.query<{ month_start: string; township_code: string; unit_id: string; amount_fen: number }>(queries['official-proxy-monthly'], byUnit),
    db.query<{ month_start: string; township_code: string; unit_id: string; parcels_out: number; parcels_in: number }>(queries['official-parcels-monthly'], byUnit),
  ]);
  const areaOf = (r: { township_code: string; unit_id: string }) => (unitArea ? unitPlace(r.township_code, unitArea(r.unit_id)) : r.township_code);
  const set: SeriesSet = { total: emptySeries(), children: new Map() };
  const place = (code: string, key: IndicatorKey, month: string, value: number) => {
    // Unknown sellers ('') count in the prefecture's total only: they have no known county.
    if (code === '' ? q.area !== '5323' : !code.startsWith(q.area)) return;
    add(set.total, key, month, value);
    if (q.childLength === null || code === '') return;
    const child = code.slice(0, q.childLength);
    let s = set.children.get(child);
    if (!s) set.children.set(child, (s = emptySeries()));
    add(s, key, month, value);
  };
  for (const r of online) {
    const m = asMonth(r.month_start);
    place(r.seller_area, 'online_retail', m, Number(r.amount_fen));
    place(r.seller_area, 'agri_online_retail', m, Number(r.agri_fen));
    // A seller has one area, so distinct sellers per area add up to distinct sellers per parent.
    place(r.seller_area, 'online_merchants', m, Number(r.sellers));
  }
  for (const r of proxy) place(areaOf(r), 'proxy_purchases', asMonth(r.month_start), Number(r.amount_fen));
  for (const r of parcels) {
    place(areaOf(r), 'parcels_out', asMonth(r.month_start), Number(r.parcels_out));
    place(areaOf(r), 'parcels_in', asMonth(r.month_start), Number(r.parcels_in));
  }
  return set;
}

/** Distinct online sellers over the five windows of `month`, for the area and each child. */
export interface MerchantWindows { month: number; prev: number; ly: number; ytd: number; lyYtd: number }

export async function readMerchantWindows(db: Db, queries: Queries, area: string, childLength: number | null, month: string, scope: readonly string[]):
  Promise<{ total: MerchantWindows; children: Map<string, MerchantWindows> }> {
  const ly = addMonths(month, -12);
  const rows = await db.query<{ seller_area: string; month_n: number; prev_n: number; ly_n: number; ytd_n: number; ly_ytd_n: number }>(
    queries['official-online-merchants'], {
      m: firstDay(month), prev: firstDay(addMonths(month, -1)), ly: firstDay(ly), ytd_from: `${month.slice(0, 4)}-01-01`,
      ly_ytd_from: `${ly.slice(0, 4)}-01-01`, scope: [...scope], include_unknown: area === '5323' && scope.includes('5323') ? 1 : 0,
    });
  const zero = (): MerchantWindows => ({ month: 0, prev: 0, ly: 0, ytd: 0, lyYtd: 0 });
  const total = zero();
  const children = new Map<string, MerchantWindows>();
  for (const r of rows) {
    const code = r.seller_area;
    if (code === '' ? area !== '5323' : !code.startsWith(area)) continue;
    const w = { month: Number(r.month_n), prev: Number(r.prev_n), ly: Number(r.ly_n), ytd: Number(r.ytd_n), lyYtd: Number(r.ly_ytd_n) };
    for (const target of [total, code !== '' && childLength !== null ? children.get(code.slice(0, childLength)) ?? children.set(code.slice(0, childLength), zero()).get(code.slice(0, childLength))! : null]) {
      if (!target) continue;
      target.month += w.month; target.prev += w.prev; target.ly += w.ly; target.ytd += w.ytd; target.lyYtd += w.lyYtd;
    }
  }
  return { total, children };
}

/** The first complete month with data and the last month with any, YYYY-MM; null when there is none.
 *  A month the data begins in after its first day is partial: its figures would read as a fall.
 *  The same for every caller and changed only with the data, so kept in `memo` (every page asks
 *  for it before its own queries, the scorecard once more per area it judges). */
export async function readDataMonths(db: Db, queries: Queries, memo: VersionedMemo = noMemo): Promise<{ first: string; last: string } | null> {
  const [r] = await memo.get('official-data-months', () => db.query<{ first_day: string; last_month: string }>(queries['official-data-months']));
  if (!r || r.last_month.startsWith('1970') || r.first_day.startsWith('2999')) return null;
  const first = r.first_day.endsWith('-01') ? asMonth(r.first_day) : addMonths(asMonth(r.first_day), 1);
  const last = asMonth(r.last_month);
  return first <= last ? { first, last } : null;
}
