// The embedded warehouse: the ClickHouse engine in this process through `chdb`, on a persistent
// data directory. chdb allows one open data directory per process; several sessions on it are
// fine, each runs its queries one at a time, in order, and the sessions run side by side. So the
// writers (ingest: one partition's batch while another's is written) have a few sessions, and user
// queries read through sessions of their own (`reader`): neither waits for the other.
import { Session } from 'chdb';
import { mkdirSync, realpathSync } from 'node:fs';
import { repairDedupLogs, type DedupLogRepair } from './dedup-log-repair.ts';
import { parseJsonEachRow } from './json-each-row.ts';
import { RETRYABLE_CODES } from './retryable.ts';
import type { SqlEngine, SqlLimits } from './sql-engine.ts';
import { createEmbeddedSqlEngine } from './sql-engine-embedded.ts';
import { readOnlyRefusal, WarehouseError, type InsertOptions, type Params, type ReaderLimits, type Warehouse } from './warehouse.ts';

export interface EmbeddedOptions {
  path: string; // data directory, created if missing
  /** Sessions that write (ingest, migrations, reference loads): each runs one query at a time, and
   *  the sessions run in parallel, so the partitions' batches are written at once. 2 by default. */
  sessions?: number;
  /** Told of the blocks the open found recorded in a deduplication log without their part (a kill in
   *  the middle of an insert's commit), which it made insertable again (dedup-log-repair.ts). */
  onRepair?: (repairs: DedupLogRepair[]) => void;
}

// Data directories this process has opened. Only the first open can find what a killed process
// left; a later one (the API's sessions beside the ingest's) may run while inserts commit, when a
// record is briefly ahead of its part.
const opened = new Set<string>();

export function createEmbeddedWarehouse(options: EmbeddedOptions): Warehouse {
  mkdirSync(options.path, { recursive: true });
  const pool = createPool(options.path, [], options.sessions ?? 2);
  const run = pool.run;
  const key = realpathSync(options.path);
  if (!opened.has(key)) {
    let repairs: DedupLogRepair[];
    try {
      repairs = pool.repair();
    } catch (e) {
      pool.close();
      throw e;
    }
    opened.add(key);
    if (repairs.length > 0) options.onRepair?.(repairs);
  }

  async function query<T>(sql: string, params?: Params): Promise<T[]> {
    return parseJsonEachRow<T>(await run(sql, params, 'JSONEachRow'));
  }

  return {
    kind: 'embedded',
    query,
    async command(sql: string, params?: Params): Promise<void> {
      await run(sql, params, 'TabSeparated');
    },
    async insert(table: string, rows: readonly Record<string, unknown>[], opts?: InsertOptions): Promise<void> {
      if (rows.length === 0) return;
      // Positional rows (JSONCompactEachRow) under the first row's column list: no key repeated
      // per row, about half the serialising time of one object per row. Rows of one batch come
      // from one mapper and so share their keys.
      const columns = Object.keys(rows[0]!);
      let text = '';
      for (const row of rows) text += `${JSON.stringify(columns.map((c) => row[c]))}\n`;
      try {
        await pool.use((session) => session.insert({
          table,
          columns,
          values: Buffer.from(text),
          format: 'JSONCompactEachRow',
          settings: opts?.dedupToken ? { insert_deduplication_token: opts.dedupToken } : undefined,
        }));
      } catch (cause) {
        throw toWarehouseError(cause);
      }
    },
    async insertJson(table: string, lines: Buffer, opts?: InsertOptions): Promise<void> {
      if (lines.length === 0) return;
      try {
        await pool.use((session) => session.insert({
          table,
          values: lines,
          format: 'JSONEachRow',
          // Stated, not left to the engine's defaults: objects read into named tuples, their unknown
          // keys skipped and their missing ones filled with the element's default (a line without
          // barcode or discountFen), as zod reads them.
          settings: {
            input_format_skip_unknown_fields: 1, input_format_json_named_tuples_as_objects: 1,
            input_format_json_ignore_unknown_keys_in_named_tuple: 1, input_format_json_defaults_for_missing_elements_in_named_tuple: 1,
            ...(opts?.dedupToken ? { insert_deduplication_token: opts.dedupToken } : {}),
          },
        }));
      } catch (cause) {
        throw toWarehouseError(cause);
      }
    },
    async supportsInsertDedup(): Promise<boolean> {
      return true;
    },
    reader(limits: ReaderLimits): Warehouse {
      return createEmbeddedReader(options.path, limits);
    },
    sqlEngine(limits: SqlLimits): SqlEngine {
      return createEmbeddedSqlEngine(options.path, limits);
    },
    async ping(): Promise<string> {
      const [row] = await query<{ v: string }>('SELECT version() AS v');
      return `chdb ${row?.v ?? '?'}`;
    },
    async close(): Promise<void> {
      pool.close();
    },
  };
}

