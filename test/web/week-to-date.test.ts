import { expect, test } from 'vitest';
import { daysSoFar, weekdayName } from '../../web/week-to-date.ts';

test('the days a week under way covers, Monday first (2026-11-30 is a Monday)', () => {
  expect(daysSoFar('2026-12-01', 'zh')).toBe('周一至周二');
  expect(daysSoFar('2026-12-01', 'en')).toBe('Mon–Tue');
  expect(daysSoFar('2026-11-30', 'zh')).toBe('周一');
  expect(daysSoFar('2026-12-06', 'en')).toBe('Mon–Sun');
  expect(weekdayName('2026-12-03', 'zh')).toBe('周四');
});
