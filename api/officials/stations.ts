// The stations of an area for a month: every county service centre, county warehouse, township
// station and village logistics point, with what it reported (POS sales, orders placed for
// villagers, parcels out and in), its last report, who has not reported, report completeness per
// county and the coverage of townships and villages.
import { STATION_TYPES, type StationRow, type StationsResponse } from '../../contracts/officials.ts';
import { addDays, addMonths, shanghaiDay } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Directory } from '../directory.ts';

type Db = Pick<Warehouse, 'query'>;

const REPORTING = new Set(['township_station', 'village_point']);
const isStation = (type: string): type is StationRow['type'] => (STATION_TYPES as readonly string[]).includes(type);

/** The last day of a month, YYYY-MM-DD. */
export const lastDayOf = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);

export interface StationsResult extends Omit<StationsResponse, 'area' | 'path' | 'stations'> {
  stations: (StationRow & { expected: boolean })[];
}

/** Days a station has been quiet on `asOf`: since its last report, or since it opened when it
 *  never sent anything (one opened on the 10th is not silent past 14 days on the 15th). */
export const quietDays = (s: { daysSilent: number | null; openedOn: string }, asOf: string): number =>
  s.daysSilent ?? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(s.openedOn)) / 86_400_000));

export async function readStations(db: Db, deps: { queries: Queries; directory: Directory; clock: () => number }, area: string,
  month: string, silentDays: number, scope: readonly string[]): Promise<StationsResult> {
  const { queries, directory, clock } = deps;
  const today = shanghaiDay(clock());
  const end = lastDayOf(month);
  const asOf = end < today ? end : today; // silence is counted to the month's end, or to today in the current month
  const [monthRows, lastRows, all, areas] = await Promise.all([
    db.query<{ id: string; sales_fen: number; proxy_fen: number; proxy_lines: number; parcels_out: number; parcels_in: number }>(
      queries['official-station-month'], { m: `${month}-01`, scope: [...scope] }),
    db.query<{ id: string; last_day: string }>(queries['official-station-last'], { since: addDays(asOf, -400), until: asOf, scope: [...scope] }),
    directory.stores(),
    directory.areasUnder(area),
  ]);
  const byId = new Map(monthRows.map((r) => [r.id, r]));
  const last = new Map(lastRows.map((r) => [r.id, r.last_day]));
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const stations = all.filter((s) => isStation(s.type) && s.areaCode.startsWith(area)).map((s) => {
    const r = byId.get(s.id);
    const lastReport = last.get(s.id) ?? null;
    const reported = !!r && Number(r.sales_fen) + Number(r.parcels_out) + Number(r.parcels_in) > 0;
    const daysSilent = lastReport ? Math.round((Date.parse(asOf) - Date.parse(lastReport)) / 86_400_000) : null;
    return {
      id: s.id, name: s.name, type: s.type as StationRow['type'], areaCode: s.areaCode, areaName: names.get(s.areaCode) ?? s.areaCode,
      countyCode: s.areaCode.slice(0, 6), openedOn: s.openedOn, status: s.status, lastReport,
      daysSilent,
      reportedThisMonth: reported,
      // In service in the month, not by today's status: a station silent today reported in the
      // months before it went quiet, and counted then (coverage of 2024-01 left out two stations
      // that reported that very month, because they are silent now).
      inService: s.status !== 'closed' && s.openedOn <= asOf
        && (!REPORTING.has(s.type) || (daysSilent !== null && daysSilent <= silentDays)),
      salesFen: Number(r?.sales_fen ?? 0), proxyFen: Number(r?.proxy_fen ?? 0), proxyOrders: Number(r?.proxy_lines ?? 0),
      parcelsOut: Number(r?.parcels_out ?? 0), parcelsIn: Number(r?.parcels_in ?? 0),
      // Expected to report this month: a township station or village point (the county centre and
      // warehouse are facilities with no POS or parcel stream of their own), open by its end (in the
      // month under way, by today: one opening on the 25th is not due on the 15th), not closed.
      expected: REPORTING.has(s.type) && s.status !== 'closed' && s.openedOn <= asOf,
    };
  });
  const notReporting = stations.filter((s) => s.expected && !s.reportedThisMonth).map((s) => s.id);
  const silent = stations.filter((s) => s.expected && quietDays(s, asOf) > silentDays).map((s) => s.id);
  // Per county at the prefecture; below it, of the area itself (a township's or village's page
  // listed no row at all: its county is not among the areas under it).
  const rows = area.length === 4 ? areas.filter((a) => a.level === 'county') : areas.filter((a) => a.code === area);
  const completeness = rows.map((c) => {
    const mine = stations.filter((s) => s.areaCode.startsWith(c.code) && s.expected);
    const reported = mine.filter((s) => s.reportedThisMonth).length;
    return { countyCode: c.code, name: c.name, expected: mine.length, reported, pct: mine.length ? Math.round((reported / mine.length) * 1000) / 10 : null };
  });
  // Coverage counts what is in service in the month.
  const serving = stations.filter((s) => s.inService);
  const townships = areas.filter((a) => a.level === 'township');
  const villages = areas.filter((a) => a.level === 'village');
  const coveredTownships = new Set(serving.filter((s) => s.type === 'township_station').map((s) => s.areaCode.slice(0, 9)));
  const coveredVillages = new Set(serving.filter((s) => s.type === 'village_point' && s.areaCode.length === 12).map((s) => s.areaCode));
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);
  const tc = townships.filter((t) => coveredTownships.has(t.code)).length;
  const vc = villages.filter((v) => coveredVillages.has(v.code)).length;
  return {
    month, silentDays, stations, notReporting, silent, completeness,
    coverage: { townships: townships.length, townshipsCovered: tc, townshipPct: pct(tc, townships.length), villages: villages.length, villagesCovered: vc, villagePct: pct(vc, villages.length) },
  };
}
