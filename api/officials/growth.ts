// Growth arithmetic of the officials' figures, on plain numbers: month, year to date, month on
// month, year on year, and the gap to a national rate in percentage points. No warehouse here, so
// the hand-made cases of test/api/officials/growth.test.ts exercise it directly.
import type { Comparison, IndicatorFigures, IndicatorKey, LatestComparison, NationalRow } from '../../contracts/officials.ts';
import { addMonths } from '../../contracts/time.ts';

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Percent change from `base` to `value`; null without a base (none, or zero). */
export function pctChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return round1(((value - base) / base) * 100);
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The figures of one indicator for `month` from its monthly values. `have` says which months hold
 * data at all (a month before the data began is unknown, not zero). A year-to-date sum needs every
 * month of both spans to be known.
 */
export function figuresOf(values: ReadonlyMap<string, number>, month: string, have: (m: string) => boolean,
  ytdOf?: (from: string, to: string) => number | null): Omit<IndicatorFigures, 'key' | 'unit' | 'vsNational' | 'vsNationalRural'> {
  const at = (m: string) => (have(m) ? values.get(m) ?? 0 : null);
  const sum = (from: string, to: string) => {
    if (ytdOf) return monthsBetween(from, to).every(have) ? ytdOf(from, to) : null;
    let total = 0;
    for (const m of monthsBetween(from, to)) {
      if (!have(m)) return null;
      total += values.get(m) ?? 0;
    }
    return total;
  };
  const jan = `${month.slice(0, 4)}-01`;
  const lastYear = addMonths(month, -12);
  const value = at(month);
  const previousMonth = at(addMonths(month, -1));
  const sameMonthLastYear = at(lastYear);
  const ytd = sum(jan, month);
  const ytdLastYear = sum(addMonths(jan, -12), lastYear);
  return {
    month: value, ytd, previousMonth, sameMonthLastYear, ytdLastYear,
    momPct: pctChange(value, previousMonth), yoyPct: pctChange(value, sameMonthLastYear), ytdYoyPct: pctChange(ytd, ytdLastYear),
  };
}

/** Which national series an indicator is compared with, as an average and as a rural average. */
export const NATIONAL_SERIES_OF: Partial<Record<IndicatorKey, { average: string; rural: string | null }>> = {
  online_retail: { average: 'national_online_retail', rural: 'rural_online_retail' },
  // MOFCOM's agricultural series covers the whole country; no rural-only series is published.
  agri_online_retail: { average: 'agri_online_retail', rural: null },
};

const CONFIDENCE_RANK: Record<string, number> = { official: 0, repost: 1, weak: 2 };
const byConfidence = (a: NationalRow, b: NationalRow) => (CONFIDENCE_RANK[a.confidence] ?? 9) - (CONFIDENCE_RANK[b.confidence] ?? 9) || a.body.localeCompare(b.body);

/**
 * The gap between a county's year-to-date growth and the national growth over the same months,
 * from a row of the same series covering exactly January to `month`. Says why when there is none,
 * as a code the page and the report put in words.
 */
export function compareWithNational(ytdYoyPct: number | null, series: string | null, month: string, rows: readonly NationalRow[],
  ytdYoyAt?: (end: string) => number | null): Comparison | null {
  if (series === null) return { missing: 'no_national_series' };
  const start = `${month.slice(0, 4)}-01`;
  const row = rows.filter((r) => r.series === series && r.periodStart === start && r.periodEnd === month && r.yoyPct !== null).sort(byConfidence)[0];
  if (!row) {
    const janFeb = month.endsWith('-01') && series.startsWith('national_');
    const latest = latestComparable(series, month, rows, ytdYoyAt);
    return { missing: janFeb ? 'nbs_january_with_february' : 'no_national_figure', series, periodStart: start, periodEnd: month, ...(latest ? { latest } : {}) };
  }
  if (ytdYoyPct === null) return { missing: 'no_county_growth' };
  return {
    gapPp: round1(ytdYoyPct - row.yoyPct!), nationalYoyPct: row.yoyPct!,
    body: row.body, series: row.series, periodStart: row.periodStart, periodEnd: row.periodEnd, source: row.source, confidence: row.confidence,
  };
}

/** The last month of the latest year-to-date figure of `series` published for months before `month`. */
export function latestNationalEnd(series: string, month: string, rows: readonly NationalRow[]): string | null {
  let end: string | null = null;
  for (const r of rows) {
    if (r.series === series && r.yoyPct !== null && r.periodEnd < month && r.periodStart === `${r.periodEnd.slice(0, 4)}-01` && (end === null || r.periodEnd > end)) end = r.periodEnd;
  }
  return end;
}

/**
 * The comparison that can be made while the months asked for have no national figure: the latest
 * year-to-date figure of the series before `month`, against the area's growth over the same months
 * (`ytdYoyAt`; null where the area's figures for them are not known).
 */
export function latestComparable(series: string, month: string, rows: readonly NationalRow[], ytdYoyAt?: (end: string) => number | null): LatestComparison | null {
  const end = latestNationalEnd(series, month, rows);
  if (end === null) return null;
  const row = rows.filter((r) => r.series === series && r.periodEnd === end && r.periodStart === `${end.slice(0, 4)}-01` && r.yoyPct !== null).sort(byConfidence)[0]!;
  const areaYoyPct = ytdYoyAt?.(end) ?? null;
  return {
    nationalYoyPct: row.yoyPct!, areaYoyPct, gapPp: areaYoyPct === null ? null : round1(areaYoyPct - row.yoyPct!),
    body: row.body, series: row.series, periodStart: row.periodStart, periodEnd: row.periodEnd, source: row.source, confidence: row.confidence,
  };
}
