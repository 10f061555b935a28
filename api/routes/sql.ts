// The analysts' SQL workbench: run a statement, cancel it, format it, browse the schema, export a
// whole result as a file, keep saved queries, read one's history. Analysts only: their scope is the
// whole prefecture, which is what a query over the warehouse can read. Every query is audited with
// its text and how it ended (the route layer writes the row; noteAudit adds the SQL's part).
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  cancelRequest, cancelResponse, exportBody, exportQuery, formatRequest, formatResponse, historyResponse, sampleQuery, sampleResponse,
  savedGetQuery, savedGetResponse, savedIdParams, savedListResponse, savedQueryInput, saveNewVersion, schemaResponse, sqlRequest, sqlResult,
  type ExportFormat,
} from '../../contracts/sql.ts';
import { PREFECTURE_CODE } from '../../contracts/codes.ts';
import { formatShanghaiTime } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { StreamFormat } from '../../warehouse/sql-engine.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { badRequest, HttpError } from '../errors.ts';
import { defineRoute, noteAudit, type AnyRoute } from '../route.ts';
import type { SavedQueries } from '../sql/saved-queries.ts';
import { resultJson, rowsOf, type RunResult, type Workbench } from '../sql/workbench.ts';
import { arrowRowCounter, csvRowCounter, parquetRowCounter, type RowCounter } from '../sql/export-rows.ts';
import { writeXlsx } from '../sql/xlsx-export.ts';

const ANALYSTS = { roles: ['analyst'] as const, scope: { kind: 'area-fixed', area: PREFECTURE_CODE } as const };
const OWN = { roles: ['analyst'] as const, scope: { kind: 'platform', why: 'the analyst\'s own saved queries and history, and those shared with their role' } as const };

