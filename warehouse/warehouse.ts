// The one interface that ingest/ and api/ talk to. Two implementations sit behind it: the embedded
// chdb engine (the default) and a ClickHouse server through @clickhouse/client.
import type { SqlEngine, SqlLimits } from './sql-engine.ts';

/** Query parameters, bound server-side to the SQL's `{name:Type}` parameters; never spliced into it. */
export type Params = Record<string, string | number | boolean | null | readonly (string | number)[]>;

export interface Warehouse {
  /** Which engine this is, for health and logs: `chdb 26.7.2.1`, `server 18.16.1`. */
  readonly kind: 'embedded' | 'server';
  /** Runs a SELECT and returns its rows as plain objects (JSONEachRow, 64-bit integers as numbers). */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** Runs a statement that returns no rows: DDL, INSERT ... SELECT, OPTIMIZE. */
  command(sql: string, params?: Params): Promise<void>;
  /** Inserts rows in one batch; resolves once the engine has acknowledged every row. The rows of
   *  one call share their keys (the columns written); a column left out gets its DEFAULT. */
  insert(table: string, rows: readonly Record<string, unknown>[], options?: InsertOptions): Promise<void>;
  /** Inserts JSON text as it is, one object per line (JSONEachRow), keys the table does not have
   *  ignored; the engine parses it, no row is built here. Only where the engine takes the bytes
   *  without a copy (embedded); the ingest's one use is POS receipts (ingest/event-insert.ts). */
  insertJson?(table: string, lines: Buffer, options?: InsertOptions): Promise<void>;
  /** Whether `dedupToken` is honoured: a modern engine yes, ClickHouse 18.16 no. */
  supportsInsertDedup(): Promise<boolean>;
  /** A read-only view of the same warehouse for queries made on behalf of users, held to the
   *  engine's own limits so that no request can run long, eat the memory or write. Its `command`
   *  and `insert` refuse; closing it leaves this warehouse open. */
  reader(limits: ReaderLimits): Warehouse;
  /** The analysts' SQL workbench on this warehouse: connections of its own held to read-only and
   *  to `limits` by the engine (see sql-engine.ts). */
  sqlEngine(limits: SqlLimits): SqlEngine;
  /** Engine version string, and proof the engine answers. */
  ping(): Promise<string>;
  close(): Promise<void>;
}

export interface InsertOptions {
  /** Same token, same block: ClickHouse drops a repeated insert with the same token. */
  dedupToken?: string;
}

export interface ReaderLimits {
  maxExecutionSeconds: number; // the engine stops a query that runs longer
  maxMemoryBytes: number; // the engine stops a query that needs more
  sessions?: number; // embedded: parallel read-only sessions (each runs one query at a time); 2 by default
}

/** A warehouse failure; `retryable` says whether trying the same call later can help. */
export class WarehouseError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(message: string, options: { code: string; retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'WarehouseError';
    this.code = options.code;
    this.retryable = options.retryable;
  }
}

export function isWarehouseError(e: unknown): e is WarehouseError {
  return e instanceof WarehouseError;
}

/** The engine refused the statement as it is, with an error code that trying again will not change
 *  (a value it cannot store, a statement it cannot parse). Anything else (no code: a socket that
 *  closed, a driver's own failure) may pass by itself, and is tried again. */
export function isRefusal(e: unknown): e is WarehouseError {
  return isWarehouseError(e) && !e.retryable && e.code.startsWith('CH_');
}

export const readOnlyRefusal = (what: string) =>
  new WarehouseError(`${what} refused: this is a read-only view of the warehouse`, { code: 'READ_ONLY_VIEW', retryable: false });
