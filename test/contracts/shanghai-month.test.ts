// The months of the cockpit and the reports follow the Shanghai calendar, not the browser's zone nor
// UTC: at 03:13 on December 1st in Beijing (still November 30th in UTC) last month is November.
import { expect, test } from 'vitest';
import { addMonths, shanghaiMonth } from '../../contracts/time.ts';

const currentMonth = shanghaiMonth;
const previousMonth = (now: number) => addMonths(shanghaiMonth(now), -1);

test('at 2026-11-30 19:13 UTC (2026-12-01 03:13 in Shanghai) the report month is 2026-11', () => {
  const now = Date.parse('2026-11-30T19:13:00Z');
  expect(previousMonth(now)).toBe('2026-11');
  expect(currentMonth(now)).toBe('2026-12');
});

test('one second before midnight in Shanghai it is still November', () => {
  const now = Date.parse('2026-11-30T15:59:59Z');
  expect(previousMonth(now)).toBe('2026-10');
  expect(currentMonth(now)).toBe('2026-11');
});

test('mid-month: 2026-11-15 12:00 in Shanghai gives 2026-10', () => {
  const now = Date.parse('2026-11-15T04:00:00Z');
  expect(previousMonth(now)).toBe('2026-10');
  expect(currentMonth(now)).toBe('2026-11');
});

test('in January the previous month is December of the year before', () => {
  const now = Date.parse('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 in Shanghai
  expect(previousMonth(now)).toBe('2026-12');
  expect(currentMonth(now)).toBe('2027-01');
});
