// The small arithmetic of the workspace, against hand-computed values.
import { describe, expect, test } from 'vitest';
import { growthPct, quantile, smoothedQuantile, weightedQuantile } from '../../../api/workspace/common.ts';
import { visible } from '../../../api/suppression.ts';
import { bands } from '../../../api/workspace/prices.ts';

describe('quartiles of peers (linear between closest ranks)', () => {
  test('five values', () => {
    const v = [10, 20, 30, 40, 100];
    expect([quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)]).toEqual([20, 30, 40]);
  });
  test('six values interpolate: h = 5p', () => {
    const v = [1, 2, 3, 4, 5, 6];
    // p25: h = 1.25 -> 2 + 0.25 x 1; p75: h = 3.75 -> 4 + 0.75 x 1
    expect([quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)]).toEqual([2.25, 3.5, 4.75]);
  });
  test('none', () => expect(quantile([], 0.5)).toBeNull());
});

test('price quartiles count each unit once: the lowest price where the running units reach p', () => {
  // 10 units: 2 at 300, 5 at 350, 3 at 400. 25% = 2.5 units -> 350; 50% = 5 -> 350; 75% = 7.5 -> 400.
  const pairs = [{ value: 300, weight: 2 }, { value: 350, weight: 5 }, { value: 400, weight: 3 }];
  expect([0.25, 0.5, 0.75].map((p) => weightedQuantile(pairs, p))).toEqual([350, 350, 400]);
  expect(weightedQuantile([{ value: 300, weight: 2 }, { value: 350, weight: 2 }], 0.5)).toBe(300);
});

test('price bands: 8 equal bands in whole jiao from the lowest price to the highest', () => {
  const b = bands([{ value: 1000, weight: 4 }, { value: 1790, weight: 1 }, { value: 1160, weight: 2 }]);
  // width = ceil(791 / 8 / 10) x 10 = 100
  expect(b).toEqual([
    { lowFen: 1000, highFen: 1099, qty: 4 }, { lowFen: 1100, highFen: 1199, qty: 2 }, { lowFen: 1200, highFen: 1299, qty: 0 },
    { lowFen: 1300, highFen: 1399, qty: 0 }, { lowFen: 1400, highFen: 1499, qty: 0 }, { lowFen: 1500, highFen: 1599, qty: 0 },
    { lowFen: 1600, highFen: 1699, qty: 0 }, { lowFen: 1700, highFen: 1790, qty: 1 },
  ]);
  expect(bands([{ value: 500, weight: 7 }])).toEqual([{ lowFen: 500, highFen: 500, qty: 7 }]);
});

test('price bands hold k outlets each: neighbours joined from the lowest up, a short last band joined to the one before', () => {
  // Hand-made, k = 2. Equal bands of 100 fen from 1000: [1000-1099] a, b; [1100-1199] c; [1200-1299] none;
  // [1300-1399] d; [1400-1499] e; [1700-1790] e again.
  const pairs = [
    { value: 1000, weight: 4, stores: ['a'] }, { value: 1050, weight: 1, stores: ['b'] },
    { value: 1160, weight: 2, stores: ['c'] }, { value: 1350, weight: 3, stores: ['d'] },
    { value: 1420, weight: 5, stores: ['e'] }, { value: 1790, weight: 1, stores: ['e'] },
  ];
  expect(bands(pairs, 2)).toEqual([
    { lowFen: 1000, highFen: 1099, qty: 5 }, // a, b
    // c, d close a band at 1399, but e, alone from 1400 to 1790, joins it: one band of c, d, e.
    { lowFen: 1100, highFen: 1790, qty: 11 },
  ]);
  // One outlet at several prices is one outlet: never a band of its own when k = 2.
  expect(bands([{ value: 300, weight: 1, stores: ['x'] }, { value: 900, weight: 1, stores: ['x'] }, { value: 950, weight: 1, stores: ['y'] }], 2))
    .toEqual([{ lowFen: 300, highFen: 950, qty: 3 }]);
});

test("a cell is shown with 5 outlets besides the caller's, or with only the caller's", () => {
  expect(visible({ outlets: 5, own: 0 })).toBe(true);
  expect(visible({ outlets: 5, own: 1 })).toBe(false);
  expect(visible({ outlets: 6, own: 1 })).toBe(true);
  expect(visible({ outlets: 1, own: 1 })).toBe(true);
  // An assumed count of the caller's outlets (weekday x hour) never shows a cell on its own account.
  expect(visible({ outlets: 1, own: 1, assumed: true })).toBe(false);
});

test('growth in percent, one decimal; none without a base', () => {
  expect(growthPct(115, 100)).toBe(15);
  expect(growthPct(2, 3)).toBe(-33.3);
  expect(growthPct(5, 0)).toBeNull();
});

describe('quartiles no one store gives away: the mean of the 5 around the position', () => {
  test('five values: all three their mean', () => {
    const v = [1000, 2000, 3000, 4000, 5000];
    expect([0.25, 0.5, 0.75].map((p) => smoothedQuantile(v, p, 5))).toEqual([3000, 3000, 3000]);
  });
  test('nine values 10..90: positions 2, 4, 6 centre windows 10-50, 30-70, 50-90', () => {
    const v = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    expect([0.25, 0.5, 0.75].map((p) => smoothedQuantile(v, p, 5))).toEqual([30, 50, 70]);
  });
  test('fewer than five: none', () => expect(smoothedQuantile([1, 2, 3, 4], 0.5, 5)).toBeNull());
});
