// The server driver against a real clickhouse-server: the 18.16 that scripts/clickhouse-server.sh
// starts. Runs only when CLICKHOUSE_TEST_URL is set (the global setup sets it); the version
// checks below pin 18.16 on purpose, since that is the oldest server the driver must handle.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, migrationStatus, readMigrations } from '../../warehouse/migrate.ts';
import { createServerWarehouse } from '../../warehouse/server.ts';
import { WarehouseError, type Warehouse } from '../../warehouse/warehouse.ts';

const url = process.env.CLICKHOUSE_TEST_URL;
const migrationsDir = fileURLToPath(new URL('../../sql/migrations', import.meta.url));

describe.skipIf(!url)('server warehouse on clickhouse-server', () => {
  const database = `test_${randomBytes(6).toString('hex')}`;
  let admin: Warehouse;
  let wh: Warehouse;

  beforeAll(async () => {
    admin = createServerWarehouse({ url: url! });
    await admin.command(`CREATE DATABASE ${database}`);
    wh = createServerWarehouse({ url: url!, database });
  });

  afterAll(async () => {
    await wh?.close();
    await admin?.command(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.close();
  });

  test('ping names the server and its version', async () => {
    expect(await wh.ping()).toMatch(/^server 18\.\d+\.\d+/);
  });

  // The tests below run in order: the round trip needs the tables this one creates.
  test('migrations apply on 18.16, and a second run applies nothing', async () => {
    const migrations = readMigrations(migrationsDir);
    const first = await migrate(wh, migrations);
    expect(first).toMatchObject({ applied: migrations.map((m) => m.name), current: migrations.length });
    // The files with `-- requires:` statements (insert_dedup, ttl, table_comment: none on 18.16)
    // are recorded with what was skipped, and are not counted as applied.
    const PARTIAL = ['0005_insert_dedup', '0006_event_ids', '0010_accounts', '0012_store_sales_daily', '0013_officials', '0015_column_comments', '0016_merchant_rollups', '0017_flows', '0020_batch_done_and_claims', '0021_reference_loads', '0022_simulator_days', '0023_demand_weekly', '0024_station_months', '0025_demand_weekly_area', '0026_store_sales_weekly', '0028_pos_receipts_in', '0029_ledger_receipts_json'];
    expect(first.partial.map((p) => p.split(' ')[0])).toEqual(PARTIAL);
    expect(first.partial[0]).toMatch(/^0005_insert_dedup \(statement \d+ needs insert_dedup;/);
    expect(await migrate(wh, migrations)).toEqual({ applied: [], current: migrations.length, partial: [] });
    const status = await migrationStatus(wh, migrations);
    expect(status.applied).toBe(migrations.length - PARTIAL.length);
    expect(status.missing.map((p) => p.split(' ')[0])).toEqual(PARTIAL);
    const tables = await wh.query<{ name: string }>(
      'SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name',
    );
    expect(tables.map((t) => t.name)).toEqual([
      'accounts', 'api_tokens', 'areas', 'audit_log', 'auth_attempts', 'auth_sessions', 'categories', 'dead_letters', 'demand_daily',
      'demand_daily_mv', 'demand_weekly_area', 'demand_weekly_area_mv', 'demand_weekly_leaf', 'demand_weekly_leaf_mv', 'demand_weekly_top', 'demand_weekly_top_mv', 'destination_cities', 'distribution_txns', 'flows_monthly', 'flows_monthly_mv', 'ingest_batches', 'ingest_event_ids', 'monthly_reports', 'national_reference', 'national_series',
      'online_sales_monthly', 'online_sales_monthly_mv', 'parcel_volumes', 'parcels_monthly', 'parcels_monthly_mv', 'plan_targets', 'pos_lines',
      'products', 'reference_loads', 'saved_queries', 'schema_migrations', 'simulator_days', 'station_months', 'station_months_parcels_mv', 'station_months_sales_mv', 'store_monthly', 'store_monthly_mv', 'store_receipts_weekly', 'store_receipts_weekly_mv',
      'store_sales_daily', 'store_sales_daily_mv', 'store_sku_weekly', 'store_sku_weekly_mv', 'stores', 'township_hourly', 'township_hourly_mv', 'training_sessions',
    ]);
  });

  test('POS lines round-trip, and demand_daily holds exactly their sums per Shanghai day', async () => {
    const line = (receipt: string, no: number, township: string, soldAt: string, channel: string,
      category: string, quantity: number, amount: number) => ({
      receipt_id: receipt, line_no: no, store_id: 'S1', county_code: '532301', township_code: township,
      village_code: `${township}001`, sold_at: soldAt, channel, payment: 'wechat', sku: 'sku-1',
      barcode: '6900000000001', category, quantity, unit_price_fen: amount / quantity, discount_fen: 0,
      amount_fen: amount, schema_version: 1,
    });
    // 00:30 in Shanghai is still the previous day in UTC (the server's zone): it must count
    // for 1 March, the column's zone, not 28 February.
    await wh.insert('pos_lines', [
      line('r1', 1, '532301001', '2026-03-01 00:30:00', 'offline', 'grain_oil', 2, 700),
      line('r1', 2, '532301001', '2026-03-01 09:15:00', 'offline', 'grain_oil', 1, 1250),
      line('r2', 1, '532301001', '2026-03-01 23:50:00', 'online_proxy', 'grain_oil', 3, 3000),
      line('r3', 1, '532301002', '2026-03-02 08:00:00', 'offline', 'snacks', 5, 500),
    ], { dedupToken: 'batch-1' }); // 18.16 has no insert_deduplication_token: the driver must drop it

    expect(await wh.query('SELECT count() AS n, sum(quantity) AS qty, sum(amount_fen) AS amount FROM pos_lines'))
      .toEqual([{ n: 4, qty: 11, amount: 5450 }]);
    expect(await wh.query("SELECT sold_at, channel FROM pos_lines WHERE receipt_id = 'r1' AND line_no = 1"))
      .toEqual([{ sold_at: '2026-03-01 00:30:00', channel: 'offline' }]);
    // ingested_at was left out: it must be its DEFAULT now(), not 18.16's zero date.
    expect(await wh.query("SELECT countIf(ingested_at < toDateTime('2025-01-01 00:00:00')) AS unset FROM pos_lines"))
      .toEqual([{ unset: 0 }]);

    const demand = await wh.query(
      `SELECT day, township_code, category, channel,
              sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
       FROM demand_daily
       GROUP BY day, township_code, category, channel
       ORDER BY day, township_code, channel`,
    );
    expect(demand).toEqual([
      { day: '2026-03-01', township_code: '532301001', category: 'grain_oil', channel: 'offline', lines: 2, qty: 3, amount_fen: 1950 },
      { day: '2026-03-01', township_code: '532301001', category: 'grain_oil', channel: 'online_proxy', lines: 1, qty: 3, amount_fen: 3000 },
      { day: '2026-03-02', township_code: '532301002', category: 'snacks', channel: 'offline', lines: 1, qty: 5, amount_fen: 500 },
    ]);
  });

  test('a query error is a WarehouseError that a retry cannot fix', async () => {
    const err = await wh.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ code: 'CH_60', retryable: false });
    expect((err as Error).message).toContain('no_such_table');
  });

  test('a server that does not answer is a WarehouseError worth retrying', async () => {
    const down = createServerWarehouse({ url: 'http://127.0.0.1:1', requestTimeoutMs: 2_000 });
    try {
      const err = await down.query('SELECT 1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WarehouseError);
      expect(err).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
    } finally {
      await down.close();
    }
  });

  // 18.16 predates `{name:Type}` parameters: it reads `param_x` as an unknown setting (code 115).
  // Binding itself is covered by the chdb tests; production servers support it.
  test('18.16 refuses a parameterised query with a WarehouseError', async () => {
    const err = await wh.query('SELECT {x:UInt8} AS x', { x: 7 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ code: 'CH_115', retryable: false });
    expect((err as Error).message).toContain('param_x');
  });

  test('the reader is read-only with the engine\'s limits on 18.16 too', async () => {
    const reader = wh.reader({ maxExecutionSeconds: 1, maxMemoryBytes: 100_000_000 });
    try {
      expect(await reader.query<{ n: number }>('SELECT count() AS n FROM areas')).toEqual([{ n: 0 }]);
      await expect(reader.query("INSERT INTO areas (code) VALUES ('1')")).rejects.toMatchObject({ code: 'CH_164' });
      await expect(reader.query('SELECT count() FROM system.numbers')).rejects.toMatchObject({ code: 'CH_159' });
      await expect(reader.command('DROP TABLE areas')).rejects.toMatchObject({ code: 'READ_ONLY_VIEW' });
      const settings = await reader.query<{ name: string; value: string }>(
        "SELECT name, value FROM system.settings WHERE name IN ('readonly', 'max_execution_time') ORDER BY name");
      expect(settings).toEqual([{ name: 'max_execution_time', value: '1' }, { name: 'readonly', value: '1' }]);
    } finally {
      await reader.close();
    }
  });

  // Node unrefs idle keep-alive sockets, so they never hold the process open; what close() must
  // still do is hang up, or a short-lived process leaves the server a dangling connection until
  // the pool's idle timer (2.5 s) fires. Counted from this process's own file descriptors.
  // Sockets are told apart by inode: the other warehouses' idle pooled sockets may close on their
  // own timer meanwhile (CI once saw a count drop by one), which must not count against this one.
  test('close() hangs up the pooled keep-alive connection at once', async () => {
    const port = Number(new URL(url!).port);
    const before = openSocketsTo(port);
    const extra = createServerWarehouse({ url: url!, database });
    await extra.query('SELECT 1');
    const opened = [...openSocketsTo(port)].filter((inode) => !before.has(inode));
    expect(opened).toHaveLength(1);
    await extra.close();
    let open = openSocketsTo(port).has(opened[0]!);
    for (let i = 0; i < 20 && open; i++) { // the fd closes on a later loop turn
      await new Promise((r) => setTimeout(r, 25));
      open = openSocketsTo(port).has(opened[0]!);
    }
    expect(open).toBe(false);
  });
});

/** Socket inodes of this process's established TCP connections to `port` (Linux: /proc). */
function openSocketsTo(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // the fd closed while we looked
    }
  }
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((f) => readFileSync(f, 'utf8').split('\n').slice(1))
    .map((row) => row.trim().split(/\s+/))
    // fields: sl local remote state ... inode (10th); state 01 is ESTABLISHED
    .filter((f) => f[2]?.endsWith(hexPort) && f[3] === '01' && inodes.has(f[9] ?? ''))
    .reduce((open, f) => open.add(f[9]!), new Set<string>());
}
