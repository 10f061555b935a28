import { expect, test } from 'vitest';
import { addDays, formatShanghaiTime, isoWeek, mondayOf, parseShanghaiTime, shanghaiDay } from '../../contracts/time.ts';

test('a time without an offset is Shanghai wall-clock time', () => {
  expect(parseShanghaiTime('2026-03-02 08:00:00')).toBe(Date.parse('2026-03-02T00:00:00Z'));
  expect(parseShanghaiTime('2026-03-02T08:00:00.250')).toBe(Date.parse('2026-03-02T00:00:00.250Z'));
});

test('an explicit offset wins', () => {
  expect(formatShanghaiTime(parseShanghaiTime('2026-03-08T16:30:00Z'))).toBe('2026-03-09 00:30:00');
  expect(formatShanghaiTime(parseShanghaiTime('2026-03-08T16:30:00-05:00'))).toBe('2026-03-09 05:30:00');
  expect(shanghaiDay(Date.parse('2026-03-08T16:30:00Z'))).toBe('2026-03-09');
});

test('impossible times are NaN', () => {
  for (const t of ['2026-02-29 00:00:00', '2026-01-01 24:00:00', '2026-01-01', 'yesterday']) {
    expect(parseShanghaiTime(t), t).toBeNaN();
  }
});

test('ISO weeks: the week belongs to the year of its Thursday', () => {
  expect(isoWeek('2026-01-01')).toBe('2026-W01');
  expect(isoWeek('2027-01-01')).toBe('2026-W53');
  expect(isoWeek('2025-12-29')).toBe('2026-W01');
  expect(isoWeek('2026-03-15')).toBe('2026-W11');
  expect(mondayOf('2026-03-15')).toBe('2026-03-09');
  expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
});
