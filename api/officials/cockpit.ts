// The officials' figures, put together: the overview of an area for a month (every indicator with
// its growth and national gaps, the children for the map and rankings), the trend of one
// indicator, and the report completeness of the stations.
import { INDICATORS, type IndicatorFigures, type IndicatorKey, type NationalRow, type OverviewResponse, type TrendResponse } from '../../contracts/officials.ts';
import { addMonths, shanghaiDay } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Directory } from '../directory.ts';
import type { VersionedMemo } from '../versioned-memo.ts';
import { compareWithNational, figuresOf, latestComparable, latestNationalEnd, monthsBetween, NATIONAL_SERIES_OF, pctChange } from './growth.ts';
import { readDataMonths, readMerchantWindows, readSeries, type AreaSeries, type MerchantWindows } from './series.ts';
import { quietDays, readStations } from './stations.ts';

/** Days without a report after which a station counts as silent (the stations page's default). */
const SILENT_DAYS = 14;

type Db = Pick<Warehouse, 'query'>;

export const UNIT_OF: Record<IndicatorKey, 'fen' | 'count'> = {
  online_retail: 'fen', agri_online_retail: 'fen', online_merchants: 'count', proxy_purchases: 'fen', parcels_out: 'count', parcels_in: 'count',
};

/** An area's children by the length of its code: their code's length and level. */
const CHILDREN = { 4: { length: 6, level: 'county' }, 6: { length: 9, level: 'township' }, 9: { length: 12, level: 'village' } } as const;
const childrenKind = (area: string) => CHILDREN[area.length as keyof typeof CHILDREN] as (typeof CHILDREN)[keyof typeof CHILDREN] | undefined;
export const childLengthOf = (area: string): number | null => childrenKind(area)?.length ?? null;

/** The month a view opens on: the last complete month with data (this month is not over yet), or
 *  the last month when there is no data. */
export function defaultMonth(dataMonths: { last: string } | null, today: string): string {
  const current = today.slice(0, 7);
  if (!dataMonths) return addMonths(current, -1);
  return dataMonths.last >= current ? addMonths(current, -1) : dataMonths.last;
}

/** `memo` keeps the answers that change only with the data (the API's); the reports run without. */
export interface CockpitDeps { queries: Queries; directory: Directory; clock: () => number; memo?: VersionedMemo }

/** `read` says which months' values were read: a month before them is not zero but unknown. */
function indicatorFigures(key: IndicatorKey, series: AreaSeries, month: string, have: (m: string) => boolean,
  merchants: MerchantWindows | undefined, national: readonly NationalRow[], inProgress = false, read: (m: string) => boolean = have): IndicatorFigures {
  let base;
  if (key === 'online_merchants' && merchants) {
    // Distinct sellers do not add up over months: the windows are counted in the warehouse.
    const known = (m: string) => have(m);
    const jan = `${month.slice(0, 4)}-01`;
    const ly = addMonths(month, -12);
    const ytdKnown = monthsBetween(jan, month).every(known);
    const lyYtdKnown = monthsBetween(addMonths(jan, -12), ly).every(known);
    const value = known(month) ? merchants.month : null;
    const previousMonth = known(addMonths(month, -1)) ? merchants.prev : null;
    const sameMonthLastYear = known(ly) ? merchants.ly : null;
    const ytd = ytdKnown ? merchants.ytd : null;
    const ytdLastYear = lyYtdKnown ? merchants.lyYtd : null;
    base = { month: value, ytd, previousMonth, sameMonthLastYear, ytdLastYear,
      momPct: pctChange(value, previousMonth), yoyPct: pctChange(value, sameMonthLastYear), ytdYoyPct: pctChange(ytd, ytdLastYear) };
  } else {
    base = figuresOf(series[key], month, have);
  }
  const series2 = NATIONAL_SERIES_OF[key];
  // The month under way: its figures so far, but no growth; a part of a month against whole ones
  // read as -100% on its first day.
  if (inProgress) base = { ...base, momPct: null, yoyPct: null, ytdYoyPct: null };
  // While these months have no national figure, the last that has one, with the area's growth over it.
  const ytdYoyAt = (end: string) => figuresOf(series[key], end, (m) => read(m) && have(m)).ytdYoyPct;
  const vs = (s: string | null) => {
    if (!(inProgress && s !== null)) return compareWithNational(base.ytdYoyPct, s, month, national, ytdYoyAt);
    const latest = latestComparable(s, month, national, ytdYoyAt);
    return { missing: 'month_in_progress' as const, ...(latest ? { latest } : {}) };
  };
  return {
    key, unit: UNIT_OF[key], ...base,
    vsNational: series2 ? vs(series2.average) : null,
    vsNationalRural: series2 ? vs(series2.rural) : null,
  };
}

