// The platform's main job on one process: open the warehouse (embedded chdb unless
// CLICKHOUSE_URL is set), migrate, load reference data, run the ingest pipeline from the
// in-process source, and serve the API and the web app. The only module that reads the
// environment, opens a port or starts a source.
import { join } from 'node:path';
import { createApp } from './api/app.ts';
import { createJsonLogger } from './api/logger.ts';
import { addDays, shanghaiDay } from './contracts/time.ts';
import { parseConfig } from './config.ts';
import { createWarehouseDeadLetters } from './ingest/dead-letters.ts';
import { createPipeline } from './ingest/pipeline.ts';
import { createGenerator } from './ingest/sources/generator.ts';
import { createInProcessSource } from './ingest/sources/in-process.ts';
import { deriveStores } from './ingest/sources/stores.ts';
import { migrate, readMigrations } from './warehouse/migrate.ts';
import { openWarehouse } from './warehouse/open.ts';
import { loadQueries } from './warehouse/queries.ts';
import { loadAreas, loadStores, readAreas } from './warehouse/reference.ts';
import { createProgressBar } from './scripts/progress.ts';

const root = import.meta.dirname;
const config = parseConfig(process.env);
const logger = createJsonLogger();
const started = Date.now();

const warehouse = openWarehouse({
  clickhouseUrl: config.CLICKHOUSE_URL, clickhouseUser: config.CLICKHOUSE_USER,
  clickhousePassword: config.CLICKHOUSE_PASSWORD, clickhouseDatabase: config.CLICKHOUSE_DATABASE,
  dataDir: config.DATA_DIR,
});
const migrations = readMigrations(join(root, 'sql/migrations'));
const queries = loadQueries(join(root, 'sql/queries'));
const { applied } = await migrate(warehouse, migrations);
const areas = readAreas(join(root, 'reference/chuxiong-areas.json'));
await loadAreas(warehouse, areas);
const stores = deriveStores(areas, config.SIM_SEED);
await loadStores(warehouse, stores);
logger.info('warehouse ready', { engine: await warehouse.ping(), migrationsApplied: applied, areas: areas.length, stores: stores.length });

const pipeline = createPipeline({
  warehouse,
  deadLetters: createWarehouseDeadLetters(warehouse),
  batchMaxRows: config.INGEST_BATCH_ROWS,
  batchMaxMs: config.INGEST_BATCH_MS,
  onRetry: (e, attempt, delayMs) => logger.warn('warehouse insert failed; retrying', { attempt, delayMs, error: e.message }),
});

// Backfill only an empty warehouse: a restart keeps what the last run loaded and goes live.
const [existing] = await warehouse.query<{ n: number }>('SELECT count() AS n FROM pos_lines');
const backfillDays = Number(existing?.n) > 0 ? 0 : config.SIM_BACKFILL_DAYS;
const today = shanghaiDay(Date.now());
const bar = createProgressBar('backfill', process.stderr);
const source = createInProcessSource({
  generator: createGenerator({ seed: config.SIM_SEED, stores, scale: config.SIM_SCALE, badShare: config.SIM_BAD_SHARE }),
  pipeline,
  backfillFrom: addDays(today, -backfillDays),
  backfillDays,
  ratePerSec: config.SIM_RATE,
  onProgress: (p) => bar.update(p.done, p.total, `${p.day} ${p.records.toLocaleString()} records`),
});
if (backfillDays === 0) logger.info('reusing the data already loaded', { posLines: Number(existing?.n) });

const app = createApp({
  warehouse, queries, migrations, logger, webDir: join(root, 'web/dist'),
  ingest: () => {
    const s = pipeline.stats();
    const src = source.status();
    const rejected = Object.values(s.rejected).reduce((a, b) => a + (b ?? 0), 0);
    return {
      running: src.running, source: `in-process (${src.phase})`, accepted: s.accepted, rejected,
      lastFlushAt: s.lastFlushAt ? new Date(s.lastFlushAt).toISOString() : null,
    };
  },
});
const server = app.listen(config.PORT, config.HOST, () => {
  logger.info('serving', { url: `http://${config.HOST}:${config.PORT}/`, startupMs: Date.now() - started });
});

const abort = new AbortController();
const running = source.run(abort.signal).then(
  () => logger.info('ingest stopped', { ...pipeline.stats() }),
  (e) => logger.error('ingest failed', { error: (e as Error).stack }),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  abort.abort();
  server.close();
  await running;
  await pipeline.close();
  await warehouse.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
