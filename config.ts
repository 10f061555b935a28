// The process's configuration: the environment, read once and normalized into a fully defaulted
// object. Only main.ts calls this; everything else receives the values it needs.
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data/chdb'),
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_ANALYST_USER: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/).optional(),
  CLICKHOUSE_ANALYST_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  // The servers' cluster: migrations create replicated tables on every replica (docs/deploy.md).
  CLICKHOUSE_CLUSTER: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a cluster name from the servers\' remote_servers').optional(),
  SIM_SEED: z.coerce.number().int().default(20201),
  SIM_BACKFILL_DAYS: z.coerce.number().int().min(0).max(3660).optional(), // from 1 January two years back by default
  SIM_SCALE: z.coerce.number().positive().max(100).default(1),
  SIM_RATE: z.coerce.number().min(0).max(100_000).default(5),
  SIM_BAD_SHARE: z.coerce.number().min(0).max(1).default(0.002),
  KAFKA_BROKERS: z.string().regex(/^[^,\s]+(,[^,\s]+)*$/, 'must be host:port[,host:port...]').optional(),
  KAFKA_CLIENT_ID: z.string().default('cx-platform'),
  KAFKA_GROUP_ID: z.string().default('cx-ingest'),
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]+$/).default('cx'),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  KAFKA_SSL: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  INGEST_BATCH_ROWS: z.coerce.number().int().min(1).default(25_000),
  INGEST_BATCH_MS: z.coerce.number().int().min(10).default(1_000),
  INGEST_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1_024).max(64 << 20).default(1 << 20),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (random; the same on every API process)').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(168),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  TRUST_PROXY: z.string().optional().transform((v) => (v === undefined ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v)),
  API_QUERY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  API_QUERY_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(15),
  API_QUERY_MEMORY_MB: z.coerce.number().int().min(64).default(2048),
  SQL_ROW_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  SQL_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(30),
  SQL_EXPORT_TIMEOUT_S: z.coerce.number().int().min(1).max(86_400).default(600),
  SQL_MAX_READ_GB: z.coerce.number().positive().default(20),
  SQL_MEMORY_MB: z.coerce.number().int().min(64).default(2048),
  SQL_RUNNING: z.coerce.number().int().min(1).max(64).default(4),
  API_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(1_200),
  API_RATE_PER_ACCOUNT: z.coerce.number().int().min(1).default(600),
});

export type Config = z.infer<typeof schema>;

/** Parses an environment; a bad value stops start-up with the variable named. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.data.CLICKHOUSE_CLUSTER && !parsed.data.CLICKHOUSE_URL) {
    throw new Error('invalid environment variable CLICKHOUSE_CLUSTER: needs CLICKHOUSE_URL (a cluster is of ClickHouse servers, not the embedded engine)');
  }
  return parsed.data;
}

/** How migrations run: on one server, or on every replica of the configured cluster. */
export function migrateOptions(config: Config) {
  return config.CLICKHOUSE_CLUSTER
    ? { cluster: { name: config.CLICKHOUSE_CLUSTER, database: config.CLICKHOUSE_DATABASE ?? 'default' } }
    : {};
}

/** What the warehouse factory needs, from the configuration. */
export function warehouseConfig(config: Config) {
  return {
    clickhouseUrl: config.CLICKHOUSE_URL, clickhouseUser: config.CLICKHOUSE_USER, clickhousePassword: config.CLICKHOUSE_PASSWORD,
    clickhouseDatabase: config.CLICKHOUSE_DATABASE, dataDir: config.DATA_DIR,
    clickhouseAnalystUser: config.CLICKHOUSE_ANALYST_USER, clickhouseAnalystPassword: config.CLICKHOUSE_ANALYST_PASSWORD,
  };
}

/** Demo accounts and one-click demo sign-in: only on the embedded default with its simulator. */
export const isDemo = (config: Config): boolean => !config.KAFKA_BROKERS && !config.CLICKHOUSE_URL;

/** What createApp needs of its limits, from the configuration. */
export function apiLimits(config: Config) {
  return {
    queryConcurrency: config.API_QUERY_CONCURRENCY, queryPerCaller: Math.min(2, config.API_QUERY_CONCURRENCY),
    queryTimeoutSeconds: config.API_QUERY_TIMEOUT_S, queryMemoryBytes: config.API_QUERY_MEMORY_MB * 1024 * 1024,
    perAddressPerMinute: config.API_RATE_PER_ADDRESS, perAccountPerMinute: config.API_RATE_PER_ACCOUNT,
  };
}

/** The SQL workbench's limits, from the configuration. */
export function sqlLimits(config: Config) {
  return {
    rowLimit: config.SQL_ROW_LIMIT, timeoutSeconds: config.SQL_TIMEOUT_S, exportTimeoutSeconds: config.SQL_EXPORT_TIMEOUT_S,
    maxBytesRead: Math.round(config.SQL_MAX_READ_GB * 1024 ** 3), maxMemoryBytes: config.SQL_MEMORY_MB * 1024 * 1024, running: config.SQL_RUNNING,
  };
}
