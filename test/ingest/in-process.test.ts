// The in-process source through the real pipeline into the embedded warehouse: every generated
// record is either in its table or a dead letter, exactly once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createWarehouseDeadLetters } from '../../ingest/dead-letters.ts';
import { decodeEvent } from '../../ingest/decode.ts';
import { createPipeline } from '../../ingest/pipeline.ts';
import { ROWS_OF } from '../../ingest/rows.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { createInProcessSource } from '../../ingest/sources/in-process.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

test('a 3-day backfill with 1% bad records: exact counts in every table and in dead_letters', async () => {
  const { stores, products } = loadModelData(7);
  const options = { seed: 7, stores, products, scale: 0.2, badShare: 0.01 };
  // What must land, computed independently of the pipeline from the same generator.
  const expected = { pos_lines: 0, distribution_txns: 0, parcel_volumes: 0, dead: 0 };
  const check = createGenerator(options);
  for (const day of check.days('2026-05-01', 3)) {
    for (const r of check.day(day)) {
      const d = decodeEvent(r.kind, r.value, 1 << 20, Date.now());
      if (!d.ok) expected.dead++;
      else if (r.kind === 'pos') expected.pos_lines += ROWS_OF.pos(d.event as never).length;
      else if (r.kind === 'distribution') expected.distribution_txns++;
      else expected.parcel_volumes++;
    }
  }
  expect(expected.dead).toBeGreaterThan(10);

  const pipeline = createPipeline({ warehouse: wh, deadLetters: createWarehouseDeadLetters(wh), batchMaxRows: 2_000 });
  const progress: string[] = [];
  const source = createInProcessSource({
    generator: createGenerator(options), pipeline, backfillFrom: '2026-05-01', backfillDays: 3, ratePerSec: 0,
    onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.day}`),
  });
  await source.run(new AbortController().signal);
  // Newest day first: the views' recent weeks fill in before the history.
  expect(progress).toEqual(['1/3 2026-05-03', '2/3 2026-05-02', '3/3 2026-05-01']);

  const count = async (table: string) => Number((await wh.query<{ n: number }>(`SELECT count() AS n FROM ${table}`))[0]!.n);
  expect(await count('pos_lines')).toBe(expected.pos_lines);
  expect(await count('distribution_txns')).toBe(expected.distribution_txns);
  expect(await count('parcel_volumes')).toBe(expected.parcel_volumes);
  expect(await count('dead_letters')).toBe(expected.dead);
  const rejected = Object.values(pipeline.stats().rejected).reduce((a, b) => a + (b ?? 0), 0);
  expect(rejected).toBe(expected.dead);
  expect(source.status()).toEqual({ running: false, phase: 'done', records: pipeline.stats().consumed }); // rate 0: the backfill was all it was asked
});
