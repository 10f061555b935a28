// Traceability on hand-made batches of 金山镇 (Lufeng): one clean batch and one batch per
// inconsistency (sold from two origins; sold on a later day beyond its first day's weight; a batch
// code on a product the reference gives no origin), then the batch list of the township, and a
// batch of another county that the Lufeng official must not see.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DistributionTxn } from '../../contracts/events.ts';
import { batchesResponse, batchResponse, upstreamResponse } from '../../contracts/flows.ts';
import { decodeEvent } from '../../ingest/decode.ts';
import { distributionRows } from '../../ingest/rows.ts';
import { loadCities, loadProducts, readProducts } from '../../warehouse/reference-tables.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { ROOT } from '../fixtures/warehouse.ts';

const JINSHAN = '532302101'; // 金山镇, Lufeng
const VINEGAR = 'vinegar-lufeng-xiangcu-500ml'; // 禄丰香醋: local produce, origin 532302101 in the reference
const PEAR_VINEGAR = 'pear-vinegar-lufeng-500ml'; // 禄丰梨醋: local produce too
const RICE = 'rice-5kg'; // no origin in the reference: not local produce, so no batches

let n = 0;
/** One upstream wholesale order to Kunming: `kg` kilograms of `sku` from `origin`, sold by `seller`. */
const order = (batch: string, at: string, origin: string, kg: number, o: { sku?: string; seller?: string; city?: string } = {}): DistributionTxn => {
  const sku = o.sku ?? VINEGAR;
  const decoded = decodeEvent('distribution', {
    schemaVersion: 1, txnId: `T-${++n}`, occurredAt: at, sellerId: o.seller ?? 'CO-532302101', buyerId: 'WB-1',
    direction: 'upstream', channel: 'offline', sku, category: sku === RICE ? 'grain_oil.rice' : 'produce.vinegar',
    quantity: kg * 2, weightG: kg * 1000, amountFen: kg * 1500, originAreaCode: origin, destCityCode: o.city ?? '530100', ...(batch ? { traceBatch: batch } : {}),
  }, 1 << 20, Date.now());
  if (!decoded.ok) throw new Error(`hand-made event refused: ${decoded.detail}`);
  return decoded.event;
};

// Every batch of 金山镇 is first sold in January 2026. Times are Shanghai wall clock: an order at
// 00:30 is on that Shanghai day (the day before in UTC).
const CLEAN = [
  order('JS-CLEAN-0001', '2026-01-10 00:30:00', '532302101001', 6),
  order('JS-CLEAN-0001', '2026-01-10 23:30:00', '532302101001', 4, { city: '440300' }),
];
const TWO_ORIGINS = [
  order('JS-TWO-0001', '2026-01-12 09:00:00', '532302101001', 5),
  order('JS-TWO-0001', '2026-01-12 10:00:00', '532302101002', 5),
];
const OVER_WEIGHT = [
  order('JS-OVER-0001', '2026-01-14 09:00:00', '532302101001', 10), // recorded with 10 kg on its first day
  order('JS-OVER-0001', '2026-01-16 09:00:00', '532302101001', 3), // 3 kg more, two days later
];
// Two products under one code on one day (a code printed twice, a crate repacked): mixed, so
// flagged, and each product with its own units; all sold on the first day, so not over weight.
const MIXED = [
  order('JS-MIX-0001', '2026-01-22 09:00:00', '532302101001', 21),
  order('JS-MIX-0001', '2026-01-22 10:00:00', '532302101001', 1.5, { sku: PEAR_VINEGAR }),
];
const UNTRACED = [order('JS-RICE-0001', '2026-01-18 09:00:00', '532302101001', 25, { sku: RICE })];
// Sold from 金山镇 and from 仁兴镇 (another township of Lufeng, another seller).
const SPLIT = [
  order('JS-SPLIT-0001', '2026-01-20 09:00:00', '532302101003', 4),
  order('JS-SPLIT-0001', '2026-01-20 11:00:00', '532302102001', 4, { seller: 'ST-532302102' }),
];
// A batch of 鹿城镇, Chuxiong city: outside the Lufeng official's area.
const OUTSIDE = [order('LC-OUT-0001', '2026-01-15 09:00:00', '532301101001', 7, { seller: 'CO-532301101' })];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z') });
  await loadProducts(t.wh, readProducts(join(ROOT, 'reference/products.json')));
  await loadCities(t.wh, join(ROOT, 'reference/cities.json'));
  await t.wh.insert('distribution_txns', [...CLEAN, ...TWO_ORIGINS, ...OVER_WEIGHT, ...UNTRACED, ...SPLIT, ...MIXED, ...OUTSIDE].flatMap(distributionRows));
});
afterAll(() => t?.close());

async function lookUp(code: string, who: 'lufeng' | 'chuxiong' | 'prefecture' = 'lufeng', query = '') {
  return (await t.agent(who)).get(`/api/flows/batches/${code}${query}`);
}

