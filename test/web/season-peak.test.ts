import { expect, test } from 'vitest';
import { peakSeason, seasonPoints, type SeasonPoint } from '../../web/flows/season-spec.ts';

const year = (y: string, kg: number[]): SeasonPoint[] => kg.map((k, i) => ({ year: y, month: i + 1, kg: k }));

test('the peak season is the months at 75% of the heaviest or more, with their share of the year', () => {
  // Wild mushrooms: July the heaviest (100); September's 76 is within 75%, October's 40 is not.
  // Share: (100 + 90 + 76) / (4 x 10 + 20 + 60 + 100 + 90 + 76 + 40 + 10 + 10 = 446) = 59.6%.
  expect(peakSeason(year('2025', [10, 10, 10, 10, 20, 60, 100, 90, 76, 40, 10, 10]))).toEqual({ year: '2025', months: [7, 8, 9], sharePct: 60 });
});

test('a third month barely heavier than a fourth is not named when both are far below the top', () => {
  // 74.9 and 74.8 are both under 75: two months, not the "top three".
  expect(peakSeason(year('2025', [5, 5, 5, 5, 5, 5, 100, 90, 74.9, 74.8, 5, 5]))?.months).toEqual([7, 8]);
});

test('a year without a marked season names none', () => {
  // Seven months within 75% of the top (60): more than half the year.
  expect(peakSeason(year('2025', [60, 58, 55, 50, 46, 45, 45, 30, 30, 30, 30, 30]))).toEqual({ year: '2025', months: [], sharePct: 0 });
  // Six are still a season: June's 45, exactly 75% of 60, is the sixth; July's 44 is not.
  expect(peakSeason(year('2025', [60, 58, 55, 50, 46, 45, 44, 30, 30, 30, 30, 30]))?.months).toEqual([1, 2, 3, 4, 5, 6]);
});

test('the last year with twelve months is read, not a year under way; without a whole year, nothing', () => {
  const points = [...year('2024', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50, 100]), ...year('2025', [100, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).slice(0, 5)];
  expect(peakSeason(points)).toEqual({ year: '2024', months: [12], sharePct: 63 }); // 100 / 160
  expect(peakSeason(year('2025', [100, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).slice(0, 5))).toBeNull();
});

test('exactly three quarters of the top counts, whatever floating point makes of it', () => {
  // 6.3 / 8.4 is 0.75, which 0.75 * 8.4 (6.300000000000001) would have left out.
  expect(peakSeason(year('2025', [1, 1, 1, 1, 1, 1, 8.4, 6.3, 6.2, 1, 1, 1]))?.months).toEqual([7, 8]);
});

test('no weight at all: nothing to say', () => {
  expect(peakSeason(year('2025', Array(12).fill(0)))).toBeNull();
  expect(peakSeason([])).toBeNull();
});

test('the month under way is no point of the chart: its few days would draw a drop', () => {
  const month = (m: string, weightG: number, partial: boolean) => ({ month: m, orders: 1, qty: 1, weightG, amountFen: 1, yoyPct: null, partial });
  expect(seasonPoints([month('2026-10', 4_000_000, false), month('2026-11', 3_500_000, false), month('2026-12', 120_000, true)]))
    .toEqual([{ year: '2026', month: 10, kg: 4000 }, { year: '2026', month: 11, kg: 3500 }]);
});