/**
 * The first month whose growth the overview computes: `month`, or the end of an earlier national
 * figure the cards fall back to (latestComparable) when it is at most two years back; older ones
 * are shown without the area's growth rather than read for.
 */
function earliestCompared(month: string, national: readonly NationalRow[]): string {
  let earliest = month;
  for (const s of Object.values(NATIONAL_SERIES_OF)) {
    for (const series of [s.average, s.rural]) {
      const end = series === null ? null : latestNationalEnd(series, month, national);
      if (end !== null && end < earliest && end >= addMonths(month, -24)) earliest = end;
    }
  }
  return earliest;
}

export async function buildOverview(db: Db, deps: CockpitDeps, area: { code: string; name: string; level: string }, month: string | undefined,
  scope: readonly string[], national: readonly NationalRow[]): Promise<OverviewResponse> {
  const { queries, directory, clock } = deps;
  const dataMonths = await readDataMonths(db, queries, deps.memo);
  const m = month ?? defaultMonth(dataMonths, shanghaiDay(clock()));
  const have = (x: string) => dataMonths !== null && x >= dataMonths.first && x <= dataMonths.last;
  const childLength = childLengthOf(area.code);
  const from = `${addMonths(earliestCompared(m, national), -12).slice(0, 4)}-01`;
  // Below a township figures go to where each store is registered: a township's villages, a village's own.
  const unitArea = area.code.length >= 9 ? await registeredAreas(directory) : undefined;
  const [set, merchants, stations, unknown, path] = await Promise.all([
    readSeries(db, queries, { area: area.code, childLength, from, to: m, scope, unitArea }),
    readMerchantWindows(db, queries, area.code, childLength, m, scope),
    readStations(db, deps, area.code, m, SILENT_DAYS, scope),
    area.code === '5323' && scope.includes('5323')
      ? db.query<{ seller_id: string; amount_fen: number; orders: number }>(queries['official-unknown-sellers'], { from: `${m.slice(0, 4)}-01-01`, to: `${m}-01` })
      : Promise.resolve([]),
    ancestors(directory, area.code),
  ]);
  const today = shanghaiDay(clock());
  const inProgress = m >= today.slice(0, 7);
  const indicators = INDICATORS.map((k) => indicatorFigures(k, set.total, m, have, merchants.total, national, inProgress, (x) => x >= from));
  const listed = childLength === null ? [] : await childrenOf(directory, area.code);
  const childCodes = [...listed];
  // A township's villages show figures the reference's villages do not hold, not drop them: the
  // township's own share (stores registered at it, in no village, or not found) and a village code
  // the reference lacks. So the rows add up to the township.
  if (childLength === 12) for (const code of [...set.children.keys(), ...merchants.children.keys()].sort()) if (!childCodes.includes(code)) childCodes.push(code);
  const beforeData = dataMonths === null || m < dataMonths.first;
  const children = await Promise.all(childCodes.map(async (code) => {
    const s = set.children.get(code);
    const values: OverviewResponse['children'][number]['values'] = {};
    for (const k of INDICATORS) {
      const f = indicatorFigures(k, s ?? emptyAreaSeries(), m, have, merchants.children.get(code) ?? { month: 0, prev: 0, ly: 0, ytd: 0, lyYtd: 0 }, [], inProgress);
      values[k] = { month: f.month ?? 0, ytd: f.ytd ?? 0, yoyPct: f.yoyPct, ytdYoyPct: f.ytdYoyPct };
    }
    // The area's own row (a township's stores in no village) holds the stations registered at it, not below it.
    const inChild = (s: { areaCode: string }) => (code === area.code ? s.areaCode === code : s.areaCode.startsWith(code));
    // Before the platform's data no station was silent: there was nothing to send to. In the month
    // under way a station has not failed until it has been quiet past the threshold (on the 2nd,
    // most have not yet sent anything for it).
    const quiet = (s: (typeof stations.stations)[number]) => (inProgress ? quietDays(s, today) > SILENT_DAYS : !s.reportedThisMonth);
    const notReporting = beforeData ? 0 : stations.stations.filter((s) => s.expected && quiet(s) && inChild(s)).length;
    return { code, name: code === area.code ? area.name : (await directory.area(code))?.name ?? code, listed: listed.includes(code), values, notReporting };
  }));
  const expected = stations.stations.filter((s) => s.expected).length;
  const reported = stations.stations.filter((s) => s.expected && s.reportedThisMonth).length;
  return {
    area, path, month: m, firstMonth: dataMonths?.first ?? null, latestMonth: dataMonths?.last ?? null,
    latestMonthInProgress: (dataMonths?.last ?? '') >= shanghaiDay(clock()).slice(0, 7), monthInProgress: inProgress, indicators,
    childLevel: childrenKind(area.code)?.level ?? null,
    children,
    unknownSellers: unknown.map((u) => ({ sellerId: u.seller_id, amountFen: Number(u.amount_fen), orders: Number(u.orders) })),
    // A month before the data has no share reported: 0 of 64 read as every station failing to
    // report. A month after the last with data keeps its 0%: no station reporting is the failure
    // this figure is there to show.
    completeness: { expected, reported, pct: expected && dataMonths !== null && m >= dataMonths.first ? Math.round((reported / expected) * 1000) / 10 : null },
  };
}

