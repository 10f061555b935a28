// The materialized rollup must equal the same aggregation computed from the raw rows, whatever
// the data: randomised receipts from the generator, inserted in several batches.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { posReceipt } from '../../contracts/events.ts';
import { posRows } from '../../ingest/rows.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

const seed = Math.floor(Math.random() * 2 ** 31);

test(`demand_daily equals the aggregation of pos_lines (seed ${seed})`, async () => {
  const model = loadModelData(seed);
  const stores = model.stores.filter((_, i) => i % 7 === 0);
  const generator = createGenerator({ seed, stores, products: model.products, scale: 0.3 });
  let lines = 0;
  for (const day of generator.days('2026-01-28', 10)) {
    const rows = [...generator.day(day)].filter((r) => r.kind === 'pos').flatMap((r) => posRows(posReceipt.parse(r.value)));
    lines += rows.length;
    await wh.insert('pos_lines', rows);
  }
  expect(lines).toBeGreaterThan(1000);

  const key = 'day, county_code, township_code, village_code, category, channel';
  const fromRaw = await wh.query(`SELECT toDate(sold_at) AS day, county_code, township_code, village_code, category, toString(channel) AS channel,
      count() AS lines, sum(quantity) AS qty, sum(amount_fen) AS amount_fen FROM pos_lines GROUP BY ${key} ORDER BY ${key}`);
  const fromRollup = await wh.query(`SELECT day, county_code, township_code, village_code, category, toString(channel) AS channel,
      sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen FROM demand_daily GROUP BY ${key} ORDER BY ${key}`);
  expect(fromRollup.length).toBeGreaterThan(100);
  expect(fromRollup).toEqual(fromRaw);
  const [total] = await wh.query<{ lines: number }>('SELECT sum(lines) AS lines FROM demand_daily');
  expect(total!.lines).toBe(lines);
});
