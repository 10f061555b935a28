// What a merchant sees of the heatmap: area aggregates only where at least 5 stores besides their
// own stand behind a cell (or only their own do), and a second cell withheld where one alone would
// give the first away by subtraction. Hand-made receipts with the expected cells worked out below.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PosReceipt } from '../../contracts/events.ts';
import { heatmapResponse } from '../../contracts/demand.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { stores } from '../fixtures/warehouse.ts';

/** One receipt of one line: `qty` units at `fen` each, at `store` in `area`. */
const sale = (n: number, store: string, area: string, soldAt: string, qty: number, fen: number): PosReceipt => ({
  schemaVersion: 1, receiptId: `K-${n}`, storeId: store, areaCode: area, soldAt, channel: 'offline', payment: 'cash',
  totalFen: qty * fen, lines: [{ sku: 'water-550ml', category: 'beverages.water', quantity: qty, unitPriceFen: fen, discountFen: 0, amountFen: qty * fen }],
});

/** One receipt of one line per [category, sku, fen] given (one unit each). */
const basket = (n: number, store: string, area: string, soldAt: string, items: [string, string, number][]): PosReceipt => ({
  schemaVersion: 1, receiptId: `K-${n}`, storeId: store, areaCode: area, soldAt, channel: 'offline', payment: 'cash',
  totalFen: items.reduce((s, [, , fen]) => s + fen, 0),
  lines: items.map(([category, sku, fen]) => ({ sku, category, quantity: 1, unitPriceFen: fen, discountFen: 0, amountFen: fen })),
});

/** Where the model registers a store: its village, or the township for stations and stores at the seat. */
const areaOf = (id: string) => stores.find((s) => s.id === id)!.areaCode;

const W10 = '2026-03-04 10:00:00';
const W11 = '2026-03-11 10:00:00';
const W13 = '2026-03-25 10:00:00';
let n = 0;
const RECEIPTS: PosReceipt[] = [
  // 金山镇 532302101: the merchant's own station alone in W10; with two others in W11.
  sale(++n, 'ST-532302101', '532302101', W10, 3, 1000),
  sale(++n, 'ST-532302101', '532302101', W11, 1, 1000),
  sale(++n, 'CS-532302101-1', '532302101', W11, 1, 1000),
  sale(++n, 'CO-532302101', '532302101', W11, 1, 1000),
  // 仁兴镇 532302102: six stores in both weeks, 1 unit at 10 yuan each.
  ...['ST-532302102', 'CS-532302102-1', 'VS-532302102202', 'VS-532302102205', 'VS-532302102210', 'VS-532302102212']
    .flatMap((s) => [sale(++n, s, areaOf(s), W10, 1, 1000), sale(++n, s, areaOf(s), W11, 1, 1000)]),
  // 碧城镇 532302103: four stores, both weeks.
  ...['ST-532302103', 'CS-532302103-1', 'VS-532302103001', 'VS-532302103005']
    .flatMap((s) => [sale(++n, s, '532302103', W10, 1, 700), sale(++n, s, '532302103', W11, 1, 700)]),
  // 勤丰镇 532302104: five stores in W10 (5 yuan each), three in W11.
  ...['ST-532302104', 'CS-532302104-1', 'CS-532302104-2', 'VS-532302104001', 'VS-532302104003'].map((s) => sale(++n, s, '532302104', W10, 1, 500)),
  ...['ST-532302104', 'CS-532302104-1', 'CS-532302104-2'].map((s) => sale(++n, s, '532302104', W11, 1, 500)),
  // W13, two categories under 烟草 and water: in 仁兴镇 six stores sell cigarettes (20 yuan) and water
  // (3 yuan), two of them cut tobacco too (5 yuan); in 勤丰镇 five stores sell cigarettes and water.
  ...['ST-532302102', 'CS-532302102-1', 'VS-532302102202', 'VS-532302102205', 'VS-532302102210', 'VS-532302102212'].map((s, i) =>
    basket(++n, s, areaOf(s), W13, [['tobacco.cigarettes', 'cig-a', 2000], ['beverages.water', 'water-550ml', 300], ...(i < 2 ? [['tobacco.cut_tobacco', 'cut-a', 500] as [string, string, number]] : [])])),
  ...['ST-532302104', 'CS-532302104-1', 'CS-532302104-2', 'VS-532302104001', 'VS-532302104003'].map((s) =>
    basket(++n, s, '532302104', W13, [['tobacco.cigarettes', 'cig-a', 2000], ['beverages.water', 'water-550ml', 300]])),
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await t.wh.insert('pos_lines', RECEIPTS.flatMap(posRows));
});
afterAll(() => t.close());

