// Restock signals on hand-made events: a delivery, a steady rate of sale, and a Spring Festival whose
// usual uplift (from the same window a year before) makes the last days of cover go faster.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DistributionTxn, PosReceipt } from '../../contracts/events.ts';
import { restockResponse } from '../../contracts/workspace.ts';
import { addDays } from '../../contracts/time.ts';
import { distributionRows, posRows } from '../../ingest/rows.ts';
import { join } from 'node:path';
import { loadProducts, readProducts } from '../../warehouse/reference-tables.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';

const ME = 'ST-532302101'; // 金山镇 station, the fixture merchant
const OTHER = 'CS-532302101-1'; // a convenience store of the same township
let n = 0;
const sale = (store: string, area: string, at: string, qty: number, fen: number): PosReceipt => ({
  schemaVersion: 1, receiptId: `R-${++n}`, storeId: store, areaCode: area, soldAt: at, channel: 'offline', payment: 'cash', totalFen: qty * fen,
  lines: [{ sku: 'water-550ml', category: 'beverages.water', quantity: qty, unitPriceFen: fen, discountFen: 0, amountFen: qty * fen }],
});
const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i));

// Spring Festival 2025-01-29: its window is 01-15 to 01-28; the 28 days before it, 2024-12-18 to
// 2025-01-14. Beverages of the county sold 10 yuan a day then and 25 yuan a day in the window: +150%.
const LAST_YEAR = [
  ...days('2024-12-18', 28).map((d) => sale(OTHER, '532302101', `${d} 10:00:00`, 1, 1000)),
  ...days('2025-01-15', 14).map((d) => sale(OTHER, '532302101', `${d} 10:00:00`, 1, 2500)),
];
// The station: one bottle a day over the 4 whole weeks 2025-12-22 to 2026-01-18 (rate 1 a day), and
// one on Tuesday 2026-01-20, its last sale (asOf).
const MINE = [
  ...days('2025-12-22', 28).map((d) => sale(ME, '532302101', `${d} 09:00:00`, 1, 200)),
  sale(ME, '532302101', '2026-01-20 09:00:00', 1, 200),
];
// 40 bottles delivered on 2026-01-10: 10 days before asOf, so 30 are left.
const DELIVERY: DistributionTxn = {
  schemaVersion: 1, txnId: 'D-1', occurredAt: '2026-01-10 09:00:00', sellerId: 'DS-532302-1', buyerId: ME, direction: 'downstream',
  channel: 'offline', sku: 'water-550ml', category: 'beverages.water', quantity: 40, weightG: 22_000, amountFen: 40 * 150,
  originAreaCode: '532302101', destStoreId: ME,
} as DistributionTxn;

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-01-21T04:00:00Z') });
  await t.wh.insert('pos_lines', [...LAST_YEAR, ...MINE].flatMap(posRows));
  await t.wh.insert('distribution_txns', distributionRows(DELIVERY));
  await loadProducts(t.wh, readProducts(join(import.meta.dirname, '../../reference/products.json')));
});
afterAll(() => t?.close());

test('30 left at 1 a day, with the festival window from day 14 at 2.5 a day: 19.8 days, out on 2026-02-09', async () => {
  // Days 1-13 (01-21 to 02-02) sell 13, leaving 17; from 02-03 2.5 a day: 6 days sell 15, leaving 2,
  // which the 20th day's 2.5 takes in 0.8 of it. Without the festival it would be 30 days.
  const agent = await t.agent('merchant');
  const res = await agent.get(`/api/workspace/${ME}/restock?within=7`);
  expect(res.status).toBe(200);
  const body = restockResponse.parse(res.body);
  expect(body.asOf).toBe('2026-01-20');
  expect(body.items).toEqual([{
    sku: 'water-550ml', name: body.items[0]!.name, category: 'beverages.water', lastDeliveryDay: '2026-01-10', deliveredQty: 40,
    ratePerDay: 1, soldSince: 10, coverDays: 19.8, beyondDelivery: false, upliftPct: 150, festival: 'spring_festival:2026-02-17', runsOutOn: '2026-02-09', alert: false,
  }]);
  const soon = restockResponse.parse((await agent.get(`/api/workspace/${ME}/restock?within=20`)).body);
  expect(soon.items.map((i) => i.alert)).toEqual([true]);
});

test('the weeks of the heatmap carry the festivals and the wild-mushroom season that overlap them', async () => {
  const agent = await t.agent('merchant');
  // Last winter's: weeks not yet over are not shown (a range is held at the current week's Monday).
  const winter = (await agent.get(`/api/workspace/${ME}/demand?to=2025-02-10&weeks=12`)).body;
  // Spring Festival 2025-01-29: the 14 days of shopping before it.
  expect(winter.markers).toEqual([{ kind: 'spring_festival', from: '2025-01-15', to: '2025-01-28' }]);
  const summer = (await agent.get(`/api/workspace/${ME}/demand?to=2025-10-06&weeks=12`)).body;
  // Weeks 2025-07-14 to 10-05: the Torch Festival (07-18: 07-15 to 07-20) and the months when most of
  // the reference's wild mushrooms are in season (June to September).
  expect(summer.markers).toEqual([
    { kind: 'mushroom_season', from: '2025-06-01', to: '2025-09-30' },
    { kind: 'torch_festival', from: '2025-07-15', to: '2025-07-20' },
  ]);
});
