// Migrations on a ClickHouse cluster (CLICKHOUSE_CLUSTER): the same statements, rewritten so that
// each runs on every server of the cluster and each table keeps its rows on every replica.
// - `CREATE TABLE`, `CREATE MATERIALIZED VIEW`, `ALTER TABLE` and `DROP TABLE` take `ON CLUSTER`;
// - every MergeTree-family engine becomes its Replicated twin, its ZooKeeper path named by shard,
//   database and table, and its replica by the server's `{replica}` macro (a Null table, which
//   keeps no rows, stays as it is);
// - every table the migrations define is named with its database: a server running its share
//   of an ON CLUSTER statement resolves bare names in its own default database (18.16 does, for
//   the SELECT of a materialized view), not the one the statement was sent to;
// - `INSERT ... SELECT` backfills stay on the server they are sent to: their rows reach the other
//   replicas through replication, and a backfill run on every replica would count them N times.
// One shard: a prefecture's year is a few hundred MiB (docs/deploy.md), and the exactly-once ids
// and the rollups' merges assume every row of a key lives on one server.

export interface ClusterDdl {
  /** The cluster's name in the servers' `remote_servers`. */
  cluster: string;
  /** The database the platform's tables live in. */
  database: string;
  /** Every table and view the migrations define (their names get the database). */
  tables: ReadonlySet<string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The statement kinds that change the schema, with the table they name.
const DDL = /^(CREATE TABLE IF NOT EXISTS|CREATE TABLE|CREATE MATERIALIZED VIEW IF NOT EXISTS|CREATE MATERIALIZED VIEW|ALTER TABLE|DROP TABLE IF EXISTS|DROP TABLE)\s+([A-Za-z_][A-Za-z0-9_]*)\b/;
const ENGINE = /\bENGINE\s*=\s*(Replacing|Summing|Aggregating|Collapsing|VersionedCollapsing|)MergeTree\b(\s*\(([^()]*)\))?/;
const ANY_ENGINE = /\bENGINE\s*=\s*([A-Za-z]+)/;
// A bare table name after the words that name one; string literals are left out before this runs.
const TABLE_REF = /\b(FROM|JOIN|TO|INTO)(\s+)([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\(|\.)/g;
// Single-quoted literals (column and table comments name tables too): odd parts of a split.
const STRINGS = /('(?:[^'\\]|\\.|'')*')/;

/** The cluster form of these migration statements: every table and view they create (and the
 *  record of migrations) gets its database; the names are checked once, here. */
export function clusterDdl(statements: readonly string[], cluster: string, database: string): ClusterDdl {
  for (const name of [cluster, database]) {
    if (!NAME.test(name)) throw new Error(`invalid cluster or database name: ${JSON.stringify(name)}`);
  }
  const tables = new Set(['schema_migrations']);
  for (const sql of statements) {
    const m = DDL.exec(sql);
    if (m && m[1]!.startsWith('CREATE')) tables.add(m[2]!);
  }
  return { cluster, database, tables };
}

/** Features a statement needs on a cluster beyond those its migration names: ClickHouse 18.16
 *  cannot run COMMENT COLUMN ON CLUSTER, and run on a replicated table it drops the column. */
export function clusterRequires(sql: string): string[] {
  const code = sql.split(STRINGS).filter((_, i) => i % 2 === 0).join("''");
  return /\bCOMMENT COLUMN\b/.test(code) ? ['replicated_column_comment'] : [];
}

/** One migration statement as it runs on the cluster; throws on a statement kind it cannot place. */
export function onCluster(sql: string, ddl: ClusterDdl): string {
  const head = DDL.exec(sql);
  if (!head && !/^INSERT INTO\s/.test(sql)) {
    throw new Error(`a migration statement that cannot run on a cluster: ${sql.slice(0, 60)}`);
  }
  let out = sql.split(STRINGS).map((part, i) => (i % 2 === 1 ? part : part.replace(TABLE_REF, (whole, word: string, space: string, table: string) =>
    ddl.tables.has(table) ? `${word}${space}${ddl.database}.${table}` : whole))).join('');
  if (head) {
    const [, verb, table] = head;
    out = out.replace(DDL, `${verb} ${ddl.database}.${table} ON CLUSTER ${ddl.cluster}`);
    if (verb!.startsWith('CREATE TABLE')) out = replicated(out, ddl.database, table!);
  }
  return out;
}

function replicated(sql: string, database: string, table: string): string {
  const m = ENGINE.exec(sql);
  // A Null table keeps no rows (it only feeds its views): the same on every server.
  if (!m && ANY_ENGINE.exec(sql)?.[1] === 'Null') return sql;
  if (!m) {
    const engine = ANY_ENGINE.exec(sql)?.[1] ?? 'none';
    throw new Error(`table ${table}: engine ${engine} has no replicated form; a cluster needs a MergeTree-family engine`);
  }
  const args = [`'/clickhouse/tables/{shard}/${database}/${table}'`, `'{replica}'`];
  const own = m[3]?.trim();
  if (own) args.push(own);
  return sql.replace(ENGINE, `ENGINE = Replicated${m[1]}MergeTree(${args.join(', ')})`);
}
