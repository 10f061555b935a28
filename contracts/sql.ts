// The analysts' SQL workbench: its requests and answers. The API parses with these schemas and the
// web app builds its requests from their types. Browser-safe (types only there).
import { z } from 'zod';
import { ROLES } from './codes.ts';
import { plainText } from './text.ts';
import { queryInt } from './request-params.ts';
import { findParams } from './sql-params.ts';

/** `{name:Type}` parameter names, as ClickHouse accepts them. */
export const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const SQL_MAX_CHARS = 100_000;
export const SQL_MAX_BYTES = 256 * 1024 - 1024; // the engine's max_query_size, less room for the platform's own wrapping

export const sqlParamValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const sqlRequest = z.object({
  sql: z.string().min(1, 'is required').max(SQL_MAX_CHARS, `must be at most ${SQL_MAX_CHARS} characters`)
    // The engine parses at most 256 KiB of text, a limit an analyst cannot change: 100,000 Chinese
    // characters are 300 KB, and were refused in the engine's words, pointing at a setting.
    .refine((sql) => new TextEncoder().encode(sql).length <= SQL_MAX_BYTES, `must be at most ${SQL_MAX_BYTES / 1024} KiB in UTF-8 (a Chinese character takes 3 bytes)`)
    .describe('One read-only statement: SELECT, WITH ... SELECT, EXPLAIN AST | SYNTAX, DESCRIBE, SHOW.'),
  params: z.record(z.string().regex(PARAM_NAME, 'names must be letters, digits and _'), sqlParamValue).optional()
    .describe('Values of the statement\'s {name:Type} parameters, bound by the engine, never spliced into the text.'),
  queryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8-64 letters, digits or -').optional()
    .describe('An id the caller picks so it can cancel the query while it runs (POST /api/sql/cancel).'),
}).strict();
export type SqlRequest = z.infer<typeof sqlRequest>;

export const sqlColumn = z.object({ name: z.string(), type: z.string().describe('ClickHouse type, e.g. Nullable(Decimal(18, 2))') });
export type SqlColumn = z.infer<typeof sqlColumn>;

export const sqlResult = z.object({
  queryId: z.string(),
  statement: z.enum(['select', 'explain', 'describe', 'show']),
  columns: z.array(sqlColumn),
  rows: z.array(z.array(z.unknown())).describe('Rows as arrays in column order, as the engine writes JSON: 64-bit integers as strings (exact), other numbers and Decimals as numbers.'),
  truncated: z.boolean().describe('True when the result had more rows than rowLimit and was cut there; export gives all of them.'),
  rowLimit: z.number().int(),
  elapsedMs: z.number().describe('Time in the engine as this API measured it.'),
  sql: z.string().describe('The statement as it was run: the canonical form of what was sent.'),
});
export type SqlResult = z.infer<typeof sqlResult>;

/** A refused statement answers 400 with `{ error: 'refused', reason, message }`; `reason` is one of these. */
export const REFUSAL_REASONS = [
  'empty', 'syntax', 'multiple_statements', 'statement_kind', 'explain_kind', 'settings', 'format_clause', 'outfile',
  'table_function', 'function', 'system_table', 'other_database', 'table', 'too_deep', 'parameters',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A query a limit stopped answers 400 with `{ error: 'limit', reason, message }`; `reason` is one of these.
 *  Both kinds, and `{ error: 'query_failed' }` (the engine's own error), may carry `engineMessage`:
 *  the engine's words as it gave them (English), beside the platform's. */
export const LIMIT_REASONS = ['timeout', 'memory', 'bytes_read', 'result_size'] as const;
export type LimitReason = (typeof LIMIT_REASONS)[number];

export const cancelRequest = z.object({ queryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8-64 letters, digits or -') }).strict();
export const cancelResponse = z.object({ cancelled: z.boolean().describe('False when no query of yours with that id was running.') });

export const formatRequest = z.object({ sql: sqlRequest.shape.sql }).strict();
export const formatResponse = z.object({ sql: z.string() });

export const EXPORT_FORMATS = ['csv', 'xlsx', 'arrow', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS) }).strict();
/** The same body as POST /api/sql; from an HTML form, `params` comes as JSON text. */
export const exportBody = z.object({
  sql: sqlRequest.shape.sql,
  params: z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    if (value === '') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of parameter values', input: value });
      return z.NEVER;
    }
  }, sqlRequest.shape.params),
  queryId: sqlRequest.shape.queryId,
}).strict();

// Schema browser

