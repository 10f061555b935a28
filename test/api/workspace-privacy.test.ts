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

// Prices: green tea sold by 5 other shops of 金山镇 in the 4-week period 2025-12-29 to 2026-01-25, cola
// by 4 in the next (in weeks of their own: a withheld cola cell in the tea's week would withhold the
// tea's cell in the heatmap with it, and the tea's period with that).
const OTHERS5 = ['CS-532302101-1', 'CO-532302101', 'VS-532302101010', 'VS-532302101014', 'VS-532302101015'];
const tea = (store: string, qty: number, fen: number) => sale(store, '2026-01-14 09:00:00', qty, fen, 'green-tea-500ml', 'beverages.tea');
const cola = (store: string, qty: number, fen: number) => sale(store, '2026-02-04 09:00:00', qty, fen, 'cola-330ml', 'beverages.soft_drink');
const PRICES: PosReceipt[] = [
  tea(OTHERS5[0]!, 2, 300), tea(OTHERS5[1]!, 1, 320), tea(OTHERS5[2]!, 3, 350), tea(OTHERS5[3]!, 1, 350), tea(OTHERS5[4]!, 1, 400),
  tea(ME, 2, 340), tea(ME, 2, 360),
  ...each(OTHERS5.slice(0, 4), (s) => cola(s, 1, 250)), cola(ME, 3, 260),
];