function emptyAreaSeries(): AreaSeries {
  return Object.fromEntries(INDICATORS.map((k) => [k, new Map<string, number>()])) as AreaSeries;
}

export async function buildTrend(db: Db, deps: CockpitDeps, area: { code: string; name: string }, indicator: IndicatorKey, months: number,
  to: string | undefined, scope: readonly string[], national: readonly NationalRow[]): Promise<TrendResponse> {
  const { queries, clock } = deps;
  const dataMonths = await readDataMonths(db, queries, deps.memo);
  const end = to ?? defaultMonth(dataMonths, shanghaiDay(clock()));
  const start = addMonths(end, -(months - 1));
  const have = (x: string) => dataMonths !== null && x >= dataMonths.first && x <= dataMonths.last;
  // A village's own figures are its registered stores' (series.ts); a township's total needs no store.
  const set = await readSeries(db, queries, { area: area.code, childLength: null, from: `${addMonths(start, -12).slice(0, 4)}-01`, to: end, scope,
    unitArea: area.code.length === 12 ? await registeredAreas(deps.directory) : undefined });
  const values = set.total[indicator];
  const list = monthsBetween(start, end).filter(have).map((m) => {
    const f = figuresOf(values, m, have);
    return { month: m, value: f.month ?? 0, yoyPct: f.yoyPct, ytdYoyPct: f.ytdYoyPct };
  });
  const kinds = NATIONAL_SERIES_OF[indicator];
  const wanted = new Set([kinds?.average, kinds?.rural].filter((x): x is string => !!x));
  const nationalRows = national.filter((r) => wanted.has(r.series) && r.yoyPct !== null && r.periodEnd >= start && r.periodEnd <= end && r.periodStart.endsWith('-01'))
    .map((r) => ({ series: r.series, body: r.body, periodStart: r.periodStart, periodEnd: r.periodEnd, yoyPct: r.yoyPct!, source: r.source }));
  return { area, indicator, from: start, to: end, months: list, national: nationalRows };
}

/** Where each store is registered, for the figures of a township's villages and of a village (series.ts). */
async function registeredAreas(directory: Directory): Promise<(id: string) => string | undefined> {
  const registered = new Map((await directory.stores()).map((s) => [s.id, s.areaCode]));
  return (id) => registered.get(id);
}

export async function ancestors(directory: Directory, code: string): Promise<{ code: string; name: string }[]> {
  const codes = [code.slice(0, 4), code.slice(0, 6), code.slice(0, 9)].filter((c) => c.length < code.length);
  return Promise.all(codes.map(async (c) => ({ code: c, name: (await directory.area(c))?.name ?? c })));
}

async function childrenOf(directory: Directory, code: string): Promise<string[]> {
  return (await directory.areasUnder(code)).filter((a) => a.parentCode === code).map((a) => a.code);
}
