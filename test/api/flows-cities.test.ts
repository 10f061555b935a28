// Destination cities: a city code that is not a real NBS prefecture-level code is refused at the
// door (dead-lettered, naming destCityCode); a real city that the cities reference lacks is kept in
// the flows and listed with no position ("position unknown"), never dropped nor placed somewhere.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DistributionTxn } from '../../contracts/events.ts';
import { batchResponse, upstreamResponse } from '../../contracts/flows.ts';
import { NBS_CITY_CODES } from '../../contracts/nbs-city-codes.ts';
import { createWarehouseDeadLetters } from '../../ingest/dead-letters.ts';
import { decodeEvent } from '../../ingest/decode.ts';
import { createPipeline } from '../../ingest/pipeline.ts';
import { loadCities } from '../../warehouse/reference-tables.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { ROOT } from '../fixtures/warehouse.ts';

const SHENZHEN = '440300'; // a real city, left out of the reference loaded here
const KUNMING = '530100';
const NOT_A_CITY = '530200'; // six digits, but Yunnan has no 530200

const upstream = (txnId: string, destCityCode: string, kg: number): DistributionTxn => ({
  schemaVersion: 1, txnId, occurredAt: '2026-02-10 10:00:00', sellerId: 'CO-532302101', buyerId: 'WB-1',
  direction: 'upstream', channel: 'offline', sku: 'vinegar-lufeng-xiangcu-500ml', category: 'produce.vinegar',
  quantity: kg * 2, weightG: kg * 1000, amountFen: kg * 1500, originAreaCode: '532302101001', destCityCode, traceBatch: 'JS-CITY-0001',
});

const dir = mkdtempSync(join(tmpdir(), 'cx-cities-'));
const reference = JSON.parse(readFileSync(join(ROOT, 'reference/cities.json'), 'utf8')) as { attribution: unknown; cities: { code: string }[] };
let t: TestApp;

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z') });
  const file = join(dir, 'cities-without-shenzhen.json');
  writeFileSync(file, JSON.stringify({ ...reference, cities: reference.cities.filter((c) => c.code !== SHENZHEN) }));
  await loadCities(t.wh, file);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a destination that is not an NBS city code', () => {
  test('is refused by decodeEvent with a reason naming destCityCode', () => {
    expect(NBS_CITY_CODES.has(NOT_A_CITY)).toBe(false);
    expect(decodeEvent('distribution', upstream('U-bad', NOT_A_CITY, 1), 1 << 20, Date.now())).toEqual({
      ok: false, reason: 'schema', detail: 'destCityCode: is not an NBS prefecture-level city code',
    });
    // A real code passes, whether or not the reference has its position.
    expect(decodeEvent('distribution', upstream('U-sz', SHENZHEN, 1), 1 << 20, Date.now()).ok).toBe(true);
  });

  test('through the pipeline: lands in dead_letters with its reason; the real cities land in the flows', async () => {
    const pipeline = createPipeline({ warehouse: t.wh, deadLetters: createWarehouseDeadLetters(t.wh), batchMaxRows: 100 });
    await pipeline.submit('distribution', upstream('U-bad', NOT_A_CITY, 1), 'in-process');
    await pipeline.submit('distribution', JSON.stringify(upstream('U-sz', SHENZHEN, 4)), 'file:cities.ndjson:2');
    await pipeline.submit('distribution', upstream('U-km', KUNMING, 6), 'in-process');
    await pipeline.close();
    const letters = await t.wh.query<{ kind: string; reason: string; detail: string; payload: string }>(
      'SELECT kind, reason, detail, payload FROM dead_letters');
    expect(letters.map((l) => ({ ...l, payload: JSON.parse(l.payload).txnId }))).toEqual([
      { kind: 'distribution', reason: 'schema', detail: 'destCityCode: is not an NBS prefecture-level city code', payload: 'U-bad' },
    ]);
    const rows = await t.wh.query<{ txn_id: string; dest_city_code: string }>('SELECT txn_id, dest_city_code FROM distribution_txns ORDER BY txn_id');
    expect(rows).toEqual([{ txn_id: 'U-km', dest_city_code: KUNMING }, { txn_id: 'U-sz', dest_city_code: SHENZHEN }]);
  });
});

describe('a real city missing from the reference', () => {
  test('the reference loaded here has 363 of the 364 cities, Shenzhen left out', async () => {
    const [row] = await t.wh.query<{ n: number; sz: number }>(`SELECT count() AS n, countIf(code = '${SHENZHEN}') AS sz FROM destination_cities FINAL`);
    expect({ n: Number(row!.n), sz: Number(row!.sz) }).toEqual({ n: 363, sz: 0 });
  });

  test('is kept in the upstream flows, with lon and lat null ("position unknown")', async () => {
    const res = await (await t.agent('lufeng')).get('/api/flows/upstream?area=532302101&from=2026-02&to=2026-02');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = upstreamResponse.parse(res.body);
    expect(body.totals).toEqual({ orders: 2, qty: 20, weightG: 10_000, amountFen: 15_000 });
    expect(body.cities).toEqual([
      { code: KUNMING, name: '昆明市', province: '云南省', lon: 102.712251, lat: 25.040609, orders: 1, qty: 12, weightG: 6000, amountFen: 9000 },
      { code: SHENZHEN, name: expect.any(String), province: expect.any(String), lon: null, lat: null, orders: 1, qty: 8, weightG: 4000, amountFen: 6000 },
    ]);
    expect(body.arcs.map((a) => [a.origin, a.city, a.weightG]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))))
      .toEqual([['532302101001', SHENZHEN, 4000], ['532302101001', KUNMING, 6000]]);
    // The Sankey keeps it too: its category -> city link carries its weight.
    expect(body.sankey.links.find((l) => l.target === `city:${SHENZHEN}`)).toEqual({ source: 'category:produce', target: `city:${SHENZHEN}`, amountFen: 6000, weightG: 4000 });
  });

  test('is a destination of its batch, with no position', async () => {
    const body = batchResponse.parse((await (await t.agent('lufeng')).get('/api/flows/batches/JS-CITY-0001')).body);
    expect(body.destinations.map((d) => [d.code, d.lon, d.lat, d.weightG])).toEqual([[KUNMING, 102.712251, 25.040609, 6000], [SHENZHEN, null, null, 4000]]);
  });
});
