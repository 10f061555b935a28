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

  test('ping names the engine', async () => {
    expect(await wh.ping()).toMatch(/^chdb 26\./);
  });
});
