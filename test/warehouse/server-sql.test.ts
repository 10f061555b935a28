// The workbench's engine on a ClickHouse server (the 18.16 of scripts/clickhouse-server.sh, whose
// users.xml has a read-only `analyst` user): queries run as that user, so the server itself
// refuses a write even if the guard were bypassed; results, CSV export, cancel and the catalogue
// work on the oldest server; the parser is the embedded engine's, as on the embedded deployment.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorkbench } from '../../api/sql/workbench.ts';
import { createServerWarehouse } from '../../warehouse/server.ts';
import { DEFAULT_SQL_LIMITS, SqlEngineError, type SqlEngine } from '../../warehouse/sql-engine.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';

const url = process.env.CLICKHOUSE_TEST_URL;
const ANALYST = { username: 'analyst', password: 'analyst-test-password' };

describe.skipIf(!url)('the workbench on clickhouse-server', () => {
  const database = `test_sql_${randomBytes(6).toString('hex')}`;
  let admin: Warehouse;
  let wh: Warehouse;
  let engine: SqlEngine;

  beforeAll(async () => {
    admin = createServerWarehouse({ url: url! });
    await admin.command(`CREATE DATABASE ${database}`);
    wh = createServerWarehouse({ url: url!, database, analyst: ANALYST });
    await wh.command('CREATE TABLE store_sales_daily (county String, fen UInt64) ENGINE = MergeTree ORDER BY county');
    await wh.command("INSERT INTO store_sales_daily VALUES ('532301', 100), ('532301', 250), ('532302', 7)");
    engine = wh.sqlEngine({ ...DEFAULT_SQL_LIMITS, rowLimit: 10, timeoutSeconds: 20 });
  });

  afterAll(async () => {
    await engine?.close();
    await wh?.close();
    await admin?.command(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.close();
  });

  test('a query answers rows with names and types, as the analyst user', async () => {
    const answer = await engine.run('SELECT county, sum(fen) AS fen, currentDatabase() AS db FROM store_sales_daily GROUP BY county ORDER BY county', undefined, 'srv-run-0001');
    expect(answer.columns).toEqual([{ name: 'county', type: 'String' }, { name: 'fen', type: 'UInt64' }, { name: 'db', type: 'String' }]);
    expect(answer.rowLines.map((l) => JSON.parse(l))).toEqual([['532301', '350', database], ['532302', '7', database]]);
  });

  test('the server refuses a write from the analyst user even when nothing checked it first', async () => {
    const write = engine.run('INSERT INTO store_sales_daily VALUES (\'x\', 1)', undefined, 'srv-write-0001');
    await expect(write).rejects.toBeInstanceOf(SqlEngineError);
    await expect(write).rejects.toMatchObject({ reason: 'readonly' });
    const [row] = await wh.query<{ n: string }>('SELECT count() AS n FROM store_sales_daily');
    expect(Number(row!.n)).toBe(3);
  });

  test('the guard in front refuses what it refuses on the embedded engine', async () => {
    const wb = createWorkbench({ engine, limits: { ...DEFAULT_SQL_LIMITS, rowLimit: 10 } });
    await expect(wb.check('SELECT * FROM system.settings')).rejects.toMatchObject({ status: 400, extra: { reason: 'system_table' } });
    await expect(wb.check("SELECT * FROM url('http://127.0.0.1:9/', CSV, 'a String')")).rejects.toMatchObject({ extra: { reason: 'table_function' } });
    const checked = await wb.check('select county from store_sales_daily order by county limit 1');
    expect(checked.sql).toBe('SELECT county FROM store_sales_daily ORDER BY county ASC LIMIT 1');
    expect((await wb.run('analyst', checked, undefined)).rowLines).toEqual(['["532301"]']);
  });

  test('CSV streams from the server', async () => {
    let text = '';
    for await (const chunk of engine.stream('SELECT county, fen FROM store_sales_daily ORDER BY county, fen', undefined, 'srv-csv-0001', 'CSVWithNames')) text += Buffer.from(chunk).toString('utf8');
    expect(text).toBe('"county","fen"\n"532301",100\n"532301",250\n"532302",7\n');
  });

  test('cancel stops a running query on the server', async () => {
    const started = Date.now();
    const outcome = engine.run('SELECT count() FROM numbers(100000000000) WHERE cityHash64(number) = 0', undefined, 'srv-cancel-0001').then(() => 'finished', (e: SqlEngineError) => e.reason);
    await new Promise((r) => setTimeout(r, 500));
    expect(await engine.cancel('srv-cancel-0001')).toBe(true);
    expect(await outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('the catalogue lists the database\'s tables with their rows', async () => {
    const catalog = await engine.catalog();
    expect(catalog.database).toBe(database);
    expect(catalog.tables).toEqual([{ name: 'store_sales_daily', engine: 'MergeTree', comment: '', rows: 3 }]);
    expect(catalog.columns.map((c) => [c.table, c.name, c.type])).toEqual([['store_sales_daily', 'county', 'String'], ['store_sales_daily', 'fen', 'UInt64']]);
    expect(catalog.functions.some((f) => f.name === 'sum')).toBe(true);
  });
});

test('without a read-only user of its own, a server deployment has no workbench and says why', () => {
  const bare = createServerWarehouse({ url: 'http://127.0.0.1:1' });
  expect(() => bare.sqlEngine(DEFAULT_SQL_LIMITS)).toThrow('the SQL workbench needs a read-only ClickHouse user of its own: set CLICKHOUSE_ANALYST_USER and CLICKHOUSE_ANALYST_PASSWORD (docs/deploy.md)');
});
