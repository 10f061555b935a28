// Which months the parcels-against-orders page marks: hand-made months around a usual ratio of 2.
import { expect, test } from 'vitest';
import { disagrees, usualRatio } from '../../web/flows/parcels.ts';

const m = (parcelsOut: number, onlineOrders: number) => ({ parcelsOut, onlineOrders });

test('the usual ratio is the median of the months with both; a month a fifth off it is marked', () => {
  const months = [m(200, 100), m(210, 100), m(190, 100), m(300, 100), m(0, 0), m(50, 0)];
  // Ratios 1.9, 2.0, 2.1, 3.0: the median of four is (2.0 + 2.1) / 2.
  expect(usualRatio(months)).toBeCloseTo(2.05, 12);
  const usual = usualRatio(months);
  expect(months.map((x) => disagrees(x, usual))).toEqual([false, false, false, true, false, true]);
  // 2.45 / 2.05 = 1.195 is within a fifth; 2.47 / 2.05 = 1.205 is not; 1.65 / 2.05 = 0.805, 1.63 / 2.05 = 0.795.
  expect(disagrees(m(245, 100), usual)).toBe(false);
  expect(disagrees(m(247, 100), usual)).toBe(true);
  expect(disagrees(m(165, 100), usual)).toBe(false);
  expect(disagrees(m(163, 100), usual)).toBe(true);
});

test('with no month holding both, the gap against the larger figure decides', () => {
  expect(usualRatio([m(10, 0), m(0, 0)])).toBeNull();
  expect(disagrees(m(100, 81), null)).toBe(false);
  expect(disagrees(m(100, 79), null)).toBe(true);
});

test('the month under way is neither marked nor part of the usual ratio: its parcels are reported after it', () => {
  const months = [m(200, 100), m(210, 100), { parcelsOut: 3, onlineOrders: 100, partial: true }];
  expect(usualRatio(months)).toBeCloseTo(2.05, 12);
  expect(months.map((x) => disagrees(x, 2.05))).toEqual([false, false, false]);
  expect(disagrees({ parcelsOut: 3, onlineOrders: 100 }, 2.05)).toBe(true); // the same counts in a whole month
});
