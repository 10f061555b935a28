// Growth and national gaps on hand-made numbers: a missing baseline year, a county with no
// prior-year data, January (which NBS publishes only with February), the choice among rows.
import { describe, expect, test } from 'vitest';
import type { NationalRow } from '../../../contracts/officials.ts';
import { compareWithNational, figuresOf, latestComparable, monthsBetween, pctChange } from '../../../api/officials/growth.ts';
import { addMonths } from '../../../contracts/time.ts';
import { statusOf } from '../../../api/officials/scorecard.ts';

const values = (entries: [string, number][]) => new Map(entries);
const have = (from: string, to: string) => (m: string) => m >= from && m <= to;
const row = (r: Partial<NationalRow>): NationalRow => ({ body: 'NBS', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-03', value100mYuan: null, yoyPct: 7.5, source: 's', confidence: 'official', ...r });

describe('months', () => {
  test('arithmetic across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -12)).toBe('2025-03');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('figures of a month', () => {
  test('month, year to date and growth, worked by hand', () => {
    // 2025: Jan 100, Feb 200, Mar 300; 2026: Jan 110, Feb 180, Mar 360.
    const v = values([['2025-01', 100], ['2025-02', 200], ['2025-03', 300], ['2026-01', 110], ['2026-02', 180], ['2026-03', 360]]);
    expect(figuresOf(v, '2026-03', have('2025-01', '2026-03'))).toEqual({
      month: 360, ytd: 650, previousMonth: 180, sameMonthLastYear: 300, ytdLastYear: 600,
      momPct: 100, yoyPct: 20, ytdYoyPct: 8.3, // 650/600 - 1 = 8.33...%
    });
  });

  test('a month with data but no sales counts as zero; a month before the data began is unknown, not zero', () => {
    const v = values([['2026-03', 50]]);
    const f = figuresOf(v, '2026-03', have('2025-06', '2026-03'));
    expect([f.month, f.previousMonth, f.ytd]).toEqual([50, 0, 50]);
    // Last year's January to March is before the data began: no year-to-date growth at all.
    expect([f.sameMonthLastYear, f.ytdLastYear, f.yoyPct, f.ytdYoyPct]).toEqual([null, null, null, null]);
    expect(f.momPct).toBeNull(); // from 0 there is no percentage
  });

  test('a county with no prior-year sales: last year is zero, and growth from zero is not a number', () => {
    const v = values([['2026-01', 10], ['2026-02', 10], ['2026-03', 10]]);
    const f = figuresOf(v, '2026-03', have('2025-01', '2026-03'));
    expect([f.ytdLastYear, f.ytdYoyPct, f.yoyPct]).toEqual([0, null, null]);
  });

  test('percent change', () => {
    expect(pctChange(105, 100)).toBe(5);
    expect(pctChange(0, 100)).toBe(-100);
    expect(pctChange(5, 0)).toBeNull();
    expect(pctChange(null, 1)).toBeNull();
  });
});

describe('gaps to the national growth', () => {
  test('in points, against the row of the same series covering January to the month', () => {
    expect(compareWithNational(10, 'national_online_retail', '2026-03', [row({})])).toEqual({
      gapPp: 2.5, nationalYoyPct: 7.5, body: 'NBS', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-03', source: 's', confidence: 'official',
    });
  });

  test('a missing baseline year: no growth to compare', () => {
    expect(compareWithNational(null, 'national_online_retail', '2026-03', [row({})]))
      .toEqual({ missing: 'no_county_growth' });
  });

  test('no row for the same months (a half-year row does not stand in for a quarter), and January\'s note', () => {
    expect(compareWithNational(10, 'rural_online_retail', '2026-03', [row({ series: 'rural_online_retail', periodEnd: '2026-06' })]))
      .toEqual({ missing: 'no_national_figure', series: 'rural_online_retail', periodStart: '2026-01', periodEnd: '2026-03' });
    expect(compareWithNational(10, 'national_online_retail', '2026-01', [row({ periodEnd: '2026-02' })]))
      .toEqual({ missing: 'nbs_january_with_february', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-01' });
  });

  test('another kind of series is never used, and the best-sourced row wins', () => {
    expect(compareWithNational(10, 'rural_online_retail', '2026-03', [row({})])).toEqual({ missing: 'no_national_figure', series: 'rural_online_retail', periodStart: '2026-01', periodEnd: '2026-03' });
    const chosen = compareWithNational(10, 'national_online_retail', '2026-03', [row({ yoyPct: 9, confidence: 'weak', body: 'MOFCOM' }), row({ yoyPct: 8, confidence: 'repost' })]);
    expect(chosen).toMatchObject({ nationalYoyPct: 8, gapPp: 2 });
    expect(compareWithNational(10, null, '2026-03', [])).toEqual({ missing: 'no_national_series' });
  });
});

describe('the last comparison that can be made, while this period has no national figure', () => {
  const rows = [
    row({ periodStart: '2025-01', periodEnd: '2025-09', yoyPct: 8.1 }),
    row({ periodStart: '2025-01', periodEnd: '2025-12', yoyPct: 8.6, confidence: 'repost' }),
    row({ periodStart: '2025-01', periodEnd: '2025-12', yoyPct: 9.0, confidence: 'weak', body: 'MOFCOM' }),
    row({ periodStart: '2025-07', periodEnd: '2025-12', yoyPct: 3.0 }), // a half-year: not January to a month
    row({ periodStart: '2026-01', periodEnd: '2026-06', yoyPct: 7.0 }), // after the month asked for
    row({ series: 'rural_online_retail', periodStart: '2026-01', periodEnd: '2026-02', yoyPct: 5.0 }), // another series
  ];
  test('the latest January-to-month row before the month, best-sourced, against the area\'s growth over the same months', () => {
    // 2024: 1,000 a month; 2025: 1,100 a month, so January-December grows 10%; 10 - 8.6 = 1.4 points.
    const v = values([...monthsBetween('2024-01', '2025-12').map((m): [string, number] => [m, m < '2025' ? 1000 : 1100])]);
    const at = (end: string) => figuresOf(v, end, have('2024-01', '2025-12')).ytdYoyPct;
    const expected = { nationalYoyPct: 8.6, areaYoyPct: 10, gapPp: 1.4, body: 'NBS', series: 'national_online_retail', periodStart: '2025-01', periodEnd: '2025-12', source: 's', confidence: 'repost' };
    expect(latestComparable('national_online_retail', '2026-03', rows, at)).toEqual(expected);
    expect(compareWithNational(12, 'national_online_retail', '2026-03', rows, at)).toEqual({
      missing: 'no_national_figure', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-03', latest: expected });
    // Before December's row: September's.
    expect(latestComparable('national_online_retail', '2025-12', rows, at)).toMatchObject({ periodEnd: '2025-09', nationalYoyPct: 8.1, areaYoyPct: 10, gapPp: 1.9 });
  });

  test('the area\'s growth unknown: the national figure alone; nothing published before: no fallback', () => {
    expect(latestComparable('national_online_retail', '2026-03', rows, () => null)).toMatchObject({ periodEnd: '2025-12', areaYoyPct: null, gapPp: null, nationalYoyPct: 8.6 });
    expect(latestComparable('national_online_retail', '2025-09', rows)).toBeNull();
    expect(compareWithNational(12, 'rural_online_retail', '2026-01', rows)).toEqual({ missing: 'no_national_figure', series: 'rural_online_retail', periodStart: '2026-01', periodEnd: '2026-01' });
  });
});

describe('status of a target', () => {
  const target = { id: 'x', areaCode: '532302', indicator: 'i', labelZh: 'x', labelEn: 'x', comparison: 'at_least' as const, target: 3000, unit: '人次', periodStart: '2026-01', due: '2026-12', source: 's' };
  test('met, on track by pace before the due month, behind if not, not met once the due month has passed, no data without an actual', () => {
    expect(statusOf(target, 3000, '2026-06')).toBe('met');
    expect(statusOf(target, 1500, '2026-06')).toBe('on_track'); // half the way at half the time
    expect(statusOf(target, 1000, '2026-06')).toBe('behind');
    expect(statusOf(target, 2999, '2026-12')).toBe('behind'); // its due month, not passed yet
    expect(statusOf(target, 2999, '2027-01')).toBe('missed');
    expect(statusOf(target, null, '2026-06')).toBe('no_data');
    expect(statusOf({ ...target, comparison: 'at_most', target: 5 }, 4, '2026-06')).toBe('met');
  });
});
