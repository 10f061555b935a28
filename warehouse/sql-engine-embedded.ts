// The workbench on the embedded engine. chdb has no users or grants, so what holds a query is the
// connection it runs on: sessions opened with `readonly = 1` and the limits as connection
// arguments, which neither SET nor a SETTINGS clause can lift afterwards. Each session runs one
// query at a time, so there are as many as queries may run at once, for the screen and for
// exports; one more parses (and runs nothing), and one, never handed an analyst's text, kills
// queries and reads the catalogue.
import { Session } from 'chdb';
import type { Params } from './warehouse.ts';
import { sqlSettings, SqlEngineError, toSqlEngineError, type SqlAnswer, type SqlEngine, type SqlLimits, type StreamFormat } from './sql-engine.ts';
import { createChunkJoiner } from './stream-join.ts';
import { clearAfterError } from './embedded.ts';
import { createSqlParser, PARSER_ARGS } from './sql-parser.ts';

const asArgs = (settings: [string, string | number][]) => settings.map(([k, v]) => `--${k}=${v}`);
/** Exports: Arrow uncompressed and Parquet with snappy, which every reader decodes. */
const EXPORT_FORMAT_ARGS = ['--output_format_arrow_compression_method=none', '--output_format_parquet_compression_method=snappy'];

export function createEmbeddedSqlEngine(path: string, limits: SqlLimits): SqlEngine {
  const screen = pool(() => new Session(path, { connectionArgs: asArgs(sqlSettings(limits, 'screen')) }), limits.running);
  const exports = pool(() => new Session(path, { connectionArgs: [...EXPORT_FORMAT_ARGS, ...asArgs(sqlSettings(limits, 'export'))] }), limits.running);
  const parserSession = new Session(path, { connectionArgs: PARSER_ARGS });
  const parser = createSqlParser(parserSession);
  const control = new Session(path);

  const tag = (queryId: string, sql: string) => `/* cx-sql:${queryId} */ ${sql}`;

  return {
    parse: parser.parse,
    format: parser.format,

    async run(sql, params, queryId): Promise<SqlAnswer> {
      const session = await screen.acquire();
      try {
        const result = await query(session, tag(queryId, sql), params, 'JSONCompactEachRowWithNamesAndTypes');
        const size = result.bytes().length;
        if (size > limits.maxResultBytes) {
          throw new SqlEngineError('result_size', `the result is ${Math.round(size / 1024 ** 2)} MB, more than the ${Math.round(limits.maxResultBytes / 1024 ** 2)} MB a screen holds; export it instead`);
        }
        // Names, types, then one row per line (the format escapes line breaks inside values).
        const lines = result.text().split('\n', limits.rowLimit + 3);
        if (lines.length < 2) throw new SqlEngineError('query_failed', 'the engine sent no column names');
        const names = JSON.parse(lines[0]!) as string[];
        const types = JSON.parse(lines[1]!) as string[];
        const rowLines = lines.slice(2).filter((l) => l !== '');
        return { columns: names.map((name, i) => ({ name, type: types[i]! })), rowLines };
      } finally {
        screen.release(session);
      }
    },

    async *stream(sql, params, queryId, format: StreamFormat) {
      const session = await exports.acquire();
      let failed = false;
      try {
        if (format === 'Parquet') {
          // A Parquet file per block cannot be joined: the export is written in one piece.
          yield (await query(session, tag(queryId, sql), params, 'Parquet')).bytes();
          return;
        }
        const stream = session.queryStreamBind(tag(queryId, sql), params ?? {}, { format });
        // Pulled one chunk at a time: the engine produces the next only when the consumer asks.
        // Each chunk is a block formatted on its own: joined into one output.
        const joiner = createChunkJoiner(format);
        for await (const chunk of stream) yield* joiner.push(chunk.raw());
        yield* joiner.end();
      } catch (cause) {
        failed = true;
        throw toSqlEngineError(cause);
      } finally {
        if (failed) await clearAfterError(session);
        exports.release(session);
      }
    },

    async cancel(queryId) {
      if (!/^[A-Za-z0-9-]{8,64}$/.test(queryId)) return false;
      const killed = await rows<{ kill_status: string }>(control, `KILL QUERY WHERE query LIKE {pattern:String} ASYNC`, { pattern: `/* cx-sql:${queryId} */%` });
      return killed.length > 0;
    },

    async catalog() {
      const [db] = await rows<{ d: string }>(control, 'SELECT currentDatabase() AS d');
      const database = db!.d;
      const tables = await rows<{ name: string; engine: string; comment: string; total_rows: string | null }>(control,
        'SELECT name, engine, comment, total_rows FROM system.tables WHERE database = {db:String} ORDER BY name', { db: database });
      const columns = await rows<{ table: string; name: string; type: string; comment: string; position: string }>(control,
        'SELECT table, name, type, comment, position FROM system.columns WHERE database = {db:String} ORDER BY table, position', { db: database });
      const functions = await rows<{ name: string; alias_to: string; categories: string }>(control, 'SELECT name, alias_to, categories FROM system.functions ORDER BY name');
      const databases = await rows<{ name: string }>(control, 'SELECT name FROM system.databases');
      const tableFunctions = await rows<{ name: string }>(control, 'SELECT name FROM system.table_functions');
      return {
        database,
        databases: databases.map((d) => d.name),
        tableFunctions: tableFunctions.map((f) => f.name),
        tables: tables.map((t) => ({ name: t.name, engine: t.engine, comment: t.comment, rows: t.total_rows === null ? null : Number(t.total_rows) })),
        columns: columns.map((c) => ({ table: c.table, name: c.name, type: c.type, comment: c.comment, position: Number(c.position) })),
        functions: functions.map((f) => ({ name: f.name, aliasTo: f.alias_to, categories: f.categories })),
      };
    },

    async close() {
      screen.close();
      exports.close();
      parserSession.close();
      control.close();
    },
  };
}

async function query(session: Session, sql: string, params: Params | undefined, format: string) {
  try {
    return params && Object.keys(params).length > 0 ? await session.queryBindAsync(sql, params, { format }) : await session.queryAsync(sql, { format });
  } catch (cause) {
    await clearAfterError(session);
    throw toSqlEngineError(cause);
  }
}

async function rows<T>(session: Session, sql: string, params?: Params): Promise<T[]> {
  const text = (await query(session, sql, params, 'JSONEachRow')).text();
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);
}

/** Up to `size` sessions, made when first needed; a query waits for a free one. */
function pool(open: () => Session, size: number) {
  const free: Session[] = [];
  const all: Session[] = [];
  const waiting: ((s: Session) => void)[] = [];
  return {
    async acquire(): Promise<Session> {
      const s = free.pop();
      if (s) return s;
      if (all.length < size) {
        const made = open();
        all.push(made);
        return made;
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release(s: Session) {
      const next = waiting.shift();
      if (next) next(s);
      else free.push(s);
    },
    close() {
      for (const s of all) s.close();
    },
  };
}