const FILES: Record<ExportFormat, { engine: StreamFormat; type: string; ext: string }> = {
  csv: { engine: 'CSVWithNames', type: 'text/csv; charset=utf-8', ext: 'csv' },
  xlsx: { engine: 'JSONCompactEachRowWithNamesAndTypes', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  arrow: { engine: 'ArrowStream', type: 'application/vnd.apache.arrow.stream', ext: 'arrow' },
  parquet: { engine: 'Parquet', type: 'application/vnd.apache.parquet', ext: 'parquet' },
};

const COUNTERS: Record<Exclude<ExportFormat, 'xlsx'>, () => RowCounter> = {
  csv: () => csvRowCounter(true),
  arrow: arrowRowCounter,
  parquet: () => parquetRowCounter(),
};

/** Until the socket takes more, or closes; no listener left behind either way. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** How a failed query is recorded: `refused: <reason>`, `cancelled`, `limit: <reason>`, `failed: <message>`. */
function outcomeOf(e: unknown): string {
  if (e instanceof HttpError) {
    if (e.error === 'refused') return `refused: ${e.extra.reason as string}: ${e.message}`;
    if (e.error === 'cancelled') return 'cancelled';
    if (e.error === 'limit') return `limit: ${e.extra.reason as string}: ${e.message}`;
    return `failed: ${e.message}`;
  }
  return `failed: ${(e as Error)?.message ?? String(e)}`;
}

export function sqlRoutes(deps: { workbench: Workbench | null; saved: SavedQueries; warehouse: Warehouse; queries: Queries; clock: () => number }): AnyRoute[] {
  const { saved, warehouse, queries, clock } = deps;
  const bench = (): Workbench => {
    if (!deps.workbench) throw new HttpError(503, 'unavailable', 'the SQL workbench is not set up on this deployment: it needs a read-only ClickHouse user of its own (CLICKHOUSE_ANALYST_USER, see docs/deploy.md)');
    return deps.workbench;
  };

  /** Runs `task` for the statement `sql`, noting the outcome in the audit row either way. */
  async function audited<T>(res: Response, sql: string, task: () => Promise<T>, outcome: (value: T) => { outcome: string; rows?: number }): Promise<T> {
    try {
      const value = await task();
      noteAudit(res, { detail: sql, ...outcome(value) });
      return value;
    } catch (e) {
      noteAudit(res, { detail: sql, outcome: outcomeOf(e) });
      throw e;
    }
  }

  return [
    defineRoute({
      method: 'post', path: '/api/sql', tag: 'workbench', summary: 'Runs one read-only statement and answers its rows (at most the row limit; `truncated` says when cut)',
      access: ANALYSTS, body: sqlRequest, response: sqlResult, audit: { body: (b) => ({ queryId: b.queryId, params: b.params }) },
      async handler({ principal, body, res }) {
        const result = await audited(res, body.sql, async () => {
          const wb = bench();
          const checked = await wb.check(body.sql, body.params);
          return wb.run(principal!.login, checked, body.params, body.queryId);
        }, (r: RunResult) => ({ outcome: r.truncated ? 'truncated' : 'ok', rows: r.rowLines.length }));
        // Sent as it is: res.send would hash a megabyte for an ETag no one asks for on a POST.
        res.status(200).type('application/json').end(resultJson(result));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/sql/cancel', tag: 'workbench', summary: 'Stops a query of yours that is running, in the engine',
      access: ANALYSTS, body: cancelRequest, response: cancelResponse,
      async handler({ principal, body }) {
        return { cancelled: await bench().cancel(principal!.login, body.queryId) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/sql/format', tag: 'workbench', summary: 'The statement laid out over several lines by the engine\'s formatter',
      access: ANALYSTS, body: formatRequest, response: formatResponse, audit: false,
      async handler({ body }) {
        return { sql: await bench().format(body.sql) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/sql/schema', tag: 'workbench', summary: 'The tables a query may read, their columns with types and meaning, row counts, and the functions it may call',
      access: ANALYSTS, response: schemaResponse, rows: (b) => b.tables.length,
      handler: () => bench().schema(),
    }),
    defineRoute({
      method: 'get', path: '/api/sql/sample', tag: 'workbench', summary: 'The first 20 rows of a table',
      access: ANALYSTS, query: sampleQuery, response: sampleResponse, rows: (b) => b.rows.length,
      async handler({ principal, query }) {
        const wb = bench();
        const schema = await wb.schema();
        if (!schema.tables.some((t) => t.name === query.table)) throw badRequest('table', `${query.table} is not a table the workbench may read`);
        // The name is one of the open tables, so it can stand in the text; the guard checks it all the same.
        const checked = await wb.check(`SELECT * FROM \`${query.table}\` LIMIT 20`);
        const result = await wb.run(principal!.login, checked, undefined);
        return { table: query.table, columns: result.columns, rows: rowsOf(result) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/sql/export', tag: 'workbench',
      summary: 'The whole result as a file (CSV, XLSX, Arrow IPC stream, Parquet), streamed from the engine; the body as for POST /api/sql, JSON or an HTML form',
      access: ANALYSTS, query: exportQuery, body: exportBody, audit: { body: (b) => ({ queryId: b.queryId, params: b.params }) },
      async handler({ principal, query, body, res }) {
        const wb = bench();
        const file = FILES[query.format];
        const queryId = body.queryId ?? randomUUID();
        const started = clock();
        const checked = await audited(res, body.sql, () => wb.check(body.sql, body.params), () => ({ outcome: 'started' }));
        const stream = wb.stream(principal!.login, checked, body.params, file.engine, queryId);
        // The first piece before the headers: a query that fails at once answers with its error, not a broken file.
        const first = await audited(res, body.sql, () => stream.next(), () => ({ outcome: 'started' }));
        const stamp = formatShanghaiTime(started).replace(/[-: ]/g, '').slice(0, 14);
        res.status(200);
        res.setHeader('Content-Type', file.type);
        res.setHeader('Content-Disposition', `attachment; filename="query-${stamp}.${file.ext}"`);
        // no-transform: the API's compression leaves it alone. Brotli over a 500 MB CSV costs seconds
        // of a core that other users share; Parquet is the compact format (snappy) for those who want one.
        res.setHeader('Cache-Control', 'no-store, no-transform');
        res.setHeader('X-Query-Id', queryId);

        let abandoned = false;
        res.on('close', () => { if (!res.writableFinished) abandoned = true; });
        async function* rest(): AsyncGenerator<Uint8Array> {
          if (!first.done) yield first.value;
          for (let next = await stream.next(); !next.done; next = await stream.next()) {
            if (abandoned) break;
            yield next.value;
          }
        }
        let bytes = 0;
        let rows = 0;
        try {
          if (query.format === 'xlsx') {
            rows = await writeXlsx(rest(), res, { sql: checked.sql, ranAt: formatShanghaiTime(started) });
          } else {
            const counter = COUNTERS[query.format]();
            if (query.format === 'csv') res.write('\uFEFF'); // so that Excel reads the Chinese as UTF-8
            for await (const chunk of rest()) {
              bytes += chunk.length;
              counter.push(chunk);
              if (!res.write(chunk)) await drained(res);
              if (abandoned) break;
            }
            rows = counter.rows() ?? 0;
          }
          if (abandoned) {
            await stream.return(undefined);
            noteAudit(res, { detail: body.sql, outcome: 'cancelled: the download was abandoned', rows });
            return;
          }
          noteAudit(res, { detail: body.sql, outcome: `ok: ${query.format}, ${rows} rows${bytes ? `, ${bytes} bytes` : ''}`, rows });
          res.end();
        } catch (e) {
          // Headers are gone: the download must break rather than end looking complete.
          noteAudit(res, { detail: body.sql, outcome: outcomeOf(e), rows });
          res.destroy(e as Error);
        }
      },
    }),
    defineRoute({
      method: 'get', path: '/api/sql/history', tag: 'workbench', summary: 'Your last 200 queries and exports, newest first',
      access: OWN, response: historyResponse, rows: (b) => b.entries.length,
      async handler({ principal }) {
        const rows = await warehouse.query<{ at: string; route: string; sql: string; status: number; outcome: string; rows: number; duration_ms: number }>(queries['sql-history'], { login: principal!.login });
        return { entries: rows.map((r) => ({ at: r.at, route: r.route, sql: r.sql, status: Number(r.status), outcome: r.outcome, rows: Number(r.rows), durationMs: Number(r.duration_ms) })) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/sql/saved', tag: 'workbench', summary: 'Saved queries: yours and those shared with your role',
      access: OWN, response: savedListResponse, rows: (b) => b.queries.length,
      async handler({ principal }) {
        return { queries: await saved.list(principal!) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/sql/saved', tag: 'workbench', summary: 'Saves a new query (version 1)', status: 201,
      access: OWN, body: savedQueryInput, response: savedGetResponse, audit: { body: (b) => ({ name: b.name, sharedWith: b.sharedWith }) },
      async handler({ principal, body }) {
        return saved.create(body, principal!);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/sql/saved/:id', tag: 'workbench', summary: 'A saved query (its latest version, or ?version=N) with the list of its versions',
      access: OWN, params: savedIdParams, query: savedGetQuery, response: savedGetResponse,
      async handler({ principal, params, query }) {
        return saved.get(params.id, principal!, query.version);
      },
    }),
    defineRoute({
      method: 'put', path: '/api/sql/saved/:id', tag: 'workbench', summary: 'Saves a new version of a query of yours; 409 when another was saved since baseVersion',
      access: OWN, params: savedIdParams, body: saveNewVersion, response: savedGetResponse, audit: { body: (b) => ({ name: b.name, sharedWith: b.sharedWith, baseVersion: b.baseVersion }) },
      async handler({ principal, params, body }) {
        const { baseVersion, ...input } = body;
        return saved.update(params.id, input, baseVersion, principal!);
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/sql/saved/:id', tag: 'workbench', summary: 'Deletes a query of yours (its versions stay in the table, marked)', status: 204,
      access: OWN, params: savedIdParams,
      async handler({ principal, params }) {
        await saved.remove(params.id, principal!);
      },
    }),
  ];
}
