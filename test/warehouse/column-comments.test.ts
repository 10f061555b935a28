// Every column of every table the migrations create says what it means, with its unit (migration
// 0015), so that the analysts' schema browser can show it. A new column without a COMMENT fails
// here: add it to a new migration with ALTER TABLE t COMMENT COLUMN c '...'. Materialized views
// store nothing (their target tables carry the comments) and are left out.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../warehouse/migrate.ts';
import { createServerWarehouse } from '../../warehouse/server.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { migrations, openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

interface Column { database: string; table: string; name: string }

const UNCOMMENTED = `
  SELECT database, table, name FROM system.columns
  WHERE database = currentDatabase() AND comment = ''
    AND table NOT IN (SELECT name FROM system.tables WHERE database = currentDatabase() AND engine = 'MaterializedView')
  ORDER BY table, name`;

async function expectEveryColumnCommented(wh: Warehouse): Promise<void> {
  const offenders = await wh.query<Column>(UNCOMMENTED);
  const names = offenders.map((c) => `${c.table}.${c.name}`);
  expect(names, `columns without a COMMENT (add them in a new migration): ${names.join(', ')}`).toEqual([]);
  // The check above must have had something to look at.
  const [commented] = await wh.query<{ n: number }>(
    "SELECT count() AS n FROM system.columns WHERE database = currentDatabase() AND comment != ''");
  expect(Number(commented?.n)).toBeGreaterThan(100);
}

describe('embedded warehouse', () => {
  let wh: FixtureWarehouse;
  beforeAll(async () => {
    wh = await openFixtureWarehouse({ withAreas: false });
  });
  afterAll(() => wh.close());

  test('every column of every table has a comment', async () => {
    await expectEveryColumnCommented(wh);
  });

  test('every table has a comment (the embedded engine supports table comments)', async () => {
    const tables = await wh.query<{ name: string }>(
      "SELECT name FROM system.tables WHERE database = currentDatabase() AND engine != 'MaterializedView' AND comment = '' ORDER BY name");
    expect(tables.map((t) => t.name), 'tables without a comment').toEqual([]);
  });
});

// ClickHouse 18.16 has column comments but no table comments: the migrations must still apply
// there and comment every column. Runs only when CLICKHOUSE_TEST_URL is set (the global setup sets it).
const url = process.env.CLICKHOUSE_TEST_URL;

describe.skipIf(!url)('server warehouse on clickhouse-server', () => {
  const database = `test_${randomBytes(6).toString('hex')}`;
  let admin: Warehouse;
  let wh: Warehouse;

  beforeAll(async () => {
    admin = createServerWarehouse({ url: url! });
    await admin.command(`CREATE DATABASE ${database}`);
    wh = createServerWarehouse({ url: url!, database });
    await migrate(wh, migrations);
  });

  afterAll(async () => {
    await wh?.close();
    await admin?.command(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.close();
  });

  test('every column of every table has a comment', async () => {
    await expectEveryColumnCommented(wh);
  });
});
