// A week under way is never set beside whole weeks. The clock is Tuesday 2026-03-10 12:00 in
// Shanghai: week 11 (from Monday 03-09) has two days of sales, week 10 (03-02 to 03-08) is the last
// whole week. Every figure below is summed by hand from the receipts of the 金山镇 station.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { heatmapResponse } from '../../contracts/demand.ts';
import type { PosReceipt } from '../../contracts/events.ts';
import { storeDetail } from '../../contracts/stores.ts';
import { demandResponse, peersResponse, summaryResponse } from '../../contracts/workspace.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type AccountKey, type TestApp } from '../fixtures/app.ts';

const ME = 'ST-532302101';
type Line = PosReceipt['lines'][number];
const water = (n: number): Line => ({ sku: 'water-550ml', category: 'beverages.water', quantity: n, unitPriceFen: 200, discountFen: 0, amountFen: 200 * n });
const rice: Line = { sku: 'rice-5kg', category: 'grain_oil.rice', quantity: 1, unitPriceFen: 3990, discountFen: 0, amountFen: 3990 };
const tea: Line = { sku: 'green-tea-500ml', category: 'beverages.tea', quantity: 2, unitPriceFen: 350, discountFen: 0, amountFen: 700 };
const strips: Line = { sku: 'spicy-strips-100g', category: 'snacks.spicy', quantity: 1, unitPriceFen: 300, discountFen: 0, amountFen: 300 };
const sale = (receiptId: string, soldAt: string, payment: string, lines: Line[]): PosReceipt => ({
  schemaVersion: 1, receiptId, storeId: ME, areaCode: '532302101', soldAt, channel: 'offline', payment: payment as PosReceipt['payment'],
  totalFen: lines.reduce((s, l) => s + l.amountFen, 0), lines,
});
const RECEIPTS: PosReceipt[] = [
  sale('P-7', '2026-02-02 10:00:00', 'cash', [water(1)]), //          W06: 200 fen, 1 unit
  sale('P-3', '2026-02-24 09:00:00', 'wechat', [water(5)]), //        W09: 1000 fen, 5 units
  sale('P-1', '2026-03-02 10:00:00', 'wechat', [water(3), rice]), //  W10: 600 + 3990 = 4590 fen
  sale('P-2', '2026-03-08 21:30:00', 'cash', [tea]), //               W10: 700 fen (Sunday)
  sale('P-4', '2026-03-09 08:00:00', 'wechat', [strips]), //          W11 (Monday): 300 fen
  sale('P-5', '2026-03-10 09:00:00', 'cash', [water(1)]), //          W11 (Tuesday, today): 200 fen
  sale('P-6', '2025-03-04 10:00:00', 'wechat', [rice]), //            52 weeks before W10: 3990 fen
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-10T04:00:00Z') });
  await t.wh.insert('pos_lines', RECEIPTS.flatMap(posRows));
});
afterAll(() => t.close());

async function get(who: AccountKey, path: string): Promise<unknown> {
  const res = await (await t.agent(who)).get(path);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
}

describe('home and store page: 12 whole weeks, and the week under way apart', () => {
  test('the last week is W10, compared with W09; W11 so far is 500 fen over Monday and Tuesday', async () => {
    const body = storeDetail.parse(await get('merchant', `/api/stores/${ME}`));
    expect([body.lastSaleDay, body.from, body.to]).toEqual(['2026-03-10', '2025-12-15', '2026-03-09']);
    expect(body.weeks).toHaveLength(12);
    expect(body.weeks.slice(-2)).toEqual([
      { week: '2026-W09', start: '2026-02-23', lines: 1, qty: 5, amountFen: 1_000, onlineProxyFen: 0 },
      { week: '2026-W10', start: '2026-03-02', lines: 3, qty: 6, amountFen: 5_290, onlineProxyFen: 0 },
    ]);
    expect(body.weekToDate).toEqual({ week: '2026-W11', start: '2026-03-09', through: '2026-03-10', lines: 2, qty: 2, amountFen: 500, onlineProxyFen: 0 });
    // The categories cover the whole weeks only: W11's snacks are not among them.
    expect(body.categories).toEqual([
      { category: 'grain_oil', qty: 1, amountFen: 3_990 },
      { category: 'beverages', qty: 11, amountFen: 2_500 }, // W06, W09, W10: 1 + 5 + 3 + 2 units; 200 + 1000 + 600 + 700 fen
    ]);
  });
});

