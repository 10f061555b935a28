import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, migrationStatus } from '../../warehouse/migrate.ts';
import { POS_FIXTURE, insertPosFixture, migrations, openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

describe('embedded warehouse (chdb)', () => {
  test('migrations applied twice: the second run applies nothing and every version is recorded once', async () => {
    const again = await migrate(wh, migrations);
    expect(again).toEqual({ applied: [], current: migrations.length, partial: [] });
    expect(await migrationStatus(wh, migrations)).toEqual({ applied: migrations.length, missing: [] });
    const rows = await wh.query<{ version: number; n: number }>('SELECT version, count() AS n FROM schema_migrations GROUP BY version ORDER BY version');
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, n: 1 })));
  });

  test('insert then query round trip, with the Shanghai wall clock kept', async () => {
    await insertPosFixture(wh);
    const rows = await wh.query('SELECT receipt_id, line_no, toString(sold_at) AS sold_at, amount_fen FROM pos_lines ORDER BY receipt_id, line_no');
    expect(rows).toEqual([
      { receipt_id: 'R-1', line_no: 1, sold_at: '2026-03-02 10:00:00', amount_fen: 600 },
      { receipt_id: 'R-1', line_no: 2, sold_at: '2026-03-02 10:00:00', amount_fen: 3990 },
      { receipt_id: 'R-2', line_no: 1, sold_at: '2026-03-08 21:30:00', amount_fen: 700 },
      { receipt_id: 'R-3', line_no: 1, sold_at: '2026-03-09 00:30:00', amount_fen: 1500 },
      { receipt_id: 'R-4', line_no: 1, sold_at: '2026-03-15 23:59:59', amount_fen: 2500 },
    ]);
    expect(POS_FIXTURE).toHaveLength(4);
  });

  test('parameters are bound server-side, never spliced: a quote is just a value', async () => {
    const rows = await wh.query<{ n: number }>('SELECT count() AS n FROM pos_lines WHERE receipt_id = {id:String}', { id: "R-1' OR '1'='1" });
    expect(rows).toEqual([{ n: 0 }]);
    const hit = await wh.query<{ n: number }>('SELECT count() AS n FROM pos_lines WHERE receipt_id IN {ids:Array(String)}', { ids: ['R-1', 'R-4'] });
    expect(hit).toEqual([{ n: 3 }]);
  });

  test('a bad query is a WarehouseError that says retrying will not help', async () => {
    await expect(wh.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ name: 'WarehouseError', retryable: false, code: 'CH_60' });
  });

  test('writes started at once go through the writer sessions side by side: every one lands, and a failure leaves no trace in the next answers', async () => {
    await wh.command('CREATE TABLE IF NOT EXISTS many_writes (writer UInt8, n UInt32) ENGINE = MergeTree ORDER BY (writer, n)');
    const writes = Array.from({ length: 8 }, (_, writer) =>
      wh.insert('many_writes', Array.from({ length: 1000 }, (_, n) => ({ writer, n }))));
    const failing = wh.query('SELECT * FROM no_such_table').catch(() => 'refused');
    const reads = Array.from({ length: 4 }, () => wh.query<{ x: number }>('SELECT 41 + 1 AS x'));
    await Promise.all(writes);
    expect(await failing).toBe('refused');
    for (const r of await Promise.all(reads)) expect(r).toEqual([{ x: 42 }]);
    // 8 writers x 1000 rows, n from 0 to 999 each: the sum of n is 8 x 999 x 1000 / 2.
    expect(await wh.query('SELECT count() AS rows, uniqExact(writer) AS writers, sum(n) AS total FROM many_writes'))
      .toEqual([{ rows: 8000, writers: 8, total: 3_996_000 }]);
  });

  test('ping names the engine', async () => {
    expect(await wh.ping()).toMatch(/^chdb 26\./);
  });
});