describe('one batch per inconsistency, each flagged on its own', () => {
  test('a clean batch: one origin, one seller, one Shanghai day; no flag', async () => {
    const res = await lookUp('JS-CLEAN-0001');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(batchResponse.parse(res.body)).toEqual({
      code: 'JS-CLEAN-0001', products: [{ sku: VINEGAR, name: '禄丰香醋500ml', qty: 20 }], origins: ['532302101001'], sellers: ['CO-532302101'],
      firstDay: '2026-01-10', lastDay: '2026-01-10', firstDayWeightG: 10_000,
      orders: 2, qty: 20, weightG: 10_000, amountFen: 15_000, flags: [],
      originNames: [{ code: '532302101001', name: '董户村社区居民委员会' }],
      sellerNames: [{ id: 'CO-532302101', name: '金山镇农民专业合作社' }],
      destinations: [
        { code: '530100', name: '昆明市', province: '云南省', lon: expect.any(Number), lat: expect.any(Number), orders: 1, qty: 12, weightG: 6000, amountFen: 9000 },
        { code: '440300', name: '深圳市', province: '广东省', lon: expect.any(Number), lat: expect.any(Number), orders: 1, qty: 8, weightG: 4000, amountFen: 6000 },
      ],
      days: [{ day: '2026-01-10', orders: 2, qty: 20, weightG: 10_000, amountFen: 15_000 }],
    });
  });

  test('sold from two origins: two_origins', async () => {
    const body = batchResponse.parse((await lookUp('JS-TWO-0001')).body);
    expect({ origins: body.origins, sellers: body.sellers, flags: body.flags, weightG: body.weightG })
      .toEqual({ origins: ['532302101001', '532302101002'], sellers: ['CO-532302101'], flags: ['two_origins'], weightG: 10_000 });
  });

  test('10 kg on its first day, 3 kg more two days later: over_weight', async () => {
    const body = batchResponse.parse((await lookUp('JS-OVER-0001')).body);
    expect({ firstDay: body.firstDay, lastDay: body.lastDay, firstDayWeightG: body.firstDayWeightG, weightG: body.weightG, flags: body.flags })
      .toEqual({ firstDay: '2026-01-14', lastDay: '2026-01-16', firstDayWeightG: 10_000, weightG: 13_000, flags: ['over_weight'] });
    expect(body.days).toEqual([
      { day: '2026-01-14', orders: 1, qty: 20, weightG: 10_000, amountFen: 15_000 },
      { day: '2026-01-16', orders: 1, qty: 6, weightG: 3000, amountFen: 4500 },
    ]);
  });

  test('two products under one code, all sold on its first day: two_origins, each product with its units, not over weight', async () => {
    const body = batchResponse.parse((await lookUp('JS-MIX-0001')).body);
    expect({ products: body.products, firstDayWeightG: body.firstDayWeightG, weightG: body.weightG, flags: body.flags }).toEqual({
      products: [{ sku: PEAR_VINEGAR, name: '禄丰梨醋500ml', qty: 3 }, { sku: VINEGAR, name: '禄丰香醋500ml', qty: 42 }],
      firstDayWeightG: 22_500, weightG: 22_500, flags: ['two_origins'],
    });
  });

  test('a batch code on a product without origin in the reference: untraced_product', async () => {
    const body = batchResponse.parse((await lookUp('JS-RICE-0001')).body);
    expect({ skus: body.products.map((p) => p.sku), flags: body.flags, weightG: body.weightG }).toEqual({ skus: [RICE], flags: ['untraced_product'], weightG: 25_000 });
  });

  test('sold from two townships of the county: two_origins, seen from the county', async () => {
    const body = batchResponse.parse((await lookUp('JS-SPLIT-0001')).body);
    expect({ origins: body.origins, sellers: body.sellers, flags: body.flags })
      .toEqual({ origins: ['532302101003', '532302102001'], sellers: ['CO-532302101', 'ST-532302102'], flags: ['two_origins'] });
  });
});