async function heatmap(who: 'merchant' | 'analyst' | 'merchant2', query: string) {
  const res = await (await t.agent(who)).get(`/api/demand/heatmap${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return heatmapResponse.parse(res.body);
}

describe('the heatmap as a merchant sees it', () => {
  test('Lufeng by township: small areas withheld, one more where a single one would show by subtraction', async () => {
    const body = await heatmap('merchant', '?from=2026-03-02&to=2026-03-16');
    expect(body.area.code).toBe('532302'); // the county of the merchant's store
    expect(body.suppressionThreshold).toBe(5);
    expect(body.cells).toEqual([
      { areaCode: '532302101', week: '2026-W10', qty: 3, amountFen: 3000 }, // only the merchant's own store
      { areaCode: '532302102', week: '2026-W10', qty: 6, amountFen: 6000 }, // six other stores
      { areaCode: '532302102', week: '2026-W11', qty: 6, amountFen: 6000 },
    ]);
    expect(body.suppressed).toEqual([
      { areaCode: '532302101', week: '2026-W11', why: 'outlets' }, // own + 2 others: the 2 would show (how many is not said)
      { areaCode: '532302103', week: '2026-W10', why: 'outlets' }, // 4 < 5
      { areaCode: '532302103', week: '2026-W11', why: 'outlets' },
      // W10 had one withheld cell (碧城镇): the smaller of the others (勤丰镇, 25 yuan < 60) goes too.
      { areaCode: '532302104', week: '2026-W10', why: 'subtraction' }, // 5 stores
      { areaCode: '532302104', week: '2026-W11', why: 'outlets' },
    ]);
  });

  // Every line is water here: all categories, beverages and water are the same cells.
  test('one category gives the same cells as all of them where every line is in it', async () => {
    const all = await heatmap('merchant', '?from=2026-03-02&to=2026-03-16');
    for (const category of ['beverages', 'beverages.water']) {
      const one = await heatmap('merchant', `?from=2026-03-02&to=2026-03-16&category=${category}`);
      expect({ cells: one.cells, suppressed: one.suppressed }, category).toEqual({ cells: all.cells, suppressed: all.suppressed });
    }
    const none = await heatmap('merchant', '?from=2026-03-02&to=2026-03-16&category=snacks');
    expect([none.cells, none.suppressed]).toEqual([[], []]);
  });

  // Found by a probe: 烟草 (6 stores in 仁兴镇) minus 卷烟 (6 stores) gave 烟丝 (2 stores), withheld
  // on its own. Every category is now decided at once, in three kinds of group per week: a
  // category's column, a top-level category's parts, a township's top levels. Worked by hand:
  // 烟丝 in 仁兴镇 is withheld (2 stores); its 烟草 parts then hold one withheld cell, so the
  // smaller other, 卷烟 (120 yuan < 烟草 130), goes; 卷烟's column then takes 勤丰镇's 卷烟, whose
  // 烟草 goes with it (its only part); 勤丰镇's top levels then lose the smaller, 饮料 (15 yuan <
  // all 115); the 饮料 and 烟草 columns take 仁兴镇's, and each 饮料 takes its one part, 饮用水.
  // Left: each township's all-categories figure, which no group of one withheld cell gives away.
  test('no withheld cell can be had by subtracting categories: every category decided at once', async () => {
    const week = async (category: string) => {
      const body = await heatmap('merchant', `?from=2026-03-23&to=2026-03-30${category ? `&category=${category}` : ''}`);
      return { cells: body.cells.map((c) => `${c.areaCode} ${c.week} ${c.amountFen}`), suppressed: body.suppressed.map((c) => `${c.areaCode} ${c.week}`) };
    };
    // (6 and 5 stores in the two townships' cells, 2 in 仁兴镇's 烟丝: withheld without saying so.)
    const hidden = (both: boolean) => ({ cells: [], suppressed: ['532302102 2026-W13', ...(both ? ['532302104 2026-W13'] : [])] });
    expect(await week('')).toEqual({ cells: ['532302102 2026-W13 14800', '532302104 2026-W13 11500'], suppressed: [] });
    expect(await week('tobacco')).toEqual(hidden(true));
    expect(await week('tobacco.cigarettes')).toEqual(hidden(true));
    expect(await week('tobacco.cut_tobacco')).toEqual(hidden(false));
    expect(await week('beverages')).toEqual(hidden(true));
    expect(await week('beverages.water')).toEqual(hidden(true));
    // The workspace's grid of the same county shows the same cells withheld, so one answer cannot
    // fill the other's gaps.
    for (const category of ['tobacco', 'tobacco.cigarettes', 'beverages.water']) {
      const res = await (await t.agent('merchant')).get(`/api/workspace/ST-532302101/demand?scope=county&weeks=4&to=2026-03-30&category=${category}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const w13 = (res.body.cells as { row: string; col: string; withheld: boolean }[]).filter((c) => c.col === '2026-03-23');
      expect(w13.map((c) => `${c.row} ${c.withheld}`), category).toEqual(['532302102 true', '532302104 true']);
    }
    // The analyst sees the figures the subtraction worked on.
    const tobacco = await heatmap('analyst', '?area=532302&from=2026-03-23&to=2026-03-30&category=tobacco');
    expect(tobacco.cells.map((c) => `${c.areaCode} ${c.amountFen}`)).toEqual(['532302102 13000', '532302104 10000']);
  });

  test('the analyst sees every cell of the same range', async () => {
    const body = await heatmap('analyst', '?area=532302&from=2026-03-02&to=2026-03-16');
    expect(body.suppressed).toEqual([]);
    expect(body.cells).toEqual([
      { areaCode: '532302101', week: '2026-W10', qty: 3, amountFen: 3000 },
      { areaCode: '532302101', week: '2026-W11', qty: 3, amountFen: 3000 },
      { areaCode: '532302102', week: '2026-W10', qty: 6, amountFen: 6000 },
      { areaCode: '532302102', week: '2026-W11', qty: 6, amountFen: 6000 },
      { areaCode: '532302103', week: '2026-W10', qty: 4, amountFen: 2800 },
      { areaCode: '532302103', week: '2026-W11', qty: 4, amountFen: 2800 },
      { areaCode: '532302104', week: '2026-W10', qty: 5, amountFen: 2500 },
      { areaCode: '532302104', week: '2026-W11', qty: 3, amountFen: 1500 },
    ]);
  });

  test('villages have one or two shops each: every village cell is withheld from a merchant, without saying how many', async () => {
    const body = await heatmap('merchant', '?area=532302102&from=2026-03-02&to=2026-03-16');
    expect(body.cells).toEqual([]);
    // The seat has a station and a convenience store, each village one shop: a count would say so.
    expect(body.suppressed).toEqual(['532302102', '532302102202', '532302102205', '532302102210', '532302102212']
      .flatMap((areaCode) => ['2026-W10', '2026-W11'].map((week) => ({ areaCode, week, why: 'outlets' }))));
  });

  test('outside the counties of their stores: 403 naming the scope', async () => {
    const res = await (await t.agent('merchant')).get('/api/demand/heatmap?area=5323');
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('area 5323 is outside your scope: your stores ST-532302101 and aggregates of 532302 (禄丰市)');
    // A merchant with stores in two counties sees both.
    const both = await heatmap('merchant2', '?area=532301&from=2026-03-02&to=2026-03-16');
    expect(both.area.code).toBe('532301');
  });
});
