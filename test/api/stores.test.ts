// GET /api/stores and /api/stores/:id: what each role may list, and one store's own weekly sales
// to the fen, from receipts whose sums are worked out by hand below.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminDirectoryResponse, storeDetail, storesResponse } from '../../contracts/stores.ts';
import type { PosReceipt } from '../../contracts/events.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { insertPosFixture, stores } from '../fixtures/warehouse.ts';

// Besides the fixture's R-2 (ST-532302101, 2026-03-08, 2 x green tea = 700 fen), an online order
// placed at the station for a villager in the same week, and a counter sale two weeks before.
const MORE: PosReceipt[] = [
  { schemaVersion: 1, receiptId: 'S-1', storeId: 'ST-532302101', areaCode: '532302101', soldAt: '2026-03-05 15:00:00', channel: 'online_proxy', payment: 'wechat', totalFen: 12_800,
    lines: [{ sku: 'fertiliser-40kg', category: 'agri_inputs.fertiliser', quantity: 1, unitPriceFen: 12_800, discountFen: 0, amountFen: 12_800 }] },
  { schemaVersion: 1, receiptId: 'S-2', storeId: 'ST-532302101', areaCode: '532302101', soldAt: '2026-02-17 09:00:00', channel: 'offline', payment: 'cash', totalFen: 1_000,
    lines: [{ sku: 'water-550ml', category: 'beverages.water', quantity: 5, unitPriceFen: 200, discountFen: 0, amountFen: 1_000 }] },
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await insertPosFixture(t.wh);
  await t.wh.insert('pos_lines', MORE.flatMap(posRows));
});
afterAll(() => t.close());

describe('GET /api/stores/:id', () => {
  test('the merchant\'s own station: 12 weeks ending with its last sale, exact per week, online orders apart, categories', async () => {
    const res = await (await t.agent('merchant')).get('/api/stores/ST-532302101');
    expect(res.status).toBe(200);
    const body = storeDetail.parse(res.body);
    expect(body.store).toEqual({ id: 'ST-532302101', name: '金山镇电商服务站', type: 'township_station', tier: 2, areaCode: '532302101', areaName: '金山镇',
      openedOn: stores.find((s) => s.id === 'ST-532302101')!.openedOn, status: 'active' });
    expect(body.path).toEqual([{ code: '5323', name: '楚雄彝族自治州' }, { code: '532302', name: '禄丰市' }, { code: '532302101', name: '金山镇' }]);
    expect([body.lastSaleDay, body.from, body.to]).toEqual(['2026-03-08', '2025-12-15', '2026-03-09']);
    expect(body.weeks).toHaveLength(12);
    expect(body.weeks.filter((w) => w.amountFen > 0)).toEqual([
      { week: '2026-W08', start: '2026-02-16', lines: 1, qty: 5, amountFen: 1_000, onlineProxyFen: 0 },
      { week: '2026-W10', start: '2026-03-02', lines: 2, qty: 3, amountFen: 13_500, onlineProxyFen: 12_800 },
    ]);
    expect(body.categories).toEqual([
      { category: 'agri_inputs', qty: 1, amountFen: 12_800 },
      { category: 'beverages', qty: 7, amountFen: 1_700 },
    ]);
  });

  test('the neighbour\'s shop is 403 for the merchant, and visible to the Lufeng official', async () => {
    const res = await (await t.agent('merchant')).get('/api/stores/CS-532302101-1');
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('store CS-532302101-1 is outside your scope: your stores ST-532302101 and aggregates of 532302 (禄丰市)');
    expect((await (await t.agent('lufeng')).get('/api/stores/CS-532302101-1')).status).toBe(200);
    expect((await (await t.agent('chuxiong')).get('/api/stores/CS-532302101-1')).status).toBe(403);
  });

  test('an unknown store: 404 for whoever sees every store, 403 for the others (no probing for ids)', async () => {
    expect((await (await t.agent('analyst')).get('/api/stores/NO-SUCH')).body).toEqual({ error: 'not_found', message: 'no such store NO-SUCH' });
    expect((await (await t.agent('lufeng')).get('/api/stores/NO-SUCH')).status).toBe(403);
  });
});

describe('GET /api/stores', () => {
  test('a merchant lists only their own stores; an official every store of the area asked', async () => {
    const mine = storesResponse.parse((await (await t.agent('merchant')).get('/api/stores')).body);
    expect(mine.stores.map((s) => s.id)).toEqual(['ST-532302101']);
    const lufeng = storesResponse.parse((await (await t.agent('lufeng')).get('/api/stores')).body);
    expect(lufeng.area).toBe('532302');
    expect(lufeng.stores.map((s) => s.id).sort()).toEqual(stores.filter((s) => s.areaCode.startsWith('532302')).map((s) => s.id).sort());
    const township = storesResponse.parse((await (await t.agent('lufeng')).get('/api/stores?area=532302107')).body);
    expect(township.stores.map((s) => s.id).sort()).toEqual(stores.filter((s) => s.areaCode.startsWith('532302107')).map((s) => s.id).sort());
    expect((await (await t.agent('lufeng')).get('/api/stores?area=532301')).status).toBe(403);
  });
});

describe('GET /api/admin/directory', () => {
  test('the administrator gets the areas an official may oversee and every registered store with its place; no one else does', async () => {
    const res = await (await t.agent('admin')).get('/api/admin/directory');
    expect(res.status).toBe(200);
    const body = adminDirectoryResponse.parse(res.body);
    // The prefecture and its ten counties, as reference/chuxiong-areas.json names them.
    expect(body.areas).toEqual([{ code: '5323', name: '楚雄彝族自治州' }, { code: '532301', name: '楚雄市' }, { code: '532302', name: '禄丰市' },
      { code: '532322', name: '双柏县' }, { code: '532323', name: '牟定县' }, { code: '532324', name: '南华县' }, { code: '532325', name: '姚安县' },
      { code: '532326', name: '大姚县' }, { code: '532327', name: '永仁县' }, { code: '532328', name: '元谋县' }, { code: '532329', name: '武定县' }]);
    expect(body.stores.map((s) => s.id).sort()).toEqual(stores.map((s) => s.id).sort());
    // Names from reference/chuxiong-areas.json, read by hand: 禄丰市 > 金山镇; 楚雄市 > 鹿城镇 > 万家坝社区居民委员会.
    expect(body.stores.find((s) => s.id === 'ST-532302101')).toEqual({ id: 'ST-532302101', name: '金山镇电商服务站', type: 'township_station', areaCode: '532302101', place: '禄丰市 金山镇' });
    expect(body.stores.find((s) => s.id === 'VS-532301101007')).toEqual({ id: 'VS-532301101007', name: '万家坝小卖部', type: 'village_shop', areaCode: '532301101007', place: '楚雄市 鹿城镇 万家坝社区居民委员会' });
    // Names and places, not figures: nothing of a store's sales or status.
    expect(Object.keys(body.stores[0]!).sort()).toEqual(['areaCode', 'id', 'name', 'place', 'type']);
    for (const who of ['merchant', 'lufeng', 'analyst'] as const) {
      const refused = await (await t.agent(who)).get('/api/admin/directory');
      expect([who, refused.status]).toEqual([who, 403]);
    }
  });
});
