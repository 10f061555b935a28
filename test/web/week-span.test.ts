// A week in days, as the merchant's home names it: worked by hand from the calendar.
import { expect, test } from 'vitest';
import { weekSpan } from '../../web/format.ts';

test('within a month, across months and across a year, in Chinese and English', () => {
  expect(weekSpan('2026-03-02', 'zh')).toBe('3月2日–8日'); // 2026-W10
  expect(weekSpan('2026-02-23', 'zh')).toBe('2月23日–3月1日'); // 2026 is no leap year
  expect(weekSpan('2025-12-29', 'zh')).toBe('12月29日–1月4日'); // 2026-W01
  expect(weekSpan('2026-03-02', 'en')).toBe('2–8 Mar');
  expect(weekSpan('2028-02-28', 'en')).toBe('28 Feb–5 Mar'); // 2028 is: the 29th is in the week
});
