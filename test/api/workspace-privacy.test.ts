// k-anonymity of the merchants' workspace on hand-made receipts: a figure about an area is shown
// only where at least 5 outlets besides the caller's own stand behind it (or only the caller's);
// 4 is not enough. Each case has its own weeks or products, so the cases do not mix; the expected
// figures are worked out in the comments.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PosReceipt } from '../../contracts/events.ts';
import { demandResponse, gapsResponse, peersResponse, pricesResponse } from '../../contracts/workspace.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, PASSWORD, type TestApp } from '../fixtures/app.ts';
import { stores } from '../fixtures/warehouse.ts';

const ME = 'ST-532302101'; // the fixture merchant: 金山镇 station
const SHOP = 'VS-532302101010'; // a village shop of 金山镇, signed in as its own merchant below

const areaOf = (id: string) => stores.find((s) => s.id === id)!.areaCode;
let n = 0;
/** One receipt of one line at `store`: `qty` units of `sku` at `fen` each. */
function sale(store: string, soldAt: string, qty: number, fen: number, sku = 'water-550ml', category = 'beverages.water'): PosReceipt {
  return {
    schemaVersion: 1, receiptId: `P-${++n}`, storeId: store, areaCode: areaOf(store), soldAt, channel: 'offline', payment: 'cash', totalFen: qty * fen,
    lines: [{ sku, category, quantity: qty, unitPriceFen: fen, discountFen: 0, amountFen: qty * fen }],
  };
}
const each = (ids: string[], f: (id: string, i: number) => PosReceipt) => ids.map(f);

// Stores of four Lufeng townships (the model's reference).
const JINSHAN = ['CS-532302101-1', 'CO-532302101', 'VS-532302101010', 'VS-532302101014', 'VS-532302101015']; // besides ME
const RENXING = ['ST-532302102', 'CS-532302102-1', 'VS-532302102202', 'VS-532302102205', 'VS-532302102210', 'VS-532302102212'];
const BICHENG = ['ST-532302103', 'CS-532302103-1', 'VS-532302103001', 'VS-532302103005', 'VS-532302103006'];
const QINFENG = ['ST-532302104', 'CS-532302104-1', 'CS-532302104-2', 'VS-532302104001', 'VS-532302104003'];

const W09 = '2026-02-25 10:00:00';
const W10 = '2026-03-04 10:00:00';
const W11 = '2026-03-11 10:00:00';
const DEMAND: PosReceipt[] = [
  // 金山镇: W09 the station and 4 others; W10 the station and 5 others; W11 the station alone. 10 yuan a shop.
  ...each([ME, ...JINSHAN.slice(0, 4)], (s) => sale(s, W09, 1, 1000)),
  ...each([ME, ...JINSHAN], (s) => sale(s, W10, 1, 1000)),
  sale(ME, W11, 1, 1000),
  // 仁兴镇: six shops every week, 10 yuan each.
  ...[W09, W10, W11].flatMap((w) => each(RENXING, (s) => sale(s, w, 1, 1000))),
  // 碧城镇: five shops in W09 and W10, four in W11, 7 yuan each.
  ...[W09, W10].flatMap((w) => each(BICHENG, (s) => sale(s, w, 1, 700))),
  ...each(BICHENG.slice(0, 4), (s) => sale(s, W11, 1, 700)),
  // 勤丰镇: five shops every week, 5 yuan each.
  ...[W09, W10, W11].flatMap((w) => each(QINFENG, (s) => sale(s, w, 1, 500))),
];

// Prices, 2025-12-22 to 2026-01-18: green tea sold by 5 other shops of 金山镇, cola by 4.
const OTHERS5 = ['CS-532302101-1', 'CO-532302101', 'VS-532302101010', 'VS-532302101014', 'VS-532302101015'];
const tea = (store: string, qty: number, fen: number) => sale(store, '2026-01-14 09:00:00', qty, fen, 'green-tea-500ml', 'beverages.tea');
const cola = (store: string, qty: number, fen: number) => sale(store, '2026-01-14 09:00:00', qty, fen, 'cola-330ml', 'beverages.soft_drink');
const PRICES: PosReceipt[] = [
  tea(OTHERS5[0]!, 2, 300), tea(OTHERS5[1]!, 1, 320), tea(OTHERS5[2]!, 3, 350), tea(OTHERS5[3]!, 1, 350), tea(OTHERS5[4]!, 1, 400),
  tea(ME, 2, 340), tea(ME, 2, 360),
  ...each(OTHERS5.slice(0, 4), (s) => cola(s, 1, 250)), cola(ME, 3, 260),
];