describe('workspace summary: the last whole week by default', () => {
  test('W10 against W09 and the same week of 2025; W11 so far uncompared', async () => {
    const body = summaryResponse.parse(await get('merchant', `/api/workspace/${ME}/summary`));
    expect([body.week, body.through, body.lastSaleDay]).toEqual(['2026-03-02', null, '2026-03-10']);
    expect(body.thisWeek).toEqual({ start: '2026-03-02', amountFen: 5_290, qty: 6, receipts: 2, basketFen: 2_645 });
    expect(body.lastWeek).toEqual({ start: '2026-02-23', amountFen: 1_000, qty: 5, receipts: 1, basketFen: 1_000 });
    expect(body.lastYear).toEqual({ start: '2025-03-03', amountFen: 3_990, qty: 1, receipts: 1, basketFen: 3_990 });
    expect(body.weekToDate).toEqual({ start: '2026-03-09', through: '2026-03-10', amountFen: 500, receipts: 2 });
    expect(body.categories).toEqual([
      { category: 'grain_oil', thisFen: 3_990, lastWeekFen: 0, lastYearFen: 3_990, qty: 1 },
      { category: 'beverages', thisFen: 1_300, lastWeekFen: 1_000, lastYearFen: 0, qty: 5 },
    ]);
    // Water: 5 + 3 units in the 4 weeks to W10 against 1 in the 4 before (W06): +700%.
    expect(body.fastMovers.find((m) => m.sku === 'water-550ml')).toMatchObject({ qty4w: 8, qtyPrev4w: 1, growthPct: 700 });
    expect(body.fastMovers.map((m) => m.sku)).not.toContain('spicy-strips-100g');
  });

  test('W11 asked for: marked as running to today, no week-to-date beside it, no growth of movers', async () => {
    const body = summaryResponse.parse(await get('merchant', `/api/workspace/${ME}/summary?week=2026-03-09`));
    expect([body.week, body.through, body.weekToDate]).toEqual(['2026-03-09', '2026-03-10', null]);
    expect(body.thisWeek).toEqual({ start: '2026-03-09', amountFen: 500, qty: 2, receipts: 2, basketFen: 250 });
    expect(body.fastMovers.find((m) => m.sku === 'water-550ml')).toMatchObject({ qty4w: 9, qtyPrev4w: 1, growthPct: null });
  });

  test('W12 asked for, which has not begun: 400 naming the week', async () => {
    const res = await (await t.agent('merchant')).get(`/api/workspace/${ME}/summary?week=2026-03-16`);
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: {
      error: 'bad_request', field: 'week', message: 'week: 2026-03-16 has not begun: the current week starts 2026-03-09' } });
  });
});

describe('peers and demand around me: whole weeks only', () => {
  test('the 4 weeks of the peer benchmark are W07-W10, even when a later end is asked for', async () => {
    for (const q of ['', '?to=2026-03-16']) {
      const body = peersResponse.parse(await get('merchant', `/api/workspace/${ME}/peers${q}`));
      expect([body.from, body.to]).toEqual(['2026-02-09', '2026-03-09']);
      const growth = body.stores[0]!.groups[0]!.metrics.find((m) => m.metric === 'growth')!;
      // 1000 + 5290 fen in W07-W10 against 200 in W03-W06: (6290 - 200) / 200 = +3045%.
      expect(growth.mine).toBe(3045);
      expect(body.stores[0]!.groups[0]!.metrics.find((m) => m.metric === 'sales')!.mine).toBe(6_290);
    }
  });

  test('the demand heatmap of the workspace ends with W10', async () => {
    for (const q of ['', '&to=2026-03-16']) {
      const body = demandResponse.parse(await get('merchant', `/api/workspace/${ME}/demand?weeks=4${q}`));
      expect([body.from, body.to, body.cols.at(-1)!.key]).toEqual(['2026-02-09', '2026-03-09', '2026-03-02']);
    }
  });
});

describe('GET /api/demand/heatmap: the week under way left out by default, marked when asked for', () => {
  test('by default the 12 weeks end with W10', async () => {
    const body = heatmapResponse.parse(await get('prefecture', '/api/demand/heatmap'));
    expect([body.from, body.to, body.partialThrough, body.weeks.at(-1)!.week]).toEqual(['2025-12-15', '2026-03-09', null, '2026-W10']);
    expect(body.cells.filter((c) => c.areaCode === '532302')).toEqual([
      { areaCode: '532302', week: '2026-W06', qty: 1, amountFen: 200 },
      { areaCode: '532302', week: '2026-W09', qty: 5, amountFen: 1_000 },
      { areaCode: '532302', week: '2026-W10', qty: 6, amountFen: 5_290 },
    ]);
  });

  test('a range to today ends with W11 marked as running to today; a later end is held at W11', async () => {
    const body = heatmapResponse.parse(await get('prefecture', '/api/demand/heatmap?from=2026-02-23&to=2026-03-10'));
    expect([body.from, body.to, body.partialThrough]).toEqual(['2026-02-23', '2026-03-16', '2026-03-10']);
    expect(body.weeks.map((w) => w.week)).toEqual(['2026-W09', '2026-W10', '2026-W11']);
    expect(body.cells.find((c) => c.week === '2026-W11')).toEqual({ areaCode: '532302', week: '2026-W11', qty: 2, amountFen: 500 });
    const later = heatmapResponse.parse(await get('prefecture', '/api/demand/heatmap?from=2026-02-23&to=2026-04-30'));
    expect([later.from, later.to, later.partialThrough]).toEqual(['2026-02-23', '2026-03-16', '2026-03-10']);
  });
});