/**
 * Read-only sessions with the limits set when they connect: a session at `readonly = 1` can never
 * leave it, and neither SET nor a SETTINGS clause can raise its limits. A query goes to the session
 * with the fewest queries waiting.
 */
function createEmbeddedReader(path: string, limits: ReaderLimits): Warehouse {
  const args = ['--readonly=1', `--max_execution_time=${limits.maxExecutionSeconds}`, `--max_memory_usage=${limits.maxMemoryBytes}`];
  const pool = createPool(path, args, limits.sessions ?? 2);
  async function query<T>(sql: string, params?: Params): Promise<T[]> {
    return parseJsonEachRow<T>(await pool.run(sql, params, 'JSONEachRow'));
  }
  const self: Warehouse = {
    kind: 'embedded',
    query,
    command: async () => { throw readOnlyRefusal('command'); },
    insert: async () => { throw readOnlyRefusal('insert'); },
    supportsInsertDedup: async () => false,
    reader: () => self,
    sqlEngine: () => { throw readOnlyRefusal('a workbench engine from a reader'); },
    async ping() {
      const [row] = await query<{ v: string }>('SELECT version() AS v');
      return `chdb ${row?.v ?? '?'}`;
    },
    async close() {
      pool.close();
    },
  };
  return self;
}

/** Sessions on one data directory. Each runs one query at a time, in order; the sessions run in
 *  parallel. A call goes to the session with the fewest calls waiting. */
function createPool(path: string, connectionArgs: string[], size: number) {
  const slots = Array.from({ length: size }, () => {
    const session = openSession(path, connectionArgs);
    return { session, run: runner(session), waiting: 0 };
  });
  async function use<T>(f: (session: Session, run: ReturnType<typeof runner>) => Promise<T>): Promise<T> {
    const slot = slots.reduce((a, b) => (b.waiting < a.waiting ? b : a));
    slot.waiting++;
    try {
      return await f(slot.session, slot.run);
    } finally {
      slot.waiting--;
    }
  }
  return {
    use,
    run: (sql: string, params: Params | undefined, format: string) => use((_, run) => run(sql, params, format)),
    /** Before any other call: the engine's synchronous API on the first session. */
    repair: () => {
      const session = slots[0]!.session;
      try {
        return repairDedupLogs(<T>(sql: string) => parseJsonEachRow<T>(session.query(sql, 'JSONEachRow')));
      } catch (cause) {
        throw new WarehouseError(`cannot repair the deduplication logs at ${path}: ${(cause as Error).message}`, { code: 'REPAIR_FAILED', retryable: false, cause });
      }
    },
    close: () => { for (const s of slots) s.session.close(); },
  };
}

function openSession(path: string, connectionArgs: string[]): Session {
  try {
    return new Session(path, connectionArgs.length > 0 ? { connectionArgs } : undefined);
  } catch (cause) {
    // The usual cause: another process holds the data directory.
    throw new WarehouseError(`cannot open the embedded warehouse at ${path}: another process may be using it (one process at a time): ${(cause as Error).message}`, {
      code: 'OPEN_FAILED', retryable: false, cause,
    });
  }
}

function runner(session: Session) {
  return async (sql: string, params: Params | undefined, format: string): Promise<string> => {
    try {
      const result = params && Object.keys(params).length > 0
        ? await session.queryBindAsync(sql, params, { format })
        : await session.queryAsync(sql, { format });
      return result.text();
    } catch (cause) {
      await clearAfterError(session);
      throw toWarehouseError(cause);
    }
  };
}

/**
 * chdb 3.4 keeps what a failed query had written (a header, some rows) and puts it in front of the
 * next result of the same session. One throwaway query after a failure takes it away, so the next
 * caller's answer starts clean.
 */
export async function clearAfterError(session: Session): Promise<void> {
  try {
    await session.queryAsync('SELECT 1', { format: 'Null' });
  } catch {
    // A closed session has nothing to clear.
  }
}

// Engine-side errors (bad SQL, type mismatch) do not get better with a retry; a closed session
// or a failed connection might after a reopen, but not on this instance.
function toWarehouseError(cause: unknown): WarehouseError {
  if (cause instanceof WarehouseError) return cause;
  const e = cause as { message?: string; code?: string; clickhouseCode?: number };
  const code = e.clickhouseCode ? `CH_${e.clickhouseCode}` : (e.code ?? 'UNKNOWN');
  const retryable = e.clickhouseCode !== undefined && RETRYABLE_CODES.has(e.clickhouseCode);
  return new WarehouseError(e.message ?? String(cause), { code, retryable, cause });
}
