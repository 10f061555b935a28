// Secondary suppression on its own: which cells a column withholds besides the warehouse's.
import { expect, test } from 'vitest';
import { suppressComplements, type MerchantCell } from '../../api/suppression.ts';

const cell = (areaCode: string, week: string, stores: number, ownStores: number, amountFen: number | null): MerchantCell =>
  ({ areaCode, week, stores, ownStores, qty: amountFen === null ? null : 1, amountFen });

test('a lone withheld cell takes the smallest other cell of its week with it, never the caller\'s own', () => {
  const out = suppressComplements([
    cell('A', 'W1', 1, 1, 100), // own only: shown, and not a candidate
    cell('B', 'W1', 3, 0, null), // withheld by the warehouse
    cell('C', 'W1', 9, 0, 900),
    cell('D', 'W1', 6, 0, 600),
  ]);
  expect(out.visible.map((c) => c.areaCode)).toEqual(['A', 'C']);
  expect(out.suppressed).toEqual([{ areaCode: 'B', week: 'W1', stores: 3 }, { areaCode: 'D', week: 'W1', stores: 6 }]);
});

test('two or more withheld cells in a week, or none, withhold nothing more', () => {
  const out = suppressComplements([
    cell('B', 'W1', 3, 0, null), cell('C', 'W1', 2, 0, null), cell('D', 'W1', 6, 0, 600),
    cell('D', 'W2', 6, 0, 600), cell('E', 'W2', 7, 0, 700),
  ]);
  expect(out.visible.map((c) => `${c.areaCode} ${c.week}`)).toEqual(['D W1', 'D W2', 'E W2']);
});

test('a lone withheld cell with nothing to pair is left as it is', () => {
  const out = suppressComplements([cell('A', 'W1', 1, 1, 100), cell('B', 'W1', 2, 0, null)]);
  expect(out.visible.map((c) => c.areaCode)).toEqual(['A']);
  expect(out.suppressed.map((c) => c.areaCode)).toEqual(['B']);
});
