// The seasonality chart's Vega-Lite spec: weight shipped each calendar month (x, 1-12), one line
// per year, so a season shows as the same hump year after year and the change between years as
// the gap between the lines. Pure: the data goes in the spec, no Vega here.
import type { SeasonalityResponse } from '../../contracts/flows.ts';

export interface SeasonPoint { year: string; month: number; kg: number }

/** Months (YYYY-MM) as points by year and month number, weight in kilograms. */
/** The whole months as points: the month under way would draw a drop that is only the days to come. */
export function seasonPoints(months: SeasonalityResponse['months']): SeasonPoint[] {
  return months.filter((m) => !m.partial).map((m) => ({ year: m.month.slice(0, 4), month: Number(m.month.slice(5)), kg: Math.round(m.weightG / 100) / 10 }));
}

export const MAX_PEAK_MONTHS = 6;

/**
 * The peak season of the last year with all twelve months, in words: the months whose weight is at
 * least three quarters of the heaviest month's, with their share of the year. A fixed number of
 * months would name a third month barely heavier than a fourth; when more than six months come
 * within three quarters of the top, there is no season to name (months: []). Without a whole year
 * there is none to say either: a share "of the year" over part of one would mislead.
 */
export function peakSeason(points: readonly SeasonPoint[]): { year: string; months: number[]; sharePct: number } | null {
  const years = [...new Set(points.map((p) => p.year))].sort();
  const year = years.filter((y) => points.filter((p) => p.year === y).length === 12).at(-1);
  if (!year) return null;
  const ofYear = points.filter((p) => p.year === year && p.kg > 0);
  if (ofYear.length === 0) return null;
  const top = Math.max(...ofYear.map((p) => p.kg));
  // In whole tenths of a kilogram (the points' precision), so that exactly 75% counts: 6.3 of 8.4
  // in floating point is 0.7499999.
  const tenths = (kg: number) => Math.round(kg * 10);
  const peak = ofYear.filter((p) => 4 * tenths(p.kg) >= 3 * tenths(top));
  if (peak.length > MAX_PEAK_MONTHS) return { year, months: [], sharePct: 0 };
  const total = ofYear.reduce((n, p) => n + p.kg, 0);
  return { year, months: peak.map((p) => p.month).sort((a, b) => a - b), sharePct: Math.round((100 * peak.reduce((n, p) => n + p.kg, 0)) / total) };
}

export function seasonSpec(points: readonly SeasonPoint[], o: { width: number; month: string; weight: string; year: string; monthLabel: (n: number) => string }): Record<string, unknown> {
  const labels = ['', ...Array.from({ length: 12 }, (_, i) => o.monthLabel(i + 1))]; // by month number
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: o.width, height: 240,
    data: { values: points },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: o.month, scale: { domain: Array.from({ length: 12 }, (_, i) => i + 1) },
        axis: { labelAngle: 0, labelExpr: `${JSON.stringify(labels)}[datum.value]` } },
      y: { field: 'kg', type: 'quantitative', title: o.weight },
      color: { field: 'year', type: 'nominal', title: o.year, legend: { orient: 'top' } },
      tooltip: [{ field: 'year', title: o.year }, { field: 'month', title: o.month }, { field: 'kg', title: o.weight, format: ',.1f' }],
    },
  };
}
