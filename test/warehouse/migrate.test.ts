import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrate, readMigrations } from '../../warehouse/migrate.ts';
import { loadQueries } from '../../warehouse/queries.ts';
import { splitStatements } from '../../warehouse/sql-text.ts';
import { migrations, openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

test('the migrations create the raw tables, the rollup and its view', async () => {
  const tables = await wh.query<{ name: string; engine: string }>(
    "SELECT name, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name");
  expect(tables).toEqual([
    { name: 'accounts', engine: 'ReplacingMergeTree' },
    { name: 'api_tokens', engine: 'ReplacingMergeTree' },
    { name: 'areas', engine: 'ReplacingMergeTree' },
    { name: 'audit_log', engine: 'MergeTree' },
    { name: 'auth_attempts', engine: 'MergeTree' },
    { name: 'auth_sessions', engine: 'ReplacingMergeTree' },
    { name: 'categories', engine: 'ReplacingMergeTree' },
    { name: 'dead_letters', engine: 'MergeTree' },
    { name: 'demand_daily', engine: 'SummingMergeTree' },
    { name: 'demand_daily_mv', engine: 'MaterializedView' },
    { name: 'demand_weekly_area', engine: 'SummingMergeTree' },
    { name: 'demand_weekly_area_mv', engine: 'MaterializedView' },
    { name: 'demand_weekly_leaf', engine: 'SummingMergeTree' },
    { name: 'demand_weekly_leaf_mv', engine: 'MaterializedView' },
    { name: 'demand_weekly_top', engine: 'SummingMergeTree' },
    { name: 'demand_weekly_top_mv', engine: 'MaterializedView' },
    { name: 'destination_cities', engine: 'ReplacingMergeTree' },
    { name: 'distribution_txns', engine: 'MergeTree' },
    { name: 'flows_monthly', engine: 'SummingMergeTree' },
    { name: 'flows_monthly_mv', engine: 'MaterializedView' },
    { name: 'ingest_batches', engine: 'ReplacingMergeTree' },
    { name: 'ingest_event_ids', engine: 'ReplacingMergeTree' },
    { name: 'monthly_reports', engine: 'MergeTree' },
    { name: 'national_reference', engine: 'ReplacingMergeTree' },
    { name: 'national_series', engine: 'ReplacingMergeTree' },
    { name: 'online_sales_monthly', engine: 'SummingMergeTree' },
    { name: 'online_sales_monthly_mv', engine: 'MaterializedView' },
    { name: 'parcel_volumes', engine: 'MergeTree' },
    { name: 'parcels_monthly', engine: 'SummingMergeTree' },
    { name: 'parcels_monthly_mv', engine: 'MaterializedView' },
    { name: 'plan_targets', engine: 'ReplacingMergeTree' },
    { name: 'pos_lines', engine: 'MergeTree' },
    { name: 'pos_receipts_in', engine: 'Null' },
    { name: 'pos_receipts_lines_mv', engine: 'MaterializedView' },
    { name: 'products', engine: 'ReplacingMergeTree' },
    { name: 'reference_loads', engine: 'ReplacingMergeTree' },
    { name: 'saved_queries', engine: 'MergeTree' },
    { name: 'schema_migrations', engine: 'MergeTree' },
    { name: 'simulator_days', engine: 'ReplacingMergeTree' },
    { name: 'station_months', engine: 'ReplacingMergeTree' },
    { name: 'station_months_parcels_mv', engine: 'MaterializedView' },
    { name: 'station_months_sales_mv', engine: 'MaterializedView' },
    { name: 'store_monthly', engine: 'SummingMergeTree' },
    { name: 'store_monthly_mv', engine: 'MaterializedView' },
    { name: 'store_receipts_weekly', engine: 'SummingMergeTree' },
    { name: 'store_receipts_weekly_mv', engine: 'MaterializedView' },
    { name: 'store_sales_daily', engine: 'SummingMergeTree' },
    { name: 'store_sales_daily_mv', engine: 'MaterializedView' },
    { name: 'store_sku_weekly', engine: 'SummingMergeTree' },
    { name: 'store_sku_weekly_mv', engine: 'MaterializedView' },
    { name: 'stores', engine: 'ReplacingMergeTree' },
    { name: 'township_hourly', engine: 'AggregatingMergeTree' },
    { name: 'township_hourly_mv', engine: 'MaterializedView' },
    { name: 'training_sessions', engine: 'ReplacingMergeTree' },
  ]);
});

test('an applied migration that was edited stops start-up', async () => {
  const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
  await expect(migrate(wh, edited)).rejects.toThrow('migration 0001_raw_events was changed after it was applied; add a new migration instead');
});

test('a gap in the numbering is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mig-'));
  writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
  writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
  expect(() => readMigrations(dir)).toThrow('migrations must be numbered 1, 2, 3 ...: 0003_c is number 2');
});

test('statements split at a semicolon ending a line; comment lines go', () => {
  expect(splitStatements('-- about\nCREATE TABLE a (x UInt8) ENGINE = Memory;\n\nSELECT \';\';\n')).toEqual([
    'CREATE TABLE a (x UInt8) ENGINE = Memory',
    "SELECT ';'",
  ]);
});

test('a missing query file stops start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'q-'));
  expect(() => loadQueries(dir, ['demand-heatmap'])).toThrow(`missing query file: ${join(dir, 'demand-heatmap.sql')}`);
});
