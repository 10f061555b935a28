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

test('a backfill that dies in the middle of a day resumes where it stopped: every record once, dead letters too', async () => {
  for (const t of ['pos_lines', 'distribution_txns', 'parcel_volumes', 'dead_letters', 'demand_daily']) await wh.command(`TRUNCATE TABLE ${t}`);
  const { stores, products } = loadModelData(8);
  const options = { seed: 8, stores, products, scale: 0.2, badShare: 0.01 };
  const expected = { pos_lines: 0, distribution_txns: 0, parcel_volumes: 0, dead: 0 };
  const perDay = new Map<string, number>();
  const check = createGenerator(options);
  for (const day of check.days('2026-06-01', 5)) {
    for (const r of check.day(day)) {
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      const d = decodeEvent(r.kind, r.value, 1 << 20, Date.now());
      if (!d.ok) expected.dead++;
      else if (r.kind === 'pos') expected.pos_lines += ROWS_OF.pos(d.event as never).length;
      else if (r.kind === 'distribution') expected.distribution_txns++;
      else expected.parcel_volumes++;
    }
  }
  const scope = 'sim/8/0.2';
  const markDone = (day: string, records: number) => wh.insert('simulator_days', [{ day, scope, records }]);
  const doneDays = async () => new Set((await wh.query<{ day: string }>(`SELECT toString(day) AS day FROM simulator_days WHERE scope = '${scope}'`)).map((r) => r.day));

  // The first run dies two thirds into its third day (newest first: 06-05, 06-04, then 06-03), after
  // several of that day's batches landed.
  const diesAt = perDay.get('2026-06-05')! + perDay.get('2026-06-04')! + Math.floor((2 * perDay.get('2026-06-03')!) / 3);
  const first = createPipeline({ warehouse: wh, deadLetters: createWarehouseDeadLetters(wh), batchMaxRows: 300 });
  let submitted = 0;
  const dying = { ...first, async submit(...args: Parameters<typeof first.submit>) {
    if (++submitted === diesAt) throw new Error('killed');
    return first.submit(...args);
  } };
  const a = createInProcessSource({ generator: createGenerator(options), pipeline: dying, backfillFrom: '2026-06-01', backfillDays: 5, ratePerSec: 0, scope, onDayDone: markDone });
  await expect(a.run(new AbortController().signal)).rejects.toThrow('killed');
  expect([...(await doneDays())].sort()).toEqual(['2026-06-04', '2026-06-05']);
  const count = async (table: string) => Number((await wh.query<{ n: number }>(`SELECT count() AS n FROM ${table}`))[0]!.n);
  expect(await count('pos_lines')).toBeGreaterThan(0);

  const second = createPipeline({ warehouse: wh, deadLetters: createWarehouseDeadLetters(wh), batchMaxRows: 300 });
  const progress: string[] = [];
  const b = createInProcessSource({
    generator: createGenerator(options), pipeline: second, backfillFrom: '2026-06-01', backfillDays: 5, ratePerSec: 0, scope, onDayDone: markDone,
    doneDays: await doneDays(), onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.day}`),
  });
  await b.run(new AbortController().signal);
  expect(progress).toEqual(['1/3 2026-06-03', '2/3 2026-06-02', '3/3 2026-06-01']);
  expect(await count('pos_lines')).toBe(expected.pos_lines);
  expect(await count('distribution_txns')).toBe(expected.distribution_txns);
  expect(await count('parcel_volumes')).toBe(expected.parcel_volumes);
  expect(await count('dead_letters')).toBe(expected.dead);
  expect(Number((await wh.query<{ n: number }>('SELECT sum(lines) AS n FROM demand_daily'))[0]!.n)).toBe(expected.pos_lines);
  expect((await doneDays()).size).toBe(5);
});