// Gaps, the 8 weeks 2025-10-06 to 11-30 and the 8 before: rice sold by 5 other shops in both; oil by
// 5 now and 2 before; detergent by 4; water by 6 and by the station itself.
const G = '2025-11-05 11:00:00';
const BEFORE = '2025-09-10 11:00:00';
const rice = (s: string, at: string, qty: number) => sale(s, at, qty, 3990, 'rice-5kg', 'grain_oil.rice');
const oil = (s: string, at: string) => sale(s, at, 1, 6990, 'rapeseed-oil-5l', 'grain_oil.oil');
const GAPS: PosReceipt[] = [
  ...each(OTHERS5, (s) => rice(s, G, 2)), ...each(OTHERS5, (s) => rice(s, BEFORE, 1)),
  ...each(OTHERS5, (s) => oil(s, G)), oil(OTHERS5[0]!, BEFORE), oil(OTHERS5[1]!, BEFORE),
  ...each(OTHERS5.slice(0, 4), (s) => sale(s, G, 1, 2500, 'detergent-2kg', 'daily_chem.laundry')),
  ...each([...OTHERS5, 'VS-532302101016'], (s) => sale(s, G, 2, 200)), sale(ME, G, 1, 200),
];

// Weekday x hour, the week of 2025-07-14: the station and 5 shops of 金山镇 at 10:00 on Wednesday,
// one more shop alone at 06:00 (7.77 yuan).
const HOURS: PosReceipt[] = [
  ...each([ME, ...JINSHAN], (s) => sale(s, '2025-07-16 10:00:00', 1, 1000)),
  sale('VS-532302101016', '2025-07-16 06:00:00', 1, 777),
];

// Peers of the village shop: the other village shops (type village_shop, tier 3) of 金山镇. The week of
// 2025-06-02: 4 of them sell; the week of 06-09: 5 do, 10 to 50 yuan each in one receipt.
const PEERS_A = ['VS-532302101014', 'VS-532302101015', 'VS-532302101016', 'VS-532302101018'];
const PEERS_B = [...PEERS_A, 'VS-532302101019'];
const PEERS: PosReceipt[] = [
  ...each([SHOP, ...PEERS_A], (s) => sale(s, '2025-06-04 10:00:00', 1, 1000, 'soap-115g', 'daily_chem.soap')),
  ...each(PEERS_B, (s, i) => sale(s, '2025-06-11 10:00:00', 1, 1000 * (i + 1), 'soap-115g', 'daily_chem.soap')),
  sale(SHOP, '2025-06-11 10:00:00', 1, 2500, 'soap-115g', 'daily_chem.soap'),
];

let t: TestApp;
let merchant: ReturnType<typeof request.agent>;
let shop: ReturnType<typeof request.agent>;
beforeAll(async () => {
  t = await openTestApp({ accounts: ['merchant'] });
  await t.wh.insert('pos_lines', [...DEMAND, ...PRICES, ...GAPS, ...HOURS, ...PEERS].flatMap(posRows));
  merchant = await t.agent('merchant');
  await t.locals.services.accounts.create({ login: 'shop-010', role: 'merchant', name: '大北厂小卖部', storeIds: [SHOP], password: PASSWORD });
  shop = request.agent(t.app);
  expect((await shop.post('/api/session').send({ login: 'shop-010', password: PASSWORD })).status).toBe(200);
}, 60_000);
afterAll(() => t.close());

