// Migration statements rewritten for a cluster (warehouse/cluster-ddl.ts), against hand-written
// results. The same statements on real replicas: cluster.test.ts.
import { expect, test } from 'vitest';
import { parseConfig, migrateOptions } from '../../config.ts';
import { clusterDdl, clusterRequires, onCluster } from '../../warehouse/cluster-ddl.ts';
import { migrations } from '../fixtures/warehouse.ts';

const ddl = { cluster: 'cx', database: 'prod', tables: new Set(['pos_lines', 'demand_daily', 'stores', 'flows_monthly']) };

test('a table takes ON CLUSTER and the Replicated twin of its engine, with its arguments kept', () => {
  expect(onCluster('CREATE TABLE IF NOT EXISTS demand_daily (day Date, n UInt64) ENGINE = SummingMergeTree ORDER BY day', ddl))
    .toBe("CREATE TABLE IF NOT EXISTS prod.demand_daily ON CLUSTER cx (day Date, n UInt64) ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/prod/demand_daily', '{replica}') ORDER BY day");
  expect(onCluster('CREATE TABLE IF NOT EXISTS stores (id String, loaded_at DateTime) ENGINE = ReplacingMergeTree(loaded_at)\nORDER BY id', ddl))
    .toBe("CREATE TABLE IF NOT EXISTS prod.stores ON CLUSTER cx (id String, loaded_at DateTime) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/prod/stores', '{replica}', loaded_at)\nORDER BY id");
  expect(onCluster('CREATE TABLE pos_lines (a UInt8) ENGINE = MergeTree ORDER BY a', ddl))
    .toBe("CREATE TABLE prod.pos_lines ON CLUSTER cx (a UInt8) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/prod/pos_lines', '{replica}') ORDER BY a");
});

test('a view names its source and target with the database; strings, table functions and other names are left alone', () => {
  const view = `CREATE MATERIALIZED VIEW IF NOT EXISTS demand_daily_mv TO demand_daily AS
WITH recent AS (SELECT 1) SELECT toDate(sold_at) AS day, count() AS n, 'from pos_lines' AS note
FROM pos_lines AS p LEFT JOIN stores ON stores.id = p.store_id, (SELECT * FROM numbers(3)) AS x, recent
GROUP BY day`;
  expect(onCluster(view, ddl)).toBe(`CREATE MATERIALIZED VIEW IF NOT EXISTS prod.demand_daily_mv ON CLUSTER cx TO prod.demand_daily AS
WITH recent AS (SELECT 1) SELECT toDate(sold_at) AS day, count() AS n, 'from pos_lines' AS note
FROM prod.pos_lines AS p LEFT JOIN prod.stores ON stores.id = p.store_id, (SELECT * FROM numbers(3)) AS x, recent
GROUP BY day`);
});

test('ALTER and DROP run on every server; a backfill runs only where it is sent', () => {
  expect(onCluster('ALTER TABLE pos_lines MODIFY COLUMN sku LowCardinality(String)', ddl))
    .toBe('ALTER TABLE prod.pos_lines ON CLUSTER cx MODIFY COLUMN sku LowCardinality(String)');
  expect(onCluster('DROP TABLE IF EXISTS flows_monthly', ddl)).toBe('DROP TABLE IF EXISTS prod.flows_monthly ON CLUSTER cx');
  expect(onCluster('INSERT INTO demand_daily SELECT toDate(sold_at), count() FROM pos_lines GROUP BY 1', ddl))
    .toBe('INSERT INTO prod.demand_daily SELECT toDate(sold_at), count() FROM prod.pos_lines GROUP BY 1');
});

test('what cannot be placed on a cluster is refused with its name', () => {
  expect(() => onCluster('CREATE TABLE IF NOT EXISTS scratch (a UInt8) ENGINE = Memory', ddl))
    .toThrow('table scratch: engine Memory has no replicated form; a cluster needs a MergeTree-family engine');
  expect(() => onCluster('OPTIMIZE TABLE pos_lines FINAL', ddl)).toThrow('a migration statement that cannot run on a cluster: OPTIMIZE TABLE pos_lines FINAL');
  expect(() => clusterDdl([], 'a b', 'prod')).toThrow('invalid cluster or database name: "a b"');
  expect(() => clusterDdl([], 'cx', 'prod; DROP')).toThrow('invalid cluster or database name: "prod; DROP"');
});

test('COMMENT COLUMN needs a server that replicates it; the words inside a comment do not', () => {
  expect(clusterRequires("ALTER TABLE pos_lines COMMENT COLUMN sku 'Product sold'")).toEqual(['replicated_column_comment']);
  expect(clusterRequires("ALTER TABLE pos_lines MODIFY COMMENT 'see COMMENT COLUMN below'")).toEqual([]);
});

test('every migration statement has a cluster form, and every table of the migrations that keeps rows is replicated', () => {
  const statements = migrations.flatMap((m) => m.statements.map((s) => s.sql));
  const all = clusterDdl(statements, 'cx', 'prod');
  // Counted with grep in sql/migrations: 40 CREATE TABLE (one dropped again later), 16 views; and schema_migrations.
  expect(all.tables.size).toBe(57);
  expect(all.tables.has('pos_lines') && all.tables.has('demand_weekly_top_mv') && all.tables.has('schema_migrations')).toBe(true);
  const creates = statements.filter((s) => /^CREATE TABLE/.test(s)).map((s) => onCluster(s, all));
  expect(creates.length).toBe(40); // counted with grep in sql/migrations: 40 CREATE TABLE statements
  // All but the receipts' input, which keeps no rows (ENGINE = Null), the same on every server.
  const [nulls, kept] = [creates.filter((s) => /ENGINE = Null\b/.test(s)), creates.filter((s) => !/ENGINE = Null\b/.test(s))];
  expect(nulls.map((s) => /^CREATE TABLE IF NOT EXISTS (\S+) ON CLUSTER cx /.exec(s)?.[1])).toEqual(['prod.pos_receipts_in']);
  for (const sql of kept) expect(sql).toMatch(/ ON CLUSTER cx .*ENGINE = Replicated(Replacing|Summing|Aggregating|)MergeTree\('\/clickhouse\/tables\/\{shard\}\/prod\/[a-z_]+', '\{replica\}'/s);
  for (const sql of statements) expect(() => onCluster(sql, all)).not.toThrow();
});

test('CLICKHOUSE_CLUSTER needs a server, and names the database the tables go in', () => {
  expect(() => parseConfig({ CLICKHOUSE_CLUSTER: 'cx' })).toThrow('invalid environment variable CLICKHOUSE_CLUSTER: needs CLICKHOUSE_URL');
  expect(() => parseConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: 'c x' })).toThrow('invalid environment variable CLICKHOUSE_CLUSTER');
  expect(migrateOptions(parseConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: 'cx', CLICKHOUSE_DATABASE: 'cx_prod' })))
    .toEqual({ cluster: { name: 'cx', database: 'cx_prod' } });
  expect(migrateOptions(parseConfig({ CLICKHOUSE_URL: 'http://ch:8123' }))).toEqual({});
});