// Gaps, the 8 weeks 2025-10-06 to 11-30 and the 8 before: rice sold by 5 other shops in both; oil by
// 5 now and 2 before (a week after the rice: in the rice's week the heatmap would withhold the rice
// with the oil, and no growth of the rice could be shown); detergent by 4; water by 6 and by the station itself.
const G = '2025-11-05 11:00:00';
const BEFORE = '2025-09-10 11:00:00';
const OIL_BEFORE = '2025-09-17 11:00:00';
const rice = (s: string, at: string, qty: number) => sale(s, at, qty, 3990, 'rice-5kg', 'grain_oil.rice');
const oil = (s: string, at: string) => sale(s, at, 1, 6990, 'rapeseed-oil-5l', 'grain_oil.oil');
const GAPS: PosReceipt[] = [
  ...each(OTHERS5, (s) => rice(s, G, 2)), ...each(OTHERS5, (s) => rice(s, BEFORE, 1)),
  ...each(OTHERS5, (s) => oil(s, G)), oil(OTHERS5[0]!, OIL_BEFORE), oil(OTHERS5[1]!, OIL_BEFORE),
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

// Subtraction, 2024: the 4-week periods P2 (2024-09-09 to 10-06) and P3 (10-07 to 11-03) are the
// two that end at 2024-11-04 (periods count from 2000-01-03: 9,072 days, 324 of them, before it).
// O: five other shops of 金山镇; 016, 018, 019 three more; two shops of 仁兴镇 (the rest of the county).
// Each short sale is in a week of its own, so that the heatmap's cells it withholds are worked out
// by hand below: a week with one to four shops of 金山镇 has every cell withheld, and nothing else.
const W0916 = '2024-09-18 10:00:00'; // seeds, tissues, AD milk, baijiu by O: every cell shown
const W0923 = '2024-09-25 10:00:00'; // salt by one shop of O: every cell withheld
const W1007 = '2024-10-09 10:00:00'; // wangzai by 016: every cell withheld
const W1014 = '2024-10-16 10:00:00'; // seeds, AD milk, baijiu by O; erguotou by 019, corn liquor by 018: shown
const W1021 = '2024-10-23 10:00:00'; // salt by O: shown
const W1028 = '2024-10-30 10:00:00'; // tissues by O and two shops of 仁兴镇 (see the tissues' test)
const O = OTHERS5;
const [O6, O7, O8] = ['VS-532302101016', 'VS-532302101018', 'VS-532302101019'];
const item = (sku: string, category: string, fen: number) => (store: string, at: string) => sale(store, at, 1, fen, sku, category);
const seeds = item('sunflower-seeds-250g', 'snacks.nuts', 900);
const salt = item('salt-400g', 'condiments.salt', 250); // O in P3, one of them alone in P2
const tissue = item('tissue-10pk', 'household.paper', 1590); // O in P2 and P3, two shops of 仁兴镇 in P3
const adMilk = item('ad-milk-220g-4', 'dairy.milk_drink', 900);
const wangzai = item('wangzai-milk-245ml', 'dairy.milk_drink', 550); // 016 alone: the one short product of its category
const baijiu = item('baijiu-500ml', 'beverages.baijiu', 3800);
const erguotou = item('erguotou-500ml', 'beverages.baijiu', 1800); // 019 alone
const cornLiquor = item('corn-liquor-500ml', 'beverages.baijiu', 1500); // 018 alone: two short, neither given away
const SUBTRACTION: PosReceipt[] = [
  ...[W0916, W1014].flatMap((at) => [...each(O, (s) => seeds(s, at)), ...each(O, (s) => adMilk(s, at)), ...each(O, (s) => baijiu(s, at))]),
  ...each(O, (s) => tissue(s, W0916)), ...each(O, (s) => tissue(s, W1028)), tissue(RENXING[1]!, W1028), tissue(RENXING[2]!, W1028),
  salt(O[0]!, W0923), ...each(O, (s) => salt(s, W1021)),
  wangzai(O6, W1007), erguotou(O8, W1014), cornLiquor(O7, W1014),
];

// The heatmap, the week of 2024-05-20 (the period 05-20 to 06-16): green tea by the five of O, cola by
// four other shops (016, 018, 019 and one of O). The heatmap withholds cola (4 shops) and, for it,
// the tea (its beverages add up to tea + cola, and the tea is the smaller: 17.50 yuan).
const W0522 = '2024-05-22 10:00:00';
const HEATMAP: PosReceipt[] = [
  ...each(O, (s) => sale(s, W0522, 1, 350, 'green-tea-500ml', 'beverages.tea')),
  ...each([O6, O7, O8, O[0]!], (s) => sale(s, W0522, 1, 350, 'cola-500ml', 'beverages.soft_drink')),
];

const coil = item('mosquito-coils-10', 'household.insect', 600);
// A category's week shown in the heatmap minus a product shown: the period 2023-03-27 to 04-23, the five
// of O sell mosquito coils (6 yuan), one more shop (016) a spray (18 yuan), all in the week of 04-03.
// The heatmap shows household.insect that week (6 shops, 48 yuan); 48 - 5 x 6 would be 016's spray.
const SPRAY_WEEK = '2023-04-05 10:00:00';
const SPRAY: PosReceipt[] = [
  ...each(O, (s) => coil(s, SPRAY_WEEK)),
  sale(O6, SPRAY_WEEK, 1, 1800, 'insecticide-spray-600ml', 'household.insect'),
];

// A top-level category's weeks in the heatmap minus a leaf shown: the period 2023-05-22 to 06-18, the five
// of O sell coils in the weeks of 05-22 and 05-29; 016 tissues in the first, 018 toilet rolls in the
// second, each alone. The heatmap withholds each paper cell and, for it, the coils' cell of its week
// (two weeks of insect withheld: not one alone), and shows household in both (6 shops each).
const PAPER_WEEKS = ['2023-05-24 10:00:00', '2023-05-31 10:00:00'] as const;
const PAPER: PosReceipt[] = [
  ...PAPER_WEEKS.flatMap((at) => each(O, (s) => coil(s, at))),
  tissue(O6, PAPER_WEEKS[0]), sale(O7, PAPER_WEEKS[1], 1, 1990, 'toilet-roll-10', 'household.paper'),
];

// Windows that hold back differently: the periods 2022-08-15 (P0) and 2022-09-12 (P1), cigarettes by
// shops of 金山镇 (one week each), outlets in P0 / P1: yunyan 10 / 10, zhenpin 2 / 7, hongtashan 5 / 6,
// yuxi 6 / 5, honghe 0 / 3. P0 alone holds hongtashan back (zhenpin's 2 shops are the rest of the
// category); P1 alone holds yuxi back (for honghe's 3). Decided per window, the 8 weeks held back
// hongtashan only, so yuxi over the 8 weeks minus yuxi over P0 was its P1, and P1's category in the
// heatmap minus yunyan, zhenpin, hongtashan and that gave honghe's 3 shops.
const SHOPS = ['CS-532302101-1', 'CO-532302101', 'VS-532302101010', 'VS-532302101014', 'VS-532302101015', 'VS-532302101016',
  'VS-532302101018', 'VS-532302101019', 'VS-532302101202', 'VS-532302101214'];
const smoke = (sku: string, fen: number, at: string, n: number) => SHOPS.slice(0, n).map((s) => sale(s, at, 1, fen, sku, 'tobacco.cigarettes'));
const [P0_AT, P1_AT] = ['2022-08-17 10:00:00', '2022-09-14 10:00:00'];
const WINDOWS: PosReceipt[] = [
  ...smoke('cigarettes-yunyan', 1100, P0_AT, 10), ...smoke('cigarettes-yunyan-zhenpin', 2200, P0_AT, 2),
  ...smoke('cigarettes-hongtashan', 1000, P0_AT, 5), ...smoke('cigarettes-yuxi', 2300, P0_AT, 6),
  ...smoke('cigarettes-yunyan', 1100, P1_AT, 10), ...smoke('cigarettes-yunyan-zhenpin', 2200, P1_AT, 7),
  ...smoke('cigarettes-hongtashan', 1000, P1_AT, 6), ...smoke('cigarettes-yuxi', 2300, P1_AT, 5),
  ...smoke('cigarettes-honghe', 1500, P1_AT, 3),
];

// A leaf's total the heatmap gives: the period 2022-06-20 (weeks of 06-20 and 06-27), produce. Tomatoes
// by 6 shops of 金山镇 and 2 + 2 of 仁兴镇 and 碧城镇 (those two cells withheld together, so 金山镇's
// vegetables week is shown, and the leaf is short only in the rest of the county); jujube, honey and
// matsutake by the same 2 shops in the first week (each leaf's week withheld alone); mangoes by 6 and
// porcini slices by 5 shops of 金山镇; porcini by 5 of 勤丰镇.
// Before: the tomatoes (held back for the rest of the county) counted as unknown, their 6 shops made
// the rest of produce look settled, and produce minus vegetables, dried produce and mangoes was the
// 2 shops' jujubes, honey and matsutake.
const [PW1, PW2] = ['2022-06-22 10:00:00', '2022-06-29 10:00:00'];
const TWO = ['CS-532302101-1', 'CO-532302101'];
const SIX = ['VS-532302101010', 'VS-532302101014', 'VS-532302101015', 'VS-532302101016', 'VS-532302101018', 'VS-532302101019'];
const buy = (stores: readonly string[], at: string, sku: string, category: string, fen: number) => stores.map((s) => sale(s, at, 1, fen, sku, category));
const PRODUCE: PosReceipt[] = [
  ...buy(SIX, PW2, 'tomato-yuanmou-1kg', 'produce.vegetables', 800),
  ...buy([RENXING[1]!, RENXING[2]!, BICHENG[1]!, BICHENG[2]!], PW2, 'tomato-yuanmou-1kg', 'produce.vegetables', 800),
  ...buy(TWO, PW1, 'jujube-yuanmou-1kg', 'produce.fruit', 1500), ...buy(TWO, PW1, 'honey-wuding-500g', 'produce.specialty', 7800),
  ...buy(TWO, PW1, 'matsutake-nanhua-500g', 'produce.wild_mushroom', 20000),
  ...buy(SIX, PW2, 'mango-yuanmou-1kg', 'produce.fruit', 1200), ...buy(SIX.slice(0, 5), PW1, 'porcini-slices-chuxiong-250g', 'produce.dried', 6800),
  ...buy(QINFENG, PW2, 'porcini-nanhua-500g', 'produce.wild_mushroom', 4000),
];

// My price against a category's bands, the period 2023-02-27 to 03-26: the five of O sell mosquito
// coils at 6 yuan; I sell one coil at 7 yuan and two sprays at 18, which no other shop sells.
const INSECT_WEEK = '2023-03-08 10:00:00';
const INSECT: PosReceipt[] = [
  ...each(O, (s) => coil(s, INSECT_WEEK)),
  sale(ME, INSECT_WEEK, 1, 700, 'mosquito-coils-10', 'household.insect'),
  sale(ME, INSECT_WEEK, 2, 1800, 'insecticide-spray-600ml', 'household.insect'),
];

let t: TestApp;
let merchant: ReturnType<typeof request.agent>;
let shop: ReturnType<typeof request.agent>;
let twoShops: ReturnType<typeof request.agent>;
beforeAll(async () => {
  t = await openTestApp({ accounts: ['merchant'] });
  await t.wh.insert('pos_lines', [...DEMAND, ...PRICES, ...GAPS, ...HOURS, ...PEERS, ...SUBTRACTION, ...HEATMAP, ...INSECT, ...SPRAY, ...PAPER, ...WINDOWS, ...PRODUCE].flatMap(posRows));
  merchant = await t.agent('merchant');
  await t.locals.services.accounts.create({ login: 'shop-010', role: 'merchant', name: '大北厂小卖部', storeIds: [SHOP], password: PASSWORD });
  await t.locals.services.accounts.create({ login: 'two-shops', role: 'merchant', name: '两家店', storeIds: [O6, O[0]!], password: PASSWORD });
  twoShops = request.agent(t.app);
  expect((await twoShops.post('/api/session').send({ login: 'two-shops', password: PASSWORD })).status).toBe(200);
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
    // A withheld cell says why, not how many outlets it has: fewer than 5 others, or hidden against subtraction.
    const cell = (row: string, col: string, value: number | null, outlets: number, why: 'outlets' | 'subtraction' = 'outlets') =>
      ({ row, col, value, outlets: value === null ? null : outlets, withheld: value === null, withheldWhy: value === null ? why : null });
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
      cell('532302104', '2026-02-23', null, 5, 'subtraction'),
      cell('532302104', '2026-03-02', 2500, 5),
      cell('532302104', '2026-03-09', null, 5, 'subtraction'),
    ]);
  });

  test('the same by category: one beverages cell per week, of every shop in the county', async () => {
    const body = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?view=category&scope=county&weeks=4&to=2026-03-16&category=beverages`));
    expect(body.cells).toEqual([
      { row: 'beverages', col: '2026-02-23', value: 5000 + 6000 + 3500 + 2500, outlets: 21, withheld: false, withheldWhy: null },
      { row: 'beverages', col: '2026-03-02', value: 6000 + 6000 + 3500 + 2500, outlets: 22, withheld: false, withheldWhy: null },
      { row: 'beverages', col: '2026-03-09', value: 1000 + 6000 + 2800 + 2500, outlets: 16, withheld: false, withheldWhy: null },
    ]);
  });
});

describe('prices: withheld with fewer than 5 other outlets', () => {
  test('green tea, 5 other shops: quartiles over their 8 units, one band of all five, my 350 above 3 units of 8', async () => {
    const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=green-tea-500ml&weeks=4&to=2026-01-26`));
    expect(body).toMatchObject({ sku: 'green-tea-500ml', outlets: 5, withheld: false });
    // Units by price: 300 x2, 320 x1, 350 x4, 400 x1 (8): the 2nd, 4th and 6th units cost 300, 350, 350.
    expect(body.quartiles).toEqual({ p25: 300, median: 350, p75: 350 });
    // 300..400 in bands of 20 fen would be 2, 1, 4, 0, 0 and 1 units, bands of one to three shops
    // each: a band's units are its shops' sales, so bands are joined until each has 5, here one.
    expect(body.bands).toEqual([{ lowFen: 300, highFen: 400, qty: 8 }]);
    // Mine: 2 at 340 and 2 at 360, 350 on average; 3 of 8 units were sold cheaper.
    expect(body.mine).toEqual({ priceFen: 350, qty: 4, belowPct: 37.5 });
  });

  test('cola, 4 other shops: no bands, no quartiles, no share below mine', async () => {
    const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=cola-330ml&weeks=4&to=2026-02-23`));
    expect(body).toMatchObject({ sku: 'cola-330ml', outlets: 4, withheld: true, reason: 'outlets', bands: [], quartiles: null });
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
    expect(county.cells).toEqual([{ row: '532302101', col: '2025-07-14', value: 6777, outlets: 7, withheld: false, withheldWhy: null }]);
    // The grid's one other cell is withheld with it: the grid adds up to the township's total shown above.
    expect(hours.cells.find((c) => c.row === '3' && c.col === '10')).toEqual({ row: '3', col: '10', value: null, outlets: null, withheld: true, withheldWhy: 'subtraction' } /* 6 outlets, 5 besides the station */);
    expect(hours.cells.find((c) => c.row === '3' && c.col === '6')).toEqual({ row: '3', col: '6', value: null, outlets: null, withheld: true, withheldWhy: 'outlets' } /* 1 outlet */);
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

  test('5 sold: the quartiles of their figures, each the mean of the five (not the middle shop\'s own); growth, known for 4 of them only, still withheld', async () => {
    const body = peersResponse.parse(await get(shop, `/api/workspace/${SHOP}/peers?weeks=1&to=2025-06-16`));
    const g = metric(body, 'township');
    expect([g.areaCode, g.peers, g.shown]).toEqual(['532302101', 5, true]);
    // Sales 1000..5000: type 7 would give 2000, 3000, 4000, three shops' own sales; each quartile is
    // the mean of the 5 around it instead, here all five: 3000. One receipt each, so basket = sales.
    expect(g.metrics).toEqual([
      { metric: 'sales', mine: 2500, p25: 3000, median: 3000, p75: 3000 },
      { metric: 'growth', mine: 150, p25: null, median: null, p75: null }, // 0, 100, 200, 300 and one without a base
      { metric: 'basket', mine: 2500, p25: 3000, median: 3000, p75: 3000 },
      { metric: 'categories', mine: 1, p25: 1, median: 1, p75: 1 },
    ]);
    expect(metric(body, 'county')).toMatchObject({ areaCode: '532302', peers: 5, shown: true });
  });
});

describe('figures over several weeks cannot be taken apart', () => {
  const rows = (body: ReturnType<typeof gapsResponse.parse>) => ({
    skus: body.skus.map((x) => [x.sku, x.amountFen, x.outlets]),
    categories: body.categories.map((x) => [x.category, x.amountFen, x.outlets]),
    withheld: body.withheld,
  });

  test('gaps, 金山镇: salt (one shop in P2), tissues (two shops in the rest of the county), a category with one short product are withheld', async () => {
    const body = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=2024-11-04`));
    expect([body.from, body.to]).toEqual(['2024-09-09', '2024-11-04']);
    // Before: salt 5 outlets over the 8 weeks, though one of them alone in P2 (8 weeks minus those a
    // period later is that shop's P2); tissues 5, and the county's 7 minus them is the two shops of
    // 仁兴镇; dairy.milk_drink 6, minus AD milk (5) shown is 016's wangzai. AD milk is shown: the
    // heatmap withholds the category's week of 10-07 alone in P3, so its P3 is shown nowhere.
    expect(rows(body)).toEqual({
      skus: [['ad-milk-220g-4', 9000, 5], ['sunflower-seeds-250g', 9000, 5]],
      // beverages.baijiu: 10 x 38.00 + 18.00 + 15.00 from 7 shops. Its P3 (its heatmap's weeks all shown)
      // minus the baijiu of O would be erguotou and corn liquor: 33.00 of two shops. So the baijiu
      // (5 outlets in P3, the only product with 5) is held back with them.
      categories: [['beverages.baijiu', 41_300, 7], ['snacks.nuts', 9000, 5]],
      // salt and condiments.salt, tissues and household.paper, wangzai and dairy.milk_drink, erguotou,
      // corn liquor, baijiu
      withheld: 9,
    });
  });

  test('gaps, the county: the tissues are shown there, 7 shops (the cluster is what is withheld)', async () => {
    const body = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?scope=county&to=2024-11-04`));
    expect(rows(body)).toEqual({
      // The baijiu held back here too (the county's 10-14 cell of baijiu, 7 shops, is shown).
      skus: [['tissue-10pk', 19_080, 7], ['ad-milk-220g-4', 9000, 5], ['sunflower-seeds-250g', 9000, 5]],
      categories: [['beverages.baijiu', 41_300, 7], ['household.paper', 19_080, 7], ['snacks.nuts', 9000, 5]],
      withheld: 7,
    });
  });

  test('a week later is the same two periods: a window cannot slide by a week', async () => {
    const at = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=2024-11-04`));
    for (const to of ['2024-11-11', '2024-11-25']) {
      expect(gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=${to}`))).toEqual(at);
    }
  });

  test('prices: salt withheld for its short period, tissues for the rest of the county, shown county-wide', async () => {
    const q = 'weeks=8&to=2024-11-04';
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=salt-400g&${q}`)))
      .toMatchObject({ outlets: 5, withheld: true, reason: 'period', bands: [], quartiles: null });
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=tissue-10pk&${q}`)))
      .toMatchObject({ outlets: 5, withheld: true, reason: 'period', bands: [] });
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=tissue-10pk&scope=county&${q}`)))
      .toMatchObject({ outlets: 7, withheld: false, reason: null, bands: [{ lowFen: 1590, highFen: 1590, qty: 12 }] });
    // Four weeks (P3 alone): salt's five shops, shown; eight weeks minus these four would be P2's one shop.
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=salt-400g&weeks=4&to=2024-11-04`)))
      .toMatchObject({ outlets: 5, withheld: false, bands: [{ lowFen: 250, highFen: 250, qty: 5 }] });
  });

  test('prices of a category count only its products that pass: AD milk\'s 10 units, wangzai left out', async () => {
    const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?category=dairy.milk_drink&weeks=8&to=2024-11-04`));
    expect(body).toMatchObject({ category: 'dairy.milk_drink', outlets: 5, withheld: false, reason: null, leftOut: 1, bands: [{ lowFen: 900, highFen: 900, qty: 10 }] });
    // AD milk alone, judged with its category's others as "what sells nearby" judges it: the heatmap
    // withholds the category's week of 10-07 (wangzai's), but wangzai is withheld too, so AD milk
    // does not add up to the category and is shown, here as there.
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=ad-milk-220g-4&weeks=8&to=2024-11-04`)))
      .toMatchObject({ outlets: 5, withheld: false, reason: null, bands: [{ lowFen: 900, highFen: 900, qty: 10 }] });
  });

  test('a product whose category\'s one week the heatmap withholds is withheld: green tea\'s units would give the cola\'s back', async () => {
    // Before: 5 units of green tea in 5 bands' worth of shops; the heatmap's beverages (9 units, shown)
    // minus them is the 4 shops' cola, which the heatmap withholds.
    for (const scope of ['cluster', 'county']) {
      const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=green-tea-500ml&weeks=4&to=2024-06-17&scope=${scope}`));
      expect(body).toMatchObject({ outlets: 5, withheld: true, reason: 'period', bands: [], quartiles: null });
    }
    const heat = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?scope=county&weeks=4&to=2024-06-17&category=beverages.tea`));
    // Five other shops, withheld against subtraction (it does not say how many).
    expect(heat.cells).toEqual([{ row: '532302101', col: '2024-05-20', value: null, outlets: null, withheld: true, withheldWhy: 'subtraction' }]);
    // The category counts no product then, and says so.
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?category=beverages.tea&weeks=4&to=2024-06-17`)))
      .toMatchObject({ outlets: 0, withheld: true, reason: 'outlets', leftOut: 1, bands: [] });
  });

  test('a product is held back when its category\'s week in the heatmap minus it would be one shop\'s: the coils of five shops', async () => {
    const heat = demandResponse.parse(await get(merchant, `/api/workspace/${ME}/demand?view=category&scope=cluster&weeks=4&to=2023-04-24&category=household.insect`));
    expect(heat.cells).toEqual([{ row: 'household', col: '2023-04-03', value: 4800, outlets: 6, withheld: false, withheldWhy: null }]);
    // Before: the coils listed at 30 yuan from 5 shops, and their price bands shown (5 units at 6 yuan).
    const gaps = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=2023-05-22`));
    expect(rows(gaps)).toEqual({ skus: [], categories: [['household.insect', 4800, 6]], withheld: 2 });
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=mosquito-coils-10&weeks=4&to=2023-04-24`)))
      .toMatchObject({ outlets: 5, withheld: true, reason: 'period', bands: [] });
  });

  test('a leaf category is held back when its top-level category\'s weeks minus it would be two shops\' figures', async () => {
    const grid = (category: string) => get(merchant, `/api/workspace/${ME}/demand?view=category&scope=cluster&weeks=4&to=2023-06-19&category=${category}`)
      .then((b) => demandResponse.parse(b).cells.map((c) => [c.col, c.value, c.outlets ?? c.withheldWhy]));
    expect(await grid('household')).toEqual([['2023-05-22', 3000 + 1590, 6], ['2023-05-29', 3000 + 1990, 6]]);
    expect(await grid('household.insect')).toEqual([['2023-05-22', null, 'subtraction'], ['2023-05-29', null, 'subtraction']]); // 5 shops each
    // Before: household.insect and its coils shown, 60 yuan of 5 shops: the household's 95.80 minus
    // them is 35.80, the tissues and toilet rolls of two shops. Now the insect leaf (the only one
    // shown under household, with 5 outlets) is held back with its coils.
    const gaps = gapsResponse.parse(await get(merchant, `/api/workspace/${ME}/gaps?to=2023-06-19`));
    expect(rows(gaps)).toEqual({ skus: [], categories: [], withheld: 5 });
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=mosquito-coils-10&weeks=4&to=2023-06-19`)))
      .toMatchObject({ outlets: 5, withheld: true, reason: 'period', bands: [] });
  });

  test('what a window shows, every window inside it shows: yuxi held back over 8 weeks, as over P1', async () => {
    const bands = async (sku: string, weeks: number, to: string) => {
      const b = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=${sku}&weeks=${weeks}&to=${to}`));
      return b.withheld ? b.reason : b.bands.reduce((n, x) => n + x.qty, 0);
    };
    const P1_END = '2022-10-10';
    const P0_END = '2022-09-12';
    expect(await bands('cigarettes-yuxi', 4, P0_END)).toBe(6);
    expect(await bands('cigarettes-yuxi', 4, P1_END)).toBe('period');
    expect(await bands('cigarettes-yuxi', 8, P1_END)).toBe('period'); // shown before: 11 units, P1's 5 by subtraction
    expect(await bands('cigarettes-hongtashan', 4, P0_END)).toBe('period');
    expect(await bands('cigarettes-hongtashan', 4, P1_END)).toBe(6);
    expect(await bands('cigarettes-hongtashan', 8, P1_END)).toBe('period');
    expect(await bands('cigarettes-yunyan', 8, P1_END)).toBe(20);
    expect(await bands('cigarettes-yunyan-zhenpin', 4, P1_END)).toBe(7);
  });

  test('a leaf whose weeks the heatmap shows is known: the mangoes held back for the 2 shops\' jujubes, honey and matsutake', async () => {
    const grid = (category: string) => get(merchant, `/api/workspace/${ME}/demand?scope=county&weeks=4&to=2022-07-18&category=${category}`)
      .then((b) => demandResponse.parse(b).cells.filter((c) => c.row === '532302101').map((c) => [c.col, c.withheld]));
    expect(await grid('produce.vegetables')).toEqual([['2022-06-27', false]]);
    expect(await grid('produce.fruit')).toEqual([['2022-06-20', true], ['2022-06-27', false]]);
    expect(await grid('produce')).toEqual([['2022-06-20', false], ['2022-06-27', false]]);
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=mango-yuanmou-1kg&weeks=4&to=2022-07-18`)))
      .toMatchObject({ outlets: 6, withheld: true, reason: 'period', bands: [] }); // before: 6 units shown
    expect(pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?sku=porcini-slices-chuxiong-250g&weeks=4&to=2022-07-18`)))
      .toMatchObject({ outlets: 5, withheld: false, bands: [{ lowFen: 6800, highFen: 6800, qty: 5 }] });
  });

  test('my price in a category is over the products its bands count: the coil at 7 yuan, not the sprays no one else sells', async () => {
    const body = pricesResponse.parse(await get(merchant, `/api/workspace/${ME}/prices?category=household.insect&weeks=4&to=2023-03-27`));
    expect(body).toMatchObject({ outlets: 5, withheld: false, leftOut: 0, bands: [{ lowFen: 600, highFen: 600, qty: 5 }] });
    // Over all my insect products it would be (700 + 2 x 1800) / 3 = 1433 fen. No "cheaper than mine"
    // for a category: its unit prices mix sizes, so the share would measure what I stock.
    expect(body.mine).toEqual({ priceFen: 700, qty: 1, belowPct: null });
  });

  test('prices: weeks must be whole 4-week periods', async () => {
    const res = await merchant.get(`/api/workspace/${ME}/prices?weeks=13`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('weeks');
    expect(JSON.stringify(res.body)).toContain('must be whole 4-week periods');
  });

  test('a merchant\'s other store is not one of the others: 016 seen alone by the owner of 016 and CS-532302101-1', async () => {
    const body = gapsResponse.parse(await get(twoShops, `/api/workspace/${O6}/gaps?to=2024-11-04`));
    // Without CS-532302101-1 every item of O has 4 other shops; wangzai is 016's own, and so is its category.
    expect(rows(body)).toEqual({ skus: [], categories: [], withheld: 11 });
  });
});