async function get(agent: ReturnType<typeof request.agent>, path: string) {
  const res = await agent.get(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown;
}

describe('demand: a cell of 4 other stores is withheld, of 5 shown, and one withheld cell takes another with it', () => {
  test('Lufeng by township, value', async () => {
    const body = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?scope=county&weeks=4&to=2026-03-16`));
    expect(body.cols.map((c) => c.key)).toEqual(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09']);
    const cell = (row: string, col: string, value: number | null, outlets: number) => ({ row, col, value, outlets, withheld: value === null });
    expect(body.cells).toEqual([
      cell('532302101', '2026-02-23', null, 5), // the station and 4 others: the 4 would show
      cell('532302101', '2026-03-02', 6000, 6), // the station and 5 others
      cell('532302101', '2026-03-09', 1000, 1), // the station alone: its own figure
      cell('532302102', '2026-02-23', 6000, 6),
      cell('532302102', '2026-03-02', 6000, 6),
      cell('532302102', '2026-03-09', 6000, 6),
      cell('532302103', '2026-02-23', 3500, 5), // five other shops
      cell('532302103', '2026-03-02', 3500, 5),
      cell('532302103', '2026-03-09', null, 4), // four
      // W09 and W11 each have one withheld cell: the smallest other one (2500 < 3500 < 6000) goes too,
      // not the station's own cell of W11 (1000), which the caller knows anyway.
      cell('532302104', '2026-02-23', null, 5),
      cell('532302104', '2026-03-02', 2500, 5),
      cell('532302104', '2026-03-09', null, 5),
    ]);
  });

  test('the same by category: one beverages cell per week, of every shop in the county', async () => {
    const body = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?view=category&scope=county&weeks=4&to=2026-03-16&category=beverages`));
    expect(body.cells).toEqual([
      { row: 'beverages', col: '2026-02-23', value: 5000 + 6000 + 3500 + 2500, outlets: 21, withheld: false },
      { row: 'beverages', col: '2026-03-02', value: 6000 + 6000 + 3500 + 2500, outlets: 22, withheld: false },
      { row: 'beverages', col: '2026-03-09', value: 1000 + 6000 + 2800 + 2500, outlets: 16, withheld: false },
    ]);
  });
});

describe('prices: withheld with fewer than 5 other outlets', () => {
  test('green tea, 5 other shops: quartiles over their 8 units, 6 bands 20 fen wide, my 350 above 3 units of 8', async () => {
    const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=green-tea-500ml&weeks=4&to=2026-01-19`));
    expect(body).toMatchObject({ sku: 'green-tea-500ml', outlets: 5, withheld: false });
    // Units by price: 300 x2, 320 x1, 350 x4, 400 x1 (8): the 2nd, 4th and 6th units cost 300, 350, 350.
    expect(body.quartiles).toEqual({ p25: 300, median: 350, p75: 350 });
    // 300..400 in 8 bands: ceil(101 / 8 / 10) x 10 = 20 fen each; bands past 400 are dropped.
    expect(body.bands).toEqual([
      { lowFen: 300, highFen: 319, qty: 2 }, { lowFen: 320, highFen: 339, qty: 1 }, { lowFen: 340, highFen: 359, qty: 4 },
      { lowFen: 360, highFen: 379, qty: 0 }, { lowFen: 380, highFen: 399, qty: 0 }, { lowFen: 400, highFen: 400, qty: 1 },
    ]);
    // Mine: 2 at 340 and 2 at 360, 350 on average; 3 of 8 units were sold cheaper.
    expect(body.mine).toEqual({ priceFen: 350, qty: 4, belowPct: 37.5 });
  });

  test('cola, 4 other shops: no bands, no quartiles, no share below mine', async () => {
    const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=cola-330ml&weeks=4&to=2026-01-19`));
    expect(body).toMatchObject({ sku: 'cola-330ml', outlets: 4, withheld: true, bands: [], quartiles: null });
    expect(body.mine).toEqual({ priceFen: 260, qty: 3, belowPct: null });
  });
});

