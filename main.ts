// The platform's main job on one process: open the warehouse (embedded chdb unless
// CLICKHOUSE_URL is set), migrate, load reference data, run ingest (from Kafka when
// KAFKA_BROKERS is set, else from the in-process generator), and serve the API and web app.
// The only module that reads the environment, opens a port or starts a source.
import { join } from 'node:path';
import { createApp } from './api/app.ts';
import { createJsonLogger } from './api/logger.ts';
import { parseConfig, warehouseConfig } from './config.ts';
import { startInProcessIngest } from './ingest/start-in-process.ts';
import { startKafkaIngest } from './ingest/start-kafka.ts';
import { loadModelData } from './ingest/sources/model-data.ts';
import { migrate, readMigrations } from './warehouse/migrate.ts';
import { openWarehouse } from './warehouse/open.ts';
import { loadQueries } from './warehouse/queries.ts';
import { loadAreas, loadStores } from './warehouse/reference.ts';
import { loadReferenceTables } from './warehouse/reference-tables.ts';

const root = import.meta.dirname;
const logger = createJsonLogger();
// A start-up failure (a bad variable, a warehouse in use or unreachable) ends the process with one
// JSON line that says what is wrong; so does anything else uncaught later.
process.on('uncaughtException', (e) => {
  logger.error('fatal', { error: e.message, stack: e.stack?.split('\n').slice(1, 4).join(' | ') });
  process.exit(1);
});
const config = parseConfig(process.env);
const started = Date.now();

const warehouse = openWarehouse(warehouseConfig(config));
const migrations = readMigrations(join(root, 'sql/migrations'));
const queries = loadQueries(join(root, 'sql/queries'));
const { applied } = await migrate(warehouse, migrations);
const model = loadModelData(config.SIM_SEED, root);
const { areas, stores } = model;
await loadAreas(warehouse, areas);
await loadStores(warehouse, stores);
const reference = await loadReferenceTables(warehouse, {
  products: join(root, 'reference/products.json'), categories: join(root, 'reference/categories.json'),
  training: join(root, 'reference/training-sessions.json'), national: join(root, 'reference/national-online-retail.csv'),
});
logger.info('warehouse ready', { engine: await warehouse.ping(), migrationsApplied: applied, areas: areas.length, stores: stores.length, loaded: reference });

const ingest = config.KAFKA_BROKERS
  ? await startKafkaIngest({ config, warehouse, logger })
  : await startInProcessIngest({ config, warehouse, model, logger });

const app = createApp({
  warehouse, queries, migrations, logger, webDir: join(root, 'web/dist'), ingest: ingest.status, metrics: ingest.metrics,
});
const server = app.listen(config.PORT, config.HOST, () => {
  logger.info('serving', { url: `http://${config.HOST}:${config.PORT}/`, startupMs: Date.now() - started });
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  server.close();
  await ingest.stop();
  logger.info('ingest stopped', {});
  await warehouse.close();
  logger.info('stopped', {});
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