export const schemaColumn = z.object({
  name: z.string(), type: z.string(), comment: z.string(),
  commentZh: z.string().nullable().describe('What the column holds, in Chinese (the comment is the warehouse\'s own, in English).'),
});
export const schemaTable = z.object({
  name: z.string(),
  kind: z.enum(['table', 'view']),
  comment: z.string(),
  commentZh: z.string().nullable().describe('What the table holds, in Chinese (the comment is the warehouse\'s own, in English).'),
  rows: z.number().nullable().describe('Rows as the engine counts them; null for a view.'),
  columns: z.array(schemaColumn),
});
export type SchemaTable = z.infer<typeof schemaTable>;
export const schemaResponse = z.object({
  database: z.string(),
  tables: z.array(schemaTable),
  functions: z.array(z.string()).describe('Functions a query may call, for autocompletion.'),
  limits: z.object({
    rowLimit: z.number().int(), timeoutSeconds: z.number(), maxBytesRead: z.number(), maxMemoryBytes: z.number(),
    runningPerAnalyst: z.number().int(), runningTotal: z.number().int(),
  }),
});
export type SchemaResponse = z.infer<typeof schemaResponse>;

export const sampleQuery = z.object({ table: z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'must be a table name') }).strict();
export const sampleResponse = z.object({ table: z.string(), columns: z.array(sqlColumn), rows: z.array(z.array(z.unknown())) });

// Saved queries

/** Roles a saved query may be shared with: those that may use the workbench. */
export const SHARE_ROLES = ['analyst'] as const satisfies readonly (typeof ROLES)[number][];

export const savedParam = z.object({
  name: z.string().regex(PARAM_NAME, 'names must be letters, digits and _'),
  type: z.string().min(1).max(200),
  value: sqlParamValue.describe('The value last used, offered as the default.'),
}).strict();

const savedQueryFields = z.object({
  name: plainText(z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters')),
  description: plainText(z.string().max(5_000, 'must be at most 5,000 characters'), { lines: true }).default(''),
  sql: sqlRequest.shape.sql,
  params: z.array(savedParam).max(50).default([]),
  chart: z.record(z.string(), z.unknown()).nullable().default(null).describe('A Vega-Lite spec without data: the result is its data.'),
  sharedWith: z.array(z.enum(SHARE_ROLES)).max(SHARE_ROLES.length).default([]).describe('Empty: private to its owner.'),
}).strict();

/** A saved query's parameters are those of its text, each once, with the type the text gives it: a
 *  list that names one twice, or a type the text does not use ("x"), would offer a form that runs
 *  with values the statement does not take. */
const paramsOfText = (q: { sql: string; params: readonly { name: string; type: string }[] }, ctx: z.RefinementCtx) => {
  const inText = new Map(findParams(q.sql).map((p) => [p.name, p.type]));
  const seen = new Set<string>();
  q.params.forEach((p, i) => {
    if (seen.has(p.name)) ctx.addIssue({ code: 'custom', path: ['params', i, 'name'], message: `${p.name} is listed twice` });
    else if (!inText.has(p.name)) ctx.addIssue({ code: 'custom', path: ['params', i, 'name'], message: `${p.name} is not a {name:Type} parameter of the statement` });
    else if (inText.get(p.name) !== p.type.trim().replace(/\s+/g, ' ')) ctx.addIssue({ code: 'custom', path: ['params', i, 'type'], message: `must be ${inText.get(p.name)}, the type the statement gives ${p.name}` });
    seen.add(p.name);
  });
};

export const savedQueryInput = savedQueryFields.superRefine(paramsOfText);
export type SavedQueryInput = z.input<typeof savedQueryInput>;

export const saveNewVersion = savedQueryFields.extend({
  baseVersion: z.number().int().min(1).describe('The version this edit started from; 409 if someone saved another since.'),
}).strict().superRefine(paramsOfText);

export const savedQuery = z.object({
  id: z.string(),
  version: z.number().int(),
  owner: z.string(),
  name: z.string(),
  description: z.string(),
  sql: z.string(),
  params: z.array(savedParam),
  chart: z.record(z.string(), z.unknown()).nullable(),
  sharedWith: z.array(z.string()),
  savedAt: z.string().describe('When it was saved, on the Shanghai wall clock: YYYY-MM-DD hh:mm:ss.'),
  mine: z.boolean(),
});
export type SavedQuery = z.infer<typeof savedQuery>;

export const savedQuerySummary = savedQuery.omit({ sql: true, params: true, chart: true });
export type SavedQuerySummary = z.infer<typeof savedQuerySummary>;
export const savedListResponse = z.object({ queries: z.array(savedQuerySummary) });
export const savedIdParams = z.object({ id: z.string().regex(/^[a-z0-9]{8,32}$/, 'must be a saved query id') }).strict();
export const savedGetQuery = z.object({ version: queryInt((n) => n.min(1)).optional() }).strict();
export const savedGetResponse = savedQuery.extend({
  versions: z.array(z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string() })),
});
export type SavedGetResponse = z.infer<typeof savedGetResponse>;

export const historyResponse = z.object({
  entries: z.array(z.object({
    at: z.string(),
    route: z.string().describe('/api/sql or /api/sql/export'),
    sql: z.string(),
    status: z.number().int(),
    outcome: z.string().describe('ok, truncated, refused: <reason>, failed: <message>, cancelled'),
    rows: z.number().int(),
    durationMs: z.number().int(),
  })),
});
export type HistoryResponse = z.infer<typeof historyResponse>;
