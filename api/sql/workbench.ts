// The workbench's service: checks a statement (guard.ts), holds a slot while it runs (slots.ts),
// runs it for the screen or streams it as a file, cancels it, and describes the schema. Knows
// nothing of HTTP beyond the errors it throws; the routes are in api/routes/sql.ts.
import { randomUUID } from 'node:crypto';
import type { LimitReason, SchemaResponse, SqlResult } from '../../contracts/sql.ts';
import type { Params } from '../../warehouse/warehouse.ts';
import { SqlEngineError, type Catalog, type SqlEngine, type SqlLimits, type StreamFormat } from '../../warehouse/sql-engine.ts';
import { HttpError } from '../errors.ts';
import { checkSql, type GuardContext, type Verdict } from './guard.ts';
import { closedFunctions, WORKBENCH_TABLES } from './policy.ts';
import { createCancels } from './cancels.ts';
import { columnNoteZh } from './column-notes.ts';
import { tableNoteZh } from './table-notes.ts';
import { createSqlSlots, type SqlSlots } from './slots.ts';

export interface WorkbenchOptions {
  engine: SqlEngine;
  limits: SqlLimits;
  perAnalyst?: number; // queries one analyst may run at once; 2 by default
  clock?: () => number;
  catalogTtlMs?: number; // how long the schema is trusted before it is read again; 60 s by default
}

export type Checked = Extract<Verdict, { ok: true }>;

/** An answer for the screen: everything of SqlResult but the rows, which stay the engine's JSON text. */
export type RunResult = Omit<SqlResult, 'rows'> & { rowLines: string[] };

/** The answer's JSON, the engine's rows spliced in as they came. */
export function resultJson(r: RunResult): string {
  const { rowLines, ...meta } = r;
  return `${JSON.stringify(meta).slice(0, -1)},"rows":[${rowLines.join(',')}]}`;
}

export const rowsOf = (r: RunResult): unknown[][] => r.rowLines.map((l) => JSON.parse(l) as unknown[]);

export interface Workbench {
  limits: SqlLimits;
  slots: SqlSlots;
  /** The statement as it will run, or a 400 saying why not. */
  check(sql: string, params?: Params): Promise<Checked>;
  run(login: string, checked: Checked, params: Params | undefined, queryId?: string): Promise<RunResult>;
  /** The whole result in an engine format; the slot is held until the stream ends or is abandoned. */
  stream(login: string, checked: Checked, params: Params | undefined, format: StreamFormat, queryId?: string): AsyncGenerator<Uint8Array>;
  cancel(login: string, queryId: string): Promise<boolean>;
  schema(): Promise<SchemaResponse>;
  format(sql: string): Promise<string>;
  close(): Promise<void>;
}

/** A refused statement: 400 with the reason's code and the reason in words; the engine's own
 *  message beside it when the engine's parser was the one that refused (a syntax error). */
export class RefusedError extends HttpError {
  constructor(readonly reason: string, message: string, engineMessage?: string) {
    super(400, 'refused', message, 'sql', { reason, ...(engineMessage ? { engineMessage } : {}) });
  }
}

/** A limit of the workbench stopped the query: 400 with the limit's code (contracts/sql.ts LIMIT_REASONS).
 *  Its field is the statement, as for a refusal: every 4xx names what to change. */
const limitError = (reason: LimitReason, message: string, engineMessage?: string) =>
  new HttpError(400, 'limit', message, 'sql', { reason, ...(engineMessage ? { engineMessage } : {}) });

/** A query cancelled before it reached the engine. */
class QueryCancelled extends Error {}

