// The server warehouse: a ClickHouse server over HTTP through @clickhouse/client. Production runs
// a modern server; tests run Debian's clickhouse-server 18.16, so every request is shaped to work
// on both (see `detectTraits`).
import { ClickHouseLogLevel, createClient, type ClickHouseSettings } from '@clickhouse/client';
import { parseJsonEachRow } from './json-each-row.ts';
import { RETRYABLE_CODES } from './retryable.ts';
import type { SqlEngine, SqlLimits } from './sql-engine.ts';
import { createServerSqlEngine } from './sql-engine-server.ts';
import { readOnlyRefusal, WarehouseError, type InsertOptions, type Params, type ReaderLimits, type Warehouse } from './warehouse.ts';

export interface ServerOptions {
  url: string; // e.g. http://127.0.0.1:8123
  username?: string; // 'default' by default
  password?: string; // '' by default
  database?: string; // the server's default database by default
  requestTimeoutMs?: number; // 30_000 by default
  settings?: Record<string, string | number>; // sent with every request; override ours
  analyst?: { username: string; password: string }; // the read-only user the SQL workbench runs as; no workbench without it
}

/** What this server understands, found out once per warehouse on first use. */
interface Traits {
  settings: Record<string, string | number>; // sent with every statement
  dedupToken: boolean; // whether `insert_deduplication_token` exists here
}

export function createServerWarehouse(options: ServerOptions): Warehouse {
  const client = createClient({
    url: options.url,
    username: options.username ?? 'default',
    password: options.password ?? '',
    database: options.database,
    request_timeout: options.requestTimeoutMs ?? 30_000,
    // Failures reach the caller as WarehouseError; the client's own console logging would
    // report each of them a second time.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const callerSettings = options.settings ?? {};
  let traits: Promise<Traits> | undefined;

  // Memoised, but forgotten on failure: a server that was down at the first call is asked
  // again at the next one instead of poisoning this instance.
  function getTraits(): Promise<Traits> {
    traits ??= detectTraits().catch((cause) => {
      traits = undefined;
      throw cause;
    });
    return traits;
  }

  // Feature detection, not version numbers: the server's own list of settings says what it
  // accepts. This matters both ways: 18.16 rejects a CREATE with LowCardinality columns unless
  // `allow_experimental_low_cardinality_type=1`, and a modern server rejects that very setting
  // as UNKNOWN_SETTING (it was removed), as it rejects `insert_deduplication_token` on 18.16.
  async function detectTraits(): Promise<Traits> {
    const rs = await client.query({
      query: `SELECT name, value FROM system.settings
              WHERE name IN ('allow_experimental_low_cardinality_type', 'insert_deduplication_token')`,
      format: 'JSONEachRow',
      clickhouse_settings: callerSettings as ClickHouseSettings,
    });
    const known = new Map((await rs.json<{ name: string; value: string }>()).map((r) => [r.name, r.value]));
    const lowCardinalityOff = known.get('allow_experimental_low_cardinality_type') === '0';
    return {
      settings: {
        // UInt64 as JSON numbers, as the embedded driver returns them; callers sum fen amounts
        // far below 2^53.
        output_format_json_quote_64bit_integers: 0,
        ...(lowCardinalityOff ? { allow_experimental_low_cardinality_type: 1 } : {}),
        ...callerSettings,
      },
      dedupToken: known.has('insert_deduplication_token'),
    };
  }

  async function settingsFor(): Promise<ClickHouseSettings> {
    return (await getTraits()).settings as ClickHouseSettings;
  }

  return {
    kind: 'server',
    async query<T>(sql: string, params?: Params): Promise<T[]> {
      try {
        const rs = await client.query({
          query: sql,
          format: 'JSONEachRow',
          query_params: params,
          clickhouse_settings: await settingsFor(),
        });
        return parseRows<T>(await rs.text());
      } catch (cause) {
        throw toWarehouseError(cause);
      }
    },
    async command(sql: string, params?: Params): Promise<void> {
      try {
        await client.command({ query: sql, query_params: params, clickhouse_settings: await settingsFor() });
      } catch (cause) {
        throw toWarehouseError(cause);
      }
    },
    async insert(table: string, rows: readonly Record<string, unknown>[], opts?: InsertOptions): Promise<void> {
      if (rows.length === 0) return;
      try {
        const t = await getTraits();
        // A server without the setting (18.16 among them) would refuse the whole insert; there the
        // token is dropped and a retried insert may duplicate rows, as it would on a MergeTree
        // without non_replicated_deduplication_window anyway.
        const dedup = opts?.dedupToken && t.dedupToken ? { insert_deduplication_token: opts.dedupToken } : {};
        await client.insert({
          table,
          // Named columns: a column left out of the list gets its DEFAULT expression. Without the
          // list, 18.16 (no input_format_defaults_for_omitted_fields) fills an omitted
          // `ingested_at DEFAULT now()` with 1970 instead.
          columns: columnsOf(rows),
          values: rows as Record<string, unknown>[],
          format: 'JSONEachRow',
          clickhouse_settings: { ...t.settings, ...dedup } as ClickHouseSettings,
        });
      } catch (cause) {
        throw toWarehouseError(cause);
      }
    },
    async supportsInsertDedup(): Promise<boolean> {
      return (await getTraits()).dedupToken;
    },
    reader(limits: ReaderLimits): Warehouse {
      // Its own client, with the limits sent on every request. `readonly` comes last: the server
      // applies the settings in order, and at readonly = 1 it refuses to change any after it.
      const inner = createServerWarehouse({
        ...options,
        settings: {
          ...callerSettings,
          max_execution_time: limits.maxExecutionSeconds,
          max_memory_usage: limits.maxMemoryBytes,
          readonly: 1,
        },
      });
      const self: Warehouse = {
        ...inner,
        command: async () => { throw readOnlyRefusal('command'); },
        insert: async () => { throw readOnlyRefusal('insert'); },
        reader: () => self,
        sqlEngine: () => { throw readOnlyRefusal('a workbench engine from a reader'); },
      };
      return self;
    },
    sqlEngine(limits: SqlLimits): SqlEngine {
      if (!options.analyst) {
        throw new WarehouseError('the SQL workbench needs a read-only ClickHouse user of its own: set CLICKHOUSE_ANALYST_USER and CLICKHOUSE_ANALYST_PASSWORD (docs/deploy.md)', {
          code: 'NO_ANALYST_USER', retryable: false,
        });
      }
      return createServerSqlEngine({
        url: options.url, database: options.database, analyst: options.analyst,
        platform: { username: options.username ?? 'default', password: options.password ?? '' },
      }, limits);
    },
    async ping(): Promise<string> {
      // Straight to the server, not through getTraits: ping must work even if detection would not.
      try {
        const rs = await client.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' });
        const [row] = await rs.json<{ v: string }>();
        return `server ${row?.v ?? '?'}`;
      } catch (cause) {
        throw toWarehouseError(cause);
      }
    },
    async close(): Promise<void> {
      // Destroys the keep-alive agent. Node unrefs idle pooled sockets, so they never held the
      // process open; this hangs them up now instead of after the pool's 2.5 s idle timer.
      await client.close();
    },
  };
}

function columnsOf(rows: readonly Record<string, unknown>[]): [string, ...string[]] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  // Quoted: the client splices the list into the INSERT as is.
  return [...names].map((n) => `\`${n.replace(/[`\\]/g, '\\$&')}\``) as [string, ...string[]];
}

