// The normalised heatmap on a hand-made county: raw sales say which township is bigger, sales per
// active store say where a shop sells more. 广通镇 has 10 shops selling 1000 yuan in the week, 勤丰镇
// 5 shops selling 600 yuan: by value 广通镇 comes first, per store 勤丰镇 (120 yuan against 100).
// And growth against the same ISO week 364 days before, on a hand-made pair of weeks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PosReceipt } from '../../contracts/events.ts';
import { demandResponse } from '../../contracts/workspace.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { stores } from '../fixtures/warehouse.ts';

const ME = 'ST-532302101'; // 金山镇 station
const areaOf = (id: string) => stores.find((s) => s.id === id)!.areaCode;
let n = 0;
/** One receipt of one unit at `fen`. */
const sale = (store: string, soldAt: string, fen: number): PosReceipt => ({
  schemaVersion: 1, receiptId: `N-${++n}`, storeId: store, areaCode: areaOf(store), soldAt, channel: 'offline', payment: 'wechat', totalFen: fen,
  lines: [{ sku: 'rice-5kg', category: 'grain_oil.rice', quantity: 1, unitPriceFen: fen, discountFen: 0, amountFen: fen }],
});

const GUANGTONG = ['ST-532302106', 'CS-532302106-1', 'CS-532302106-2', 'CS-532302106-3', 'VS-532302106001', 'VS-532302106203',
  'VS-532302106205', 'VS-532302106211', 'VS-532302106214', 'VS-532302106216']; // 532302106, 10 shops
const QINFENG = ['ST-532302104', 'CS-532302104-1', 'CS-532302104-2', 'VS-532302104001', 'VS-532302104003']; // 532302104, 5 shops
const RENXING = ['ST-532302102', 'CS-532302102-1', 'VS-532302102202', 'VS-532302102205', 'VS-532302102210', 'VS-532302102212']; // 532302102

const THIS = '2026-03-11 10:00:00'; // week of 2026-03-09
const LAST = '2025-03-12 10:00:00'; // week of 2025-03-10, 364 days before
const RECEIPTS: PosReceipt[] = [
  // 广通镇: 50 + 60 + ... + 150 yuan = 1000 yuan. Two of them at the edges of the week: 00:30 on
  // Monday in Shanghai (16:30 UTC on Sunday) and 23:59:59 on Sunday.
  ...GUANGTONG.map((s, i) => sale(s, i === 0 ? '2026-03-08T16:30:00Z' : i === 1 ? '2026-03-15 23:59:59' : THIS, [5000, 6000, 7000, 8000, 9000, 11_000, 12_000, 13_000, 14_000, 15_000][i]!)),
  // 勤丰镇: 100 + 110 + 120 + 130 + 140 yuan = 600 yuan.
  ...QINFENG.map((s, i) => sale(s, THIS, 10_000 + 1000 * i)),
  // 仁兴镇: six shops at 10 yuan; a year before only four sold (not showable, so no growth).
  ...RENXING.map((s) => sale(s, THIS, 1000)),
  ...RENXING.slice(0, 4).map((s) => sale(s, LAST, 1000)),
  // The station: 20 yuan, and 10 a year before (its own figures both times).
  sale(ME, THIS, 2000), sale(ME, LAST, 1000),
  // A year before: 广通镇 80 yuan a shop (800), 勤丰镇 80 yuan a shop (400).
  ...GUANGTONG.map((s) => sale(s, LAST, 8000)),
  ...QINFENG.map((s) => sale(s, LAST, 8000)),
  // Outside the week: the Sunday before, and the Monday after (outside the weeks asked).
  sale('ST-532302106', '2026-03-08 23:59:59', 99_900), sale('ST-532302106', '2026-03-16 00:00:00', 99_900),
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ accounts: ['merchant'] });
  await t.wh.insert('pos_lines', RECEIPTS.flatMap(posRows));
}, 60_000);
afterAll(() => t.close());

async function week(measure: string) {
  const res = await (await t.agent('merchant')).get(`/api/workspace/${ME}/demand?scope=county&weeks=4&to=2026-03-16&measure=${measure}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const body = demandResponse.parse(res.body);
  expect(body.cols.map((c) => c.key)).toEqual(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09']);
  const cells = body.cells.filter((c) => c.col === '2026-03-09');
  const ranked = cells.filter((c) => c.value !== null).sort((a, b) => b.value! - a.value!).map((c) => c.row);
  return { body, cells: Object.fromEntries(cells.map((c) => [c.row, { value: c.value, outlets: c.outlets, withheld: c.withheld }])), ranked };
  // (A withheld cell's outlets are null: it says why, not how many.)
}

describe('raw and normalised measures rank the townships differently', () => {
  test('value: 广通镇 1000 yuan before 勤丰镇 600', async () => {
    const { body, cells, ranked } = await week('value');
    // The Sunday before is the week before (one shop: withheld); the Monday after is not shown.
    expect(body.cells.filter((c) => c.col !== '2026-03-09')).toEqual([{ row: '532302106', col: '2026-03-02', value: null, outlets: null, withheld: true, withheldWhy: 'outlets' }]);
    expect(cells).toEqual({
      532302101: { value: 2000, outlets: 1, withheld: false },
      532302102: { value: 6000, outlets: 6, withheld: false },
      532302104: { value: 60_000, outlets: 5, withheld: false },
      532302106: { value: 100_000, outlets: 10, withheld: false },
    });
    expect(ranked).toEqual(['532302106', '532302104', '532302102', '532302101']);
  });

  test('units: 10 against 5', async () => {
    const { cells } = await week('units');
    expect(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]))).toEqual({ 532302101: 1, 532302102: 6, 532302104: 5, 532302106: 10 });
  });

  test('per store: 勤丰镇 120 yuan a shop before 广通镇 100', async () => {
    const { cells, ranked } = await week('per_store');
    expect(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]))).toEqual({
      532302101: 2000, 532302102: 1000, 532302104: 12_000, 532302106: 10_000,
    });
    expect(ranked).toEqual(['532302104', '532302106', '532302101', '532302102']);
  });

  test('yoy: +25% against the week 364 days before; none where a year before was withheld', async () => {
    const { cells, ranked } = await week('yoy');
    expect(cells).toEqual({
      532302101: { value: 100, outlets: 1, withheld: false }, // 20 yuan against 10, both the station's own
      532302102: { value: null, outlets: 6, withheld: false }, // a year before: 4 shops
      // A year before, 仁兴镇 alone was withheld in its week's column, so the smallest other, 勤丰镇
      // (400 yuan), was withheld with it: +50% would give 400 back, and 仁兴镇 by subtraction.
      532302104: { value: null, outlets: 5, withheld: false },
      532302106: { value: 25, outlets: 10, withheld: false }, // 1000 against 800
    });
    expect(ranked).toEqual(['532302101', '532302106']);
  });
});
