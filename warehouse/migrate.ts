// Numbered, append-only migrations from sql/migrations/NNNN_name.sql, applied in order and
// recorded in schema_migrations. Running twice applies nothing the second time; a recorded
// migration whose file has since changed stops start-up, since migrations must never be edited.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterDdl, clusterRequires, onCluster } from './cluster-ddl.ts';
import { parseStatements, type Statement } from './sql-text.ts';
import { WarehouseError, type Warehouse } from './warehouse.ts';

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  statements: Statement[];
}

export interface MigrateResult {
  applied: string[]; // names applied by this run
  current: number; // highest version now recorded
  /** Migrations of this run with statements the server could not take (named with the features
   *  they need): recorded with those statements, and reported missing by migrationStatus. */
  partial: string[];
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE.exec(file);
      if (!m) throw new Error(`invalid migration file name: ${file} (want NNNN_name.sql)`);
      const statements = parseStatements(readFileSync(join(dir, file), 'utf8'));
      const unknown = statements.flatMap((st) => st.requires).find((f) => !(f in FEATURES));
      if (unknown) throw new Error(`migration ${file} requires an unknown feature: ${unknown} (known: ${Object.keys(FEATURES).join(', ')})`);
      return {
        version: Number(m[1]),
        name: file.replace(/\.sql$/, ''),
        // Over the statements, not the text: a fixed comment is not a changed migration.
        checksum: createHash('sha256').update(statements.map((st) => st.sql).join(';\n')).digest('hex'),
        statements,
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3 ...: ${m.name} is number ${i + 1}`);
  });
  return migrations;
}

export interface MigrateOptions {
  /** Run every statement on this cluster with replicated tables (warehouse/cluster-ddl.ts). */
  cluster?: { name: string; database: string };
}

export async function migrate(warehouse: Warehouse, migrations: readonly Migration[], options: MigrateOptions = {}): Promise<MigrateResult> {
  const ddl = options.cluster
    ? clusterDdl(migrations.flatMap((m) => m.statements.map((st) => st.sql)), options.cluster.name, options.cluster.database)
    : undefined;
  // The statement as this deployment runs it; the checksum stays that of the file's text.
  const run = (sql: string) => warehouse.command(ddl ? onCluster(sql, ddl) : sql);
  await run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, checksum String,
       applied_at DateTime DEFAULT now(), skipped Array(String)) ENGINE = MergeTree ORDER BY version`,
  );
  // Tables made before `skipped` was added (no IF NOT EXISTS on 18.16's ADD COLUMN).
  if (!(await hasColumn(warehouse, 'schema_migrations.skipped'))) {
    await run('ALTER TABLE schema_migrations ADD COLUMN skipped Array(String)');
  }
  const recorded = new Map(
    (await warehouse.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations'))
      .map((r) => [Number(r.version), r.checksum]),
  );
  const applied: string[] = [];
  const partial: string[] = [];
  for (const m of migrations) {
    const checksum = recorded.get(m.version);
    if (checksum !== undefined) {
      if (checksum !== m.checksum) {
        throw new WarehouseError(`migration ${m.name} was changed after it was applied; add a new migration instead`, {
          code: 'MIGRATION_CHANGED', retryable: false,
        });
      }
      continue;
    }
    // Every statement is idempotent, so a crash between statements is repaired by a rerun.
    const skipped: string[] = [];
    for (const [i, statement] of m.statements.entries()) {
      const requires = ddl ? [...statement.requires, ...clusterRequires(statement.sql)] : statement.requires;
      if (!(await supportsAll(warehouse, requires))) {
        skipped.push(`statement ${i + 1} needs ${requires.join(', ')}`);
        continue;
      }
      if (statement.unlessColumn && (await hasColumn(warehouse, statement.unlessColumn))) continue;
      await run(statement.sql);
    }
    await warehouse.insert('schema_migrations', [{ version: m.version, name: m.name, checksum: m.checksum, skipped }]);
    applied.push(m.name);
    if (skipped.length > 0) partial.push(`${m.name} (${skipped.join('; ')})`);
  }
  return { applied, current: migrations.at(-1)?.version ?? 0, partial };
}

// Production servers are modern; ClickHouse 18.16 (the only server packaged for Debian) lacks
// insert deduplication tokens (22.x) and TTL (19.6), and statements that need them are skipped
// there, as are table comments (ALTER TABLE ... MODIFY COMMENT, 21.10), which 18.16 cannot parse.
// A server with deduplication tokens has TTL and table comments too, so one probe answers all three.
const FEATURES: Record<string, (w: Warehouse) => Promise<boolean>> = {
  insert_dedup: (w) => w.supportsInsertDedup(),
  ttl: (w) => w.supportsInsertDedup(),
  table_comment: (w) => w.supportsInsertDedup(),
  // On a cluster: 18.16 refuses COMMENT COLUMN ON CLUSTER, and on a replicated table it drops
  // the column instead (seen on 18.16.1); servers with the probe's features comment it.
  replicated_column_comment: (w) => w.supportsInsertDedup(),
  // JSON objects read into named tuples (21.x): the receipts' input table (migration 0028).
  json_named_tuples: (w) => w.supportsInsertDedup(),
};

async function hasColumn(warehouse: Warehouse, tableColumn: string): Promise<boolean> {
  // Without parameters, which ClickHouse 18.16 lacks: the list is short.
  const rows = await warehouse.query<{ table: string; name: string }>('SELECT table, name FROM system.columns WHERE database = currentDatabase()');
  return rows.some((r) => `${r.table}.${r.name}` === tableColumn);
}

async function supportsAll(warehouse: Warehouse, features: readonly string[]): Promise<boolean> {
  for (const f of features) if (!(await FEATURES[f]!(warehouse))) return false;
  return true;
}

/** How many known migrations are applied in full, and which are not: never run, or run with
 *  statements the server could not take (these are named with what they need). */
export async function migrationStatus(warehouse: Warehouse, migrations: readonly Migration[]) {
  const rows = await warehouse.query<{ version: number; skipped: string[] }>('SELECT version, skipped FROM schema_migrations');
  const skippedOf = new Map(rows.map((r) => [Number(r.version), r.skipped ?? []]));
  const missing = migrations.flatMap((m) => {
    const skipped = skippedOf.get(m.version);
    if (skipped === undefined) return [m.name];
    return skipped.length > 0 ? [`${m.name} (${skipped.join('; ')})`] : [];
  });
  return { applied: migrations.length - missing.length, missing };
}