describe('gaps: an item fewer than 5 other stores sold is left out', () => {
  test('rice and oil (5 shops) are listed, detergent (4) is not, water (on my receipts) is not', async () => {
    const body = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=2025-12-01`));
    expect([body.from, body.to]).toEqual(['2025-10-06', '2025-12-01']);
    expect(body.skus.map(({ sku, category, amountFen, qty, outlets }) => ({ sku, category, amountFen, qty, outlets }))).toEqual([
      { sku: 'rice-5kg', category: 'grain_oil.rice', amountFen: 39_900, qty: 10, outlets: 5 },
      { sku: 'rapeseed-oil-5l', category: 'grain_oil.oil', amountFen: 34_950, qty: 5, outlets: 5 },
    ]);
    expect(body.categories.map((c) => [c.category, c.amountFen, c.outlets])).toEqual([['grain_oil.rice', 39_900, 5], ['grain_oil.oil', 34_950, 5]]);
    expect(body.withheld).toBe(2); // detergent-2kg and its category daily_chem.laundry
    // Rice: 39 900 now against 19 950 from the same 5 shops before: +100%.
    expect(body.skus[0]!.growthPct).toBe(100);
    expect(body.categories[0]!.growthPct).toBe(100);
  });

  test('no growth where fewer than 5 other shops sold it in the 8 weeks before', async () => {
    // Oil: 34 950 now and +150% would give the 13 980 that 2 shops sold before.
    const body = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=2025-12-01`));
    expect(body.skus.find((s) => s.sku === 'rapeseed-oil-5l')!.growthPct).toBeNull();
    expect(body.categories.find((c) => c.category === 'grain_oil.oil')!.growthPct).toBeNull();
  });
});

describe('weekday x hour: a withheld cell cannot be had by subtraction', () => {
  test('one withheld hour of one shop is not the county view\'s township total minus the cells shown', async () => {
    const q = 'weeks=4&to=2025-08-04';
    const hours = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?view=hour&${q}`));
    const county = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?scope=county&${q}`));
    expect(county.cells).toEqual([{ row: '532302101', col: '2025-07-14', value: 6777, outlets: 7, withheld: false }]);
    // The grid's one other cell is withheld with it: the grid adds up to the township's total shown above.
    expect(hours.cells.find((c) => c.row === '3' && c.col === '10')).toEqual({ row: '3', col: '10', value: null, outlets: 6, withheld: true });
    expect(hours.cells.find((c) => c.row === '3' && c.col === '6')).toEqual({ row: '3', col: '6', value: null, outlets: 1, withheld: true });
    // 6777 - 6000 = 777: the one shop's sale at 06:00, unless another cell is withheld with it.
    const shown = hours.cells.filter((c) => !c.withheld).reduce((s, c) => s + c.value!, 0);
    expect(6777 - shown).not.toBe(777);
  });
});

describe('peers: no benchmark under 5 peers', () => {
  const metric = (body: ReturnType<typeof peersResponse.parse>, level: 'township' | 'county') => body.stores[0]!.groups.find((g) => g.level === level)!;

  test('4 village shops of 金山镇 sold: shown = false, every statistic null', async () => {
    const body = peersResponse.parse(await get(shop, `/api/workspace/${SHOP}/peers?weeks=1&to=2025-06-09`));
    for (const level of ['township', 'county'] as const) {
      const g = metric(body, level);
      expect([g.peers, g.shown]).toEqual([4, false]);
      expect(g.metrics).toEqual([
        { metric: 'sales', mine: 1000, p25: null, median: null, p75: null },
        { metric: 'growth', mine: null, p25: null, median: null, p75: null },
        { metric: 'basket', mine: 1000, p25: null, median: null, p75: null },
        { metric: 'categories', mine: 1, p25: null, median: null, p75: null },
      ]);
    }
  });

  test('5 sold: the quartiles of their figures; growth, known for 4 of them only, still withheld', async () => {
    const body = peersResponse.parse(await get(shop, `/api/workspace/${SHOP}/peers?weeks=1&to=2025-06-16`));
    const g = metric(body, 'township');
    expect([g.areaCode, g.peers, g.shown]).toEqual(['532302101', 5, true]);
    // Sales 1000..5000: type-7 quartiles 2000, 3000, 4000; one receipt each, so basket = sales.
    expect(g.metrics).toEqual([
      { metric: 'sales', mine: 2500, p25: 2000, median: 3000, p75: 4000 },
      { metric: 'growth', mine: 150, p25: null, median: null, p75: null }, // 0, 100, 200, 300 and one without a base
      { metric: 'basket', mine: 2500, p25: 2000, median: 3000, p75: 4000 },
      { metric: 'categories', mine: 1, p25: 1, median: 1, p75: 1 },
    ]);
    expect(metric(body, 'county')).toMatchObject({ areaCode: '532302', peers: 5, shown: true });
  });
});
