// Repairs what a kill of the embedded engine in the middle of an insert leaves in a MergeTree table's
// deduplication log: a block recorded as inserted whose part never appeared.
//
// Why: a non-replicated MergeTree with `non_replicated_deduplication_window` commits a new part in
// two steps under the table's parts lock: it appends the block's record to
// `deduplication_logs/deduplication_log_N.txt`, then renames the written part into place. A process
// killed between the two (measured: 3 parts in 250 SIGKILLs of a loop of inserts, see
// docs/exactly-once.md) restarts with the record and without the part, so the replay of that insert
// under the same token is dropped as a duplicate while its materialized views, which had not
// committed theirs, take it: the table is short by a block that the rollups hold. In the embedded
// warehouse the engine dies with the ingest process, so every kill -9 can do this.
//
// The repair runs when the data directory is opened, before anything is written: the part lock
// means only a table's newest records can be such orphans, and no new part has yet reused the lost
// part's block number. A record whose part no active part covers gets a DROP record (the log's own
// way to forget a block, as DROP PARTITION writes), and the table is detached and attached so the
// engine reads its log again. The replay then writes the block, and every table, raw or rollup,
// takes exactly the blocks its own log says it lacks.
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, truncateSync } from 'node:fs';
import { join } from 'node:path';

/** The records at the end of a table's log that are checked: at most one part per table is in the
 *  middle of its commit when the process dies; this leaves room for a log rotated right after it. */
const TAIL_RECORDS = 64;
/** Bytes read from the end of each of the two newest log files: far more than TAIL_RECORDS records
 *  (about 100 bytes each), far less than a full log (up to 20,000 records a file). */
const TAIL_BYTES = 256 * 1024;

export interface DedupLogRepair {
  table: string;
  /** Part names recorded as inserted that no active part covers: their blocks were dropped from the log. */
  orphans: string[];
  /** A record cut off in the middle of its line by the kill, removed (its part was never renamed). */
  truncatedBytes: number;
}

type SyncQuery = <T>(sql: string) => T[];

export function repairDedupLogs(query: SyncQuery): DedupLogRepair[] {
  const tables = query<{ name: string; data_paths: string[] }>(
    "SELECT name, data_paths FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree' AND engine NOT LIKE 'Replicated%'");
  const parts = query<ActivePart>(
    'SELECT table, partition_id, min_block_number, max_block_number FROM system.parts WHERE database = currentDatabase() AND active');
  const repairs: DedupLogRepair[] = [];
  for (const table of tables) {
    for (const dataPath of table.data_paths) {
      const dir = join(dataPath, 'deduplication_logs');
      if (!existsSync(dir)) continue;
      const repair = repairTable(query, table.name, dir, parts.filter((p) => p.table === table.name));
      if (repair.orphans.length > 0 || repair.truncatedBytes > 0) repairs.push(repair);
    }
  }
  return repairs;
}

interface ActivePart { table: string; partition_id: string; min_block_number: number; max_block_number: number }

function repairTable(query: SyncQuery, table: string, dir: string, active: ActivePart[]): DedupLogRepair {
  const files = readdirSync(dir)
    .map((name) => ({ name, n: Number(/^deduplication_log_(\d+)\.txt$/.exec(name)?.[1] ?? NaN) }))
    .filter((f) => Number.isFinite(f.n))
    .sort((a, b) => a.n - b.n)
    .map((f) => join(dir, f.name));
  const newest = files.at(-1);
  if (!newest) return { table, orphans: [], truncatedBytes: 0 };
  const truncatedBytes = cutPartialRecord(newest);

  // Replay the ends of the newest two files as the engine loads them (ADD sets, DROP forgets), in order.
  const live = new Map<string, string>(); // block id -> part name
  for (const file of files.slice(-2)) {
    for (const line of tailLines(file)) {
      const [op, part, block] = line.split('\t');
      if (!part || !block) continue;
      if (op === '1') { live.delete(block); live.set(block, part); } else if (op === '2') live.delete(block);
    }
  }
  const tail = [...live].slice(-TAIL_RECORDS);
  if (tail.length === 0) return { table, orphans: [], truncatedBytes };

  const uncovered = (parts: ActivePart[]) => tail.filter(([, part]) => {
    // A new part's name is <partition id>_<min block>_<max block>_<level>; partition ids hold no '_'.
    const [partition, min, max] = part.split('_');
    return !parts.some((p) => p.partition_id === partition && Number(p.min_block_number) <= Number(min) && Number(max) <= Number(p.max_block_number));
  });
  if (uncovered(active).length === 0) return { table, orphans: [], truncatedBytes };

  // Before a record is dropped, the table's parts are read again after a query of the table
  // itself, which waits for the table to be loaded (chdb loads databases asynchronously): a part
  // not yet listed must never pass for a missing one, or its block would be written twice.
  const quoted = `\`${table.replace(/`/g, '``')}\``;
  query(`SELECT count() FROM ${quoted} WHERE 0`);
  const orphans = uncovered(query<ActivePart>(
    `SELECT table, partition_id, min_block_number, max_block_number FROM system.parts WHERE database = currentDatabase() AND table = '${table.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' AND active`));
  if (orphans.length === 0) return { table, orphans: [], truncatedBytes };

  appendFileSync(newest, orphans.map(([block, part]) => `2\t${part}\t${block}\n`).join(''));
  query(`DETACH TABLE ${quoted}`);
  query(`ATTACH TABLE ${quoted}`);
  return { table, orphans: orphans.map(([, part]) => part), truncatedBytes };
}

/** The whole lines in the last TAIL_BYTES of a file. */
function tailLines(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - start);
    readSync(fd, buf, 0, buf.length, start);
    const lines = buf.toString('utf8').split('\n');
    return start > 0 ? lines.slice(1) : lines; // the first is cut unless the file starts there
  } finally {
    closeSync(fd);
  }
}

/** Removes a last line the kill cut short: the engine would fail to read it, and every record
 *  written after it, on its next start. Returns the bytes removed. */
function cutPartialRecord(file: string): number {
  const fd = openSync(file, 'r');
  let size: number;
  let tail: Buffer;
  try {
    size = fstatSync(fd).size;
    tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
  if (size === 0 || tail[tail.length - 1] === 0x0a) return 0;
  const cut = tail.length - (tail.lastIndexOf(0x0a) + 1);
  truncateSync(file, size - cut);
  return cut;
}