export function createWorkbench(options: WorkbenchOptions): Workbench {
  const { engine, limits, clock = Date.now, catalogTtlMs = 60_000 } = options;
  const slots = createSqlSlots({ perAnalyst: options.perAnalyst ?? 2, total: limits.running });
  // Real time, not `clock`: the cancel waits on the engine and the network, which a test's clock does not move.
  const cancels = createCancels({ slots, kill: (queryId) => engine.cancel(queryId) });
  let cached: { at: number; catalog: Promise<Catalog & { context: GuardContext }> } | undefined;

  function catalog() {
    if (!cached || clock() - cached.at > catalogTtlMs) {
      const loading = engine.catalog().then((c) => ({ ...c, context: contextOf(c) }));
      cached = { at: clock(), catalog: loading };
      loading.catch(() => { cached = undefined; });
    }
    return cached.catalog;
  }

  async function check(sql: string, params?: Params): Promise<Checked> {
    const verdict = await checkSql(engine, (await catalog()).context, sql, params);
    if (!verdict.ok) throw new RefusedError(verdict.reason, verdict.message, verdict.engineMessage);
    return verdict;
  }

  /** An engine failure in the analyst's words, with its HTTP status. */
  function failure(e: unknown, queryId: string): unknown {
    if (!(e instanceof SqlEngineError) && !(e instanceof QueryCancelled)) return e;
    if (e instanceof QueryCancelled || cancels.requested(queryId) || e.reason === 'cancelled') return new HttpError(409, 'cancelled', 'the query was cancelled');
    const gib = (b: number) => `${+(b / 1024 ** 3).toFixed(1)} GiB`;
    // engineMessage keeps the engine's words as they came, for the page to show as detail beneath its own.
    switch (e.reason) {
      case 'timeout': return limitError('timeout', `the query ran longer than the limit and was stopped: ${e.message}`, e.message);
      case 'memory': return limitError('memory', `the query needed more memory than the ${gib(limits.maxMemoryBytes)} it may use and was stopped`, e.message);
      case 'bytes_read': return limitError('bytes_read', `the query would read more than the ${gib(limits.maxBytesRead)} it may read: narrow it (a date range, fewer columns)`, e.message);
      case 'result_size': return limitError('result_size', e.message);
      case 'readonly': return new RefusedError('settings', 'settings cannot be changed from a query: the workbench\'s limits are fixed', e.message);
      case 'too_deep': return new RefusedError('too_deep', 'the query is nested too deeply', e.message);
      case 'syntax': return new RefusedError('syntax', `syntax error: ${e.message.replace(/^Syntax error:\s*/i, '')}`, e.message);
      case 'unsupported_format': return new HttpError(400, 'bad_request', `format: this ClickHouse server cannot write it (${e.message})`, 'format');
      default: return new HttpError(400, 'query_failed', e.message, 'sql', { engineMessage: e.message });
    }
  }

  async function showTables(): Promise<RunResult> {
    const c = await catalog();
    const names = c.tables.filter((t) => c.context.allowed.has(t.name)).map((t) => JSON.stringify([t.name]));
    return { queryId: '', statement: 'show', columns: [{ name: 'name', type: 'String' }], rowLines: names, truncated: false, rowLimit: limits.rowLimit, elapsedMs: 0, sql: 'SHOW TABLES' };
  }

  return {
    limits,
    slots,
    check,
    async run(login, checked, params, queryId = randomUUID()) {
      if (checked.showTables) return { ...(await showTables()), queryId };
      const release = slots.take(login, queryId);
      const started = clock();
      try {
        if (cancels.requested(queryId)) throw new QueryCancelled();
        const answer = await engine.run(checked.sql, params, queryId);
        const truncated = answer.rowLines.length > limits.rowLimit;
        return {
          queryId, statement: checked.statement, columns: answer.columns,
          rowLines: truncated ? answer.rowLines.slice(0, limits.rowLimit) : answer.rowLines,
          truncated, rowLimit: limits.rowLimit, elapsedMs: clock() - started, sql: checked.sql,
        };
      } catch (e) {
        throw failure(e, queryId);
      } finally {
        release();
        cancels.ended(queryId);
      }
    },
    async *stream(login, checked, params, format, queryId = randomUUID()) {
      const release = slots.take(login, queryId);
      try {
        if (cancels.requested(queryId)) throw new QueryCancelled();
        yield* engine.stream(checked.sql, params, queryId, format);
      } catch (e) {
        throw failure(e, queryId);
      } finally {
        release();
        cancels.ended(queryId);
      }
    },
    cancel: (login, queryId) => cancels.cancel(login, queryId),
    async schema() {
      const c = await catalog();
      const tables = c.tables.filter((t) => c.context.allowed.has(t.name)).map((t) => ({
        name: t.name,
        kind: /View/.test(t.engine) ? 'view' as const : 'table' as const,
        comment: t.comment,
        commentZh: tableNoteZh(t.name),
        rows: t.rows,
        columns: c.columns.filter((col) => col.table === t.name).sort((a, b) => a.position - b.position).map((col) => ({ name: col.name, type: col.type, comment: col.comment, commentZh: columnNoteZh(t.name, col.name) })),
      }));
      const closed = c.context.closedFunctions;
      return {
        database: c.database,
        tables,
        functions: [...new Set(c.functions.map((f) => f.name).filter((n) => !closed.has(n.toLowerCase())))].sort(),
        limits: {
          rowLimit: limits.rowLimit, timeoutSeconds: limits.timeoutSeconds, maxBytesRead: limits.maxBytesRead, maxMemoryBytes: limits.maxMemoryBytes,
          runningPerAnalyst: options.perAnalyst ?? 2, runningTotal: limits.running,
        },
      };
    },
    async format(sql) {
      try {
        return await engine.format(sql);
      } catch (e) {
        if (e instanceof SqlEngineError && e.reason === 'multiple_statements') throw new RefusedError('multiple_statements', 'only one statement at a time');
        throw failure(e, '');
      }
    },
    close: () => engine.close(),
  };
}

function contextOf(c: Catalog): GuardContext {
  const tables = new Set(c.tables.map((t) => t.name));
  return {
    database: c.database,
    databases: new Set([...c.databases, 'system', 'information_schema', c.database].map((d) => d.toLowerCase())),
    tables,
    allowed: new Set(WORKBENCH_TABLES.filter((t) => tables.has(t))),
    closedFunctions: closedFunctions(c.functions),
    tableFunctions: new Set(c.tableFunctions.map((f) => f.toLowerCase())),
  };
}
