import { expect, test } from 'vitest';
import { addDays, formatShanghaiTime, isoWeek, lastWholeWeekEnd, mondayOf, parseShanghaiTime, shanghaiDay, weekThrough } from '../../contracts/time.ts';

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

test('a default range ends with the last whole week: never in the week under way, never in the future', () => {
  // Tuesday 2026-12-01 in Shanghai, sales on Monday 2026-11-30: W49 is under way, W48 (to 11-29) is the last whole week.
  expect(lastWholeWeekEnd('2026-11-30', '2026-12-01')).toBe('2026-11-30');
  // Data that stopped in W45 (last sale Thursday 11-05): the week after it, as before.
  expect(lastWholeWeekEnd('2026-11-05', '2026-12-01')).toBe('2026-11-09');
  // Sunday's sale closes W48 on Sunday; on Monday W48 is whole.
  expect(lastWholeWeekEnd('2026-11-29', '2026-11-29')).toBe('2026-11-23');
  expect(lastWholeWeekEnd('2026-11-29', '2026-11-30')).toBe('2026-11-30');
  expect(lastWholeWeekEnd(null, '2026-12-01')).toBe('2026-11-30');
});

test('a week under way runs to today; a week that is over has no such day', () => {
  expect(weekThrough('2026-11-30', '2026-12-01')).toBe('2026-12-01');
  expect(weekThrough('2026-11-30', '2026-12-06')).toBe('2026-12-06');
  expect(weekThrough('2026-11-23', '2026-11-30')).toBeNull();
  expect(weekThrough('2026-12-07', '2026-12-01')).toBeNull(); // not begun
});