// Without wait_end_of_query the server sends 200 and streams; an error after the first block
// arrives as plain `Code: N ...` text at the end of the body instead of an HTTP error.
function parseRows<T>(text: string): T[] {
  try {
    return parseJsonEachRow<T>(text);
  } catch (cause) {
    const tail = /(?:^|\n)(Code: \d+[.,][^\n]*)\s*$/.exec(text);
    throw tail ? new Error(tail[1]) : cause;
  }
}

const RETRYABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// Said by a proxy or load balancer in front of ClickHouse, or by the client on its own timeout.
const TRANSIENT_MESSAGE = /socket hang up|timeout error|timed out|service unavailable|bad gateway|gateway time-?out|no healthy upstream|upstream connect error|\b50[234]\b/i;

function toWarehouseError(cause: unknown): WarehouseError {
  if (cause instanceof WarehouseError) return cause;
  const e = (cause ?? {}) as { message?: string; code?: string | number; name?: string };
  // 18.16 ends every message with `, e.what() = DB::Exception`, which says nothing.
  const message = (e.message ?? String(cause)).trim().replace(/, e\.what\(\) = DB::Exception$/, '');
  // A modern server's error parses into ClickHouseError with a numeric string `code`; 18.16's
  // `Code: 60, e.displayText() = ...` does not match the client's pattern, so read it here.
  const chCode = /^\d+$/.test(String(e.code ?? '')) ? Number(e.code) : Number(/\bCode: (\d+)/.exec(message)?.[1] ?? NaN);
  if (Number.isInteger(chCode)) {
    return new WarehouseError(message, { code: `CH_${chCode}`, retryable: RETRYABLE_CODES.has(chCode), cause });
  }
  const errno = typeof e.code === 'string' ? e.code : undefined;
  const retryable = (errno !== undefined && RETRYABLE_ERRNO.has(errno)) || e.name === 'AbortError' || TRANSIENT_MESSAGE.test(message);
  const code = errno ?? (/time/i.test(message) ? 'TIMEOUT' : retryable ? 'UNAVAILABLE' : 'UNKNOWN');
  return new WarehouseError(message, { code, retryable, cause });
}
