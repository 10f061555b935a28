// The engine side of the analysts' SQL workbench: ad-hoc statements, already checked by
// api/sql/guard.ts, run on connections of their own that the engine holds to read-only and to
// limits fixed when they connect, so no text of the query can lift them. Two implementations:
// embedded (chdb sessions opened with the limits as connection arguments) and server (a separate
// read-only ClickHouse user, with the same limits sent as settings and `readonly` last).
import type { Params } from './warehouse.ts';

export interface SqlLimits {
  rowLimit: number; // rows an answer on screen holds; 100,000 by default
  timeoutSeconds: number; // the engine stops a query after this; 30 by default
  exportTimeoutSeconds: number; // and an export after this; 600 by default
  maxBytesRead: number; // bytes a query may read; 20 GiB by default
  maxMemoryBytes: number; // memory a query may use; 2 GiB by default
  maxResultBytes: number; // size of an answer on screen; 256 MiB by default
  running: number; // queries running at once, all analysts; 4 by default
}

export const DEFAULT_SQL_LIMITS: SqlLimits = {
  rowLimit: 100_000, timeoutSeconds: 30, exportTimeoutSeconds: 600, maxBytesRead: 20 * 1024 ** 3,
  maxMemoryBytes: 2 * 1024 ** 3, maxResultBytes: 256 * 1024 ** 2, running: 4,
};

/** The settings that hold an analyst's connection, in the order a server must apply them. */
export function sqlSettings(limits: SqlLimits, use: 'screen' | 'export'): [string, string | number][] {
  return [
    ['max_execution_time', use === 'export' ? limits.exportTimeoutSeconds : limits.timeoutSeconds],
    ['max_memory_usage', limits.maxMemoryBytes],
    ['max_bytes_to_read', limits.maxBytesRead],
    // The engine stops producing rows soon after the limit (a block later); the API cuts exactly.
    ...(use === 'screen' ? [['max_result_rows', limits.rowLimit + 1], ['result_overflow_mode', 'break']] as [string, number | string][] : []),
    // A text nested deep enough exhausts the parser's stack; the parser refuses it first.
    ['max_parser_depth', 300],
    ['max_ast_depth', 300],
    ['max_ast_elements', 100_000],
    // Exact 64-bit integers: a JavaScript number would round an id or a hash past 2^53.
    ['output_format_json_quote_64bit_integers', 1],
    // Last: from here on the connection cannot change any setting, its own limits included.
    ['readonly', 1],
  ];
}

export interface SqlColumnInfo { name: string; type: string }

export interface SqlAnswer {
  columns: SqlColumnInfo[];
  /** Each row as the JSON text of an array, as the engine wrote it: the API splices them into its
   *  answer instead of parsing and writing them again. At most rowLimit + 1: one more says the result was cut. */
  rowLines: string[];
}

/** Formats the engine can write itself, streamed as it writes them. */
export type StreamFormat = 'CSVWithNames' | 'Parquet' | 'ArrowStream' | 'JSONCompactEachRowWithNamesAndTypes';

/** What the parser says of a text: one canonical statement and its syntax tree, or why not. */
export interface ParsedSql {
  canonical: string; // single line, comments gone: what is checked is what runs
  ast: string; // EXPLAIN AST's indented tree
}

export interface TableInfo { name: string; engine: string; comment: string; rows: number | null }
export interface ColumnInfo { table: string; name: string; type: string; comment: string; position: number }
export interface FunctionInfo { name: string; aliasTo: string; categories: string } // categories: '' where the engine keeps none (18.16)

export interface Catalog { database: string; databases: string[]; tables: TableInfo[]; columns: ColumnInfo[]; functions: FunctionInfo[]; tableFunctions: string[] }

