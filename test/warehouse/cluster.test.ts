// The platform on a ClickHouse cluster: two replicas of one shard (Debian's 18.16, as far as it
// goes) with ZooKeeper, started by scripts/clickhouse-cluster.sh from the global setup, which sets
// CLICKHOUSE_CLUSTER_TEST_URLS and CLICKHOUSE_CLUSTER_TEST_NAME. Migrations are sent to the first
// replica only; everything asserted is read from the second.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, migrationStatus } from '../../warehouse/migrate.ts';
import { createServerWarehouse } from '../../warehouse/server.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { drainWithOneLeaving, KAFKA_BROKERS, posReceipts, setupTopics, uniquePrefix } from '../fixtures/kafka.ts';
import { migrations } from '../fixtures/warehouse.ts';

const urls = process.env.CLICKHOUSE_CLUSTER_TEST_URLS?.split(',');
const cluster = process.env.CLICKHOUSE_CLUSTER_TEST_NAME ?? '';

describe.skipIf(!urls || !cluster)('a two-replica cluster', () => {
  const database = `cluster_${randomBytes(5).toString('hex')}`;
  let admin: Warehouse;
  let first: Warehouse; // the replica migrations and ingest are sent to
  let second: Warehouse; // the replica every assertion reads

  // Waits until the second replica has fetched every part the first has logged for these tables.
  async function synced(...tables: string[]): Promise<void> {
    for (const table of tables) await second.command(`SYSTEM SYNC REPLICA ${database}.${table}`);
  }

  beforeAll(async () => {
    admin = createServerWarehouse({ url: urls![0]! });
    await admin.command(`CREATE DATABASE IF NOT EXISTS ${database} ON CLUSTER ${cluster}`);
    first = createServerWarehouse({ url: urls![0]!, database });
    second = createServerWarehouse({ url: urls![1]!, database });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await admin?.command(`DROP DATABASE IF EXISTS ${database} ON CLUSTER ${cluster}`);
    await admin?.close();
  });

  test('migrations sent to one replica create every table, replicated, on the other', async () => {
    const result = await migrate(first, migrations, { cluster: { name: cluster, database } });
    expect(result.applied).toEqual(migrations.map((m) => m.name));

    const tablesOf = (w: Warehouse) => w.query<{ name: string; engine: string }>(
      'SELECT name, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name');
    const here = await tablesOf(first);
    const there = await tablesOf(second);
    expect(there).toEqual(here);
    // 37 tables of the migrations (39 created, store_sales_weekly and one other dropped again) and
    // schema_migrations; 14 views (store_sales_weekly's dropped with it).
    expect(there.filter((t) => t.engine === 'MaterializedView')).toHaveLength(14);
    const tables = there.filter((t) => t.engine !== 'MaterializedView');
    expect(tables).toHaveLength(38);
    expect(tables.filter((t) => !/^Replicated(Replacing|Summing|Aggregating|)MergeTree$/.test(t.engine))).toEqual([]);

    // The record of what ran is replicated too: the second replica knows the schema is current.
    await synced('schema_migrations');
    expect(await migrationStatus(second, migrations)).toEqual(await migrationStatus(first, migrations));
    expect(await migrate(second, migrations, { cluster: { name: cluster, database } }))
      .toEqual({ applied: [], current: migrations.length, partial: [] });
  }, 300_000);

  // Two sources of one group stand for two ingest processes (each its own Kafka connections and
  // warehouse client), both writing through the first replica (docs/deploy.md: ingest shares one
  // replica, so the ids a new owner of a partition looks up are the ones already written).
  test.skipIf(!KAFKA_BROKERS)('two ingest members write through one replica, one leaving mid-stream: the other replica has every line once, and its rollup their sums', async () => {
    const prefix = uniquePrefix('cluster');
    const groupId = `${prefix}-g`;
    const { kafka, topics } = await setupTopics(prefix);
    const receipts = posReceipts(33, '2026-09-01', 2);
    const lines = receipts.flatMap((r) => r.lines);
    const amount = lines.reduce((s, l) => s + l.amountFen, 0);
    const quantity = lines.reduce((s, l) => s + l.quantity, 0);
    const accepted = await drainWithOneLeaving(kafka, topics, groupId, () => createServerWarehouse({ url: urls![0]!, database, requestTimeoutMs: 10_000 }), receipts.map((value) => ({ kind: 'pos' as const, value })));
    expect(accepted.leaving).toBeGreaterThan(0);
    expect(accepted.staying).toBeGreaterThan(0);

    await synced('pos_lines', 'demand_daily');
    const [raw] = await second.query<{ ids: number; rows: number }>('SELECT uniqExact(receipt_id) AS ids, count() AS rows FROM pos_lines');
    expect({ ids: Number(raw!.ids), rows: Number(raw!.rows) }).toEqual({ ids: receipts.length, rows: lines.length });
    const [rollup] = await second.query<{ lines: number; qty: number; amount: number }>(
      'SELECT sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount FROM demand_daily');
    expect({ lines: Number(rollup!.lines), qty: Number(rollup!.qty), amount: Number(rollup!.amount) })
      .toEqual({ lines: lines.length, qty: quantity, amount });
  }, 300_000);
});