describe('the batch list of an origin', () => {
  test('金山镇 in January 2026, flagged only: newest first, each with its flag', async () => {
    const res = await (await t.agent('lufeng')).get(`/api/flows/batches?area=${JINSHAN}&from=2026-01&to=2026-01&flagged=true`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = batchesResponse.parse(res.body);
    expect(body.batches.map((b) => [b.code, b.firstDay, b.flags]).filter(([c]) => c !== 'JS-SPLIT-0001')).toEqual([
      ['JS-MIX-0001', '2026-01-22', ['two_origins']],
      ['JS-RICE-0001', '2026-01-18', ['untraced_product']],
      ['JS-OVER-0001', '2026-01-14', ['over_weight']],
      ['JS-TWO-0001', '2026-01-12', ['two_origins']],
    ]);
    const all = batchesResponse.parse((await (await t.agent('lufeng')).get(`/api/flows/batches?area=${JINSHAN}&from=2026-01&to=2026-01`)).body);
    expect(all.batches.map((b) => b.code)).toContain('JS-CLEAN-0001');
    expect(all.batches.find((b) => b.code === 'JS-CLEAN-0001')!.flags).toEqual([]);
  });

  test('a batch sold from 金山镇 and from another township is listed for 金山镇 as two_origins, with the figures of its look-up', async () => {
    // The list of 金山镇 must show the same batch as the look-up: a batch whose other origin lies
    // outside the asked area is still sold from two origins, and its weight is all of it.
    const agent = await t.agent('lufeng');
    const all = batchesResponse.parse((await agent.get(`/api/flows/batches?area=${JINSHAN}&from=2026-01&to=2026-01`)).body);
    const split = all.batches.find((b) => b.code === 'JS-SPLIT-0001');
    expect({ origins: split?.origins, sellers: split?.sellers, weightG: split?.weightG, flags: split?.flags })
      .toEqual({ origins: ['532302101003', '532302102001'], sellers: ['CO-532302101', 'ST-532302102'], weightG: 8000, flags: ['two_origins'] });
    const flagged = batchesResponse.parse((await agent.get(`/api/flows/batches?area=${JINSHAN}&from=2026-01&to=2026-01&flagged=true`)).body);
    expect(flagged.batches.map((b) => b.code)).toContain('JS-SPLIT-0001');
    expect({ total: flagged.total, flagged: flagged.flagged }).toEqual({ total: 6, flagged: 5 });
  });

  test('Lufeng as a whole: every batch of its townships, the split one with both origins', async () => {
    const body = batchesResponse.parse((await (await t.agent('lufeng')).get('/api/flows/batches?from=2026-01&to=2026-01')).body);
    expect(body.area.code).toBe('532302');
    expect(body.batches.map((b) => b.code)).toEqual(['JS-MIX-0001', 'JS-SPLIT-0001', 'JS-RICE-0001', 'JS-OVER-0001', 'JS-TWO-0001', 'JS-CLEAN-0001']);
    expect({ total: body.total, flagged: body.flagged }).toEqual({ total: 6, flagged: 5 });
    expect(body.batches[1]!.origins).toEqual(['532302101003', '532302102001']);
  });
});

describe('a batch outside the official\'s area', () => {
  test('is 404 for the Lufeng official (no probing), 403 when they name the other county, 200 for its own official', async () => {
    const hidden = await lookUp('LC-OUT-0001');
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('532301101001');
    expect((await lookUp('LC-OUT-0001', 'lufeng', '?area=532301')).status).toBe(403);
    const own = await lookUp('LC-OUT-0001', 'chuxiong');
    expect(own.status).toBe(200);
    expect(batchResponse.parse(own.body)).toMatchObject({ origins: ['532301101001'], weightG: 7000, flags: [] });
    expect((await lookUp('LC-OUT-0001', 'prefecture')).status).toBe(200);
    // An unknown code is the same 404 as a hidden one.
    expect((await lookUp('JS-NONE-0001')).status).toBe(404);
  });

  test('is not in the Lufeng list', async () => {
    const body = batchesResponse.parse((await (await t.agent('prefecture')).get('/api/flows/batches?area=532302&from=2026-01&to=2026-01')).body);
    expect(body.batches.map((b) => b.code)).not.toContain('LC-OUT-0001');
  });
});

describe('Shanghai calendar months on hand-made orders', () => {
  test('an order at 00:30 on 1 February (Shanghai) is February\'s; one at 23:30 on 31 January is January\'s', async () => {
    await t.wh.insert('distribution_txns', [
      order('JS-EDGE-0001', '2026-01-31 23:30:00', '532302101002', 2),
      order('JS-EDGE-0002', '2026-02-01 00:30:00', '532302101002', 3),
    ].flatMap(distributionRows));
    const agent = await t.agent('lufeng');
    const jan = upstreamResponse.parse((await agent.get(`/api/flows/upstream?area=${JINSHAN}&from=2026-01&to=2026-01`)).body);
    const feb = upstreamResponse.parse((await agent.get(`/api/flows/upstream?area=${JINSHAN}&from=2026-02&to=2026-02`)).body);
    // January: everything above of 金山镇 (10 + 10 + 13 + 25 + 4 + 22.5 kg) and the 2 kg at 23:30.
    expect(jan.totals.weightG).toBe(86_500);
    expect(feb.totals).toEqual({ orders: 1, qty: 6, weightG: 3000, amountFen: 4500 });
  });
});

describe('the flows rollup, exactly once', () => {
  test('an insert retried with the same deduplication token counts once in the upstream flows', async () => {
    const rows = distributionRows(order('', '2025-11-05 09:00:00', '532302103001', 9, { seller: 'ST-532302103' }));
    await t.wh.insert('distribution_txns', rows, { dedupToken: 'flows-retry-1' });
    await t.wh.insert('distribution_txns', rows, { dedupToken: 'flows-retry-1' }); // the retry after a lost acknowledgement
    const body = upstreamResponse.parse((await (await t.agent('lufeng')).get('/api/flows/upstream?area=532302103&from=2025-11&to=2025-11')).body);
    expect(body.totals).toEqual({ orders: 1, qty: 18, weightG: 9000, amountFen: 13_500 });
  });
});
