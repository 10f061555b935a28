// The workbench on a ClickHouse server. Queries run as a user of their own (CLICKHOUSE_ANALYST_USER)
// whose profile the server holds to read-only, with quotas and settings constraints (the SQL to
// create it: docs/deploy.md). On top of that every request carries the workbench's limits,
// `readonly` last, so a server whose profile is laxer still holds them. The text is read first by
// the embedded engine's parser (a temporary chdb session), as on the embedded deployment.
import { ClickHouseLogLevel, createClient, type ClickHouseSettings } from '@clickhouse/client';
import { Session } from 'chdb';
import type { Readable } from 'node:stream';
import { createSqlParser, PARSER_ARGS } from './sql-parser.ts';
import { sqlSettings, SqlEngineError, toSqlEngineError, type SqlAnswer, type SqlEngine, type SqlLimits, type StreamFormat } from './sql-engine.ts';

export interface ServerSqlOptions {
  url: string;
  database?: string;
  analyst: { username: string; password: string }; // the read-only user queries run as
  platform: { username: string; password: string }; // the platform's own user: kills queries, reads the catalogue
}

export function createServerSqlEngine(options: ServerSqlOptions, limits: SqlLimits): SqlEngine {
  const common = { url: options.url, database: options.database, log: { level: ClickHouseLogLevel.OFF } };
  const analyst = createClient({ ...common, ...options.analyst, request_timeout: (limits.exportTimeoutSeconds + 30) * 1000 });
  const platform = createClient({ ...common, ...options.platform, request_timeout: 30_000 });
  const parserSession = new Session(undefined as unknown as string, { connectionArgs: PARSER_ARGS });
  const parser = createSqlParser(parserSession);
  let known: Promise<Map<string, string>> | undefined;

  /** The workbench's settings that this server knows (18.16 lacks max_parser_depth, for one). A
   *  user whose profile is read-only already cannot be sent `readonly` at all, so it is left out
   *  there: the profile holds it. */
  async function settingsFor(use: 'screen' | 'export'): Promise<ClickHouseSettings> {
    // As the analyst: the values are those of the analyst's profile.
    known ??= analyst.query({ query: 'SELECT name, value FROM system.settings', format: 'JSONEachRow' })
      .then((rs) => rs.json<{ name: string; value: string }>()).then((rows) => new Map(rows.map((r) => [r.name, r.value])))
      .catch((e) => { known = undefined; throw e; });
    const server = await known;
    const wanted = sqlSettings(limits, use).filter(([name]) => server.has(name) && !(name === 'readonly' && server.get('readonly') !== '0'));
    if (use === 'export') wanted.unshift(['wait_end_of_query', 1]); // an error mid-result is a status, not text at the end of a file
    return Object.fromEntries(wanted) as ClickHouseSettings;
  }

  return {
    parse: parser.parse,
    format: parser.format,

    async run(sql, params, queryId): Promise<SqlAnswer> {
      try {
        const rs = await analyst.query({ query: sql, format: 'JSONCompact', query_id: queryId, query_params: params, clickhouse_settings: await settingsFor('screen') });
        const text = await rs.text();
        if (text.length > limits.maxResultBytes) {
          throw new SqlEngineError('result_size', `the result is more than the ${Math.round(limits.maxResultBytes / 1024 ** 2)} MB a screen holds; export it instead`);
        }
        const body = parseBody(text);
        // JSONCompact, not JSONCompactEachRowWithNamesAndTypes: 18.16 has only the former.
        return { columns: body.meta.map((m) => ({ name: m.name, type: m.type })), rowLines: body.data.slice(0, limits.rowLimit + 1).map((r) => JSON.stringify(r)) };
      } catch (cause) {
        throw toSqlEngineError(cause);
      }
    },

    async *stream(sql, params, queryId, format: StreamFormat) {
      let body: Readable;
      try {
        // The canonical text has no FORMAT clause (the guard refuses one); the workbench adds its own.
        ({ stream: body } = await analyst.exec({ query: `${sql} FORMAT ${format}`, query_id: queryId, query_params: params, clickhouse_settings: await settingsFor('export') }));
      } catch (cause) {
        throw toSqlEngineError(cause);
      }
      try {
        for await (const chunk of body) yield chunk as Uint8Array;
      } finally {
        body.destroy();
      }
    },

    async cancel(queryId) {
      // Spliced, not bound: 18.16 has no query parameters, and the id is letters, digits and - only.
      if (!/^[A-Za-z0-9-]{8,64}$/.test(queryId)) return false;
      const rs = await platform.query({ query: `KILL QUERY WHERE query_id = '${queryId}' ASYNC`, format: 'JSONEachRow' });
      return (await rs.json()).length > 0;
    },

    async catalog() {
      const json = async <T>(query: string) => (await platform.query({ query, format: 'JSONEachRow' })).json<T>();
      const [db] = await json<{ d: string }>('SELECT currentDatabase() AS d');
      const database = db!.d;
      // SELECT *: the columns of system tables differ between versions (18.16 has no table comments).
      const tables = await json<{ database: string; name: string; engine: string; comment?: string }>('SELECT * FROM system.tables WHERE database = currentDatabase()');
      const parts = await json<{ table: string; rows: string }>('SELECT table, sum(rows) AS rows FROM system.parts WHERE database = currentDatabase() AND active GROUP BY table');
      const rows = new Map(parts.map((p) => [p.table, Number(p.rows)]));
      const columns = await json<{ table: string; name: string; type: string; comment?: string; position?: string }>('SELECT * FROM system.columns WHERE database = currentDatabase()');
      const functions = await json<{ name: string; alias_to?: string; categories?: string }>('SELECT * FROM system.functions');
      const databases = await json<{ name: string }>('SELECT name FROM system.databases');
      const tableFunctions = await json<{ name: string }>('SELECT name FROM system.table_functions');
      return {
        database,
        databases: databases.map((d) => d.name),
        tableFunctions: tableFunctions.map((f) => f.name),
        tables: tables.map((t) => ({ name: t.name, engine: t.engine, comment: t.comment ?? '', rows: /View/.test(t.engine) ? null : (rows.get(t.name) ?? 0) })).sort((a, b) => a.name.localeCompare(b.name)),
        columns: columns.map((c, i) => ({ table: c.table, name: c.name, type: c.type, comment: c.comment ?? '', position: Number(c.position ?? i) })),
        functions: functions.map((f) => ({ name: f.name, aliasTo: f.alias_to ?? '', categories: f.categories ?? '' })),
      };
    },

    async close() {
      await analyst.close();
      await platform.close();
      parserSession.close();
    },
  };
}

function parseBody(text: string): { meta: { name: string; type: string }[]; data: unknown[][] } {
  try {
    return JSON.parse(text);
  } catch {
    // Without wait_end_of_query a failure after the first block arrives as text at the end.
    const tail = /(?:^|\n)(Code: \d+[.,][^\n]*)\s*$/.exec(text);
    throw new SqlEngineError('query_failed', tail ? tail[1]! : 'the server\'s answer could not be read');
  }
}