export interface SqlEngine {
  /** The parser's view of a text; throws SqlEngineError 'syntax' or 'multiple_statements' or 'too_deep'. Runs nothing. */
  parse(sql: string, params?: Params): Promise<ParsedSql>;
  /** The text laid out over several lines, as the engine formats it. */
  format(sql: string): Promise<string>;
  /** Runs a checked statement for the screen, tagged with `queryId` so that `cancel` can find it. */
  run(sql: string, params: Params | undefined, queryId: string): Promise<SqlAnswer>;
  /** Streams the whole result of a checked statement in one of the engine's formats. */
  stream(sql: string, params: Params | undefined, queryId: string, format: StreamFormat): AsyncIterable<Uint8Array>;
  /** Stops the query tagged `queryId` in the engine; false when none was running. */
  cancel(queryId: string): Promise<boolean>;
  /** The database's tables and columns, and the functions the engine knows (trusted path, not the analyst's SQL). */
  catalog(): Promise<Catalog>;
  close(): Promise<void>;
}

export type SqlFailure = 'syntax' | 'multiple_statements' | 'too_deep' | 'timeout' | 'memory' | 'bytes_read' | 'result_size'
  | 'cancelled' | 'readonly' | 'unsupported_format' | 'query_failed';

/** Why the engine would not or could not answer, in a form the API can say to an analyst. */
export class SqlEngineError extends Error {
  constructor(readonly reason: SqlFailure, message: string, readonly engineCode?: number) {
    super(message);
    this.name = 'SqlEngineError';
  }
}

/** Engine error codes that mean one of the workbench's limits, by ClickHouse's numbering. */
const LIMIT_CODES: Record<number, SqlFailure> = {
  159: 'timeout', // TIMEOUT_EXCEEDED
  241: 'memory', // MEMORY_LIMIT_EXCEEDED
  307: 'bytes_read', // TOO_MANY_BYTES
  158: 'bytes_read', // TOO_MANY_ROWS
  394: 'cancelled', // QUERY_WAS_CANCELLED
  164: 'readonly', // READONLY
  62: 'syntax', // SYNTAX_ERROR
  306: 'too_deep', // TOO_DEEP_RECURSION
  167: 'too_deep', // TOO_DEEP_AST
  168: 'too_deep', // TOO_BIG_AST
  73: 'unsupported_format', // UNKNOWN_FORMAT
};

/** An engine's failure as a SqlEngineError; the message loses the engine's version and stack. */
export function toSqlEngineError(cause: unknown): SqlEngineError {
  if (cause instanceof SqlEngineError) return cause;
  const raw = String((cause as Error)?.message ?? cause);
  const code = Number(/Code: (\d+)/.exec(raw)?.[1] ?? NaN);
  const message = cleanMessage(raw);
  if (/Multi-statements are not allowed/i.test(raw)) return new SqlEngineError('multiple_statements', 'only one statement at a time', code);
  const reason = LIMIT_CODES[code] ?? 'query_failed';
  return new SqlEngineError(reason, message, Number.isNaN(code) ? undefined : code);
}

/** `Code: 47. DB::Exception: Code: 47. DB::Exception: Unknown identifier ... (version 26.7.2.1). (UNKNOWN_IDENTIFIER)`
 *  becomes `Unknown identifier ... (UNKNOWN_IDENTIFIER)`. */
export function cleanMessage(raw: string): string {
  let m = raw.replace(/\s*\(version [^)]*\)/g, '').replace(/, e\.what\(\) = DB::Exception/g, '');
  for (;;) {
    const next = m.replace(/^\s*Code: \d+[.,]\s*(e\.displayText\(\) = )?(DB::Exception: )?/, '');
    if (next === m) break;
    m = next;
  }
  m = m.replace(/\s*Stack trace[\s\S]*$/, '').replace(/\.\s*\((\w+)\)\.\s*\(\1\)$/, '. ($1)');
  // The parser's wrapper is not the analyst's text: `...: In scope SELECT formatQuery('...'). (SYNTAX_ERROR)`.
  m = m.replace(/:?\s*In scope SELECT formatQuery(?:SingleLine)?\([\s\S]*$/, '');
  return m.trim().slice(0, 2_000);
}
