// The platform's main job: open the warehouse (embedded chdb unless CLICKHOUSE_URL is set),
// migrate, load reference data, run ingest (from Kafka when KAFKA_BROKERS is set, else from the
// in-process generator), and serve the API and web app. The only module that reads the
// environment, opens a port or starts a source.
//   tsx main.ts          everything in one process (npm start)
//   tsx main.ts ingest   migrations, reference data and ingest, with /healthz and /metrics on PORT
//   tsx main.ts serve    the API and web app; waits until the ingest process has migrated
// Apart, the two run at the same time only on a ClickHouse server: the embedded warehouse is one
// process's (docs/deploy.md). Several `ingest` processes share the Kafka partitions of one group.
import { join } from 'node:path';
import { createApp, type AppLocals } from './api/app.ts';
import { createAuditLog } from './api/audit.ts';
import { createHttpServer } from './api/http-server.ts';
import { startReportScheduler } from './api/officials/report-scheduler.ts';
import { ensureDemoAccounts } from './api/auth/demo-accounts.ts';
import { sessionSecret } from './api/auth/session-secret.ts';
import { createAuthServices } from './api/auth/services.ts';
import { createJsonLogger } from './api/logger.ts';
import { apiLimits, isDemo, migrateOptions, parseConfig, sqlLimits, warehouseConfig } from './config.ts';
import { startInProcessIngest } from './ingest/start-in-process.ts';
import { startKafkaIngest } from './ingest/start-kafka.ts';
import { loadModelData } from './ingest/sources/model-data.ts';
import { migrate, migrationStatus, readMigrations } from './warehouse/migrate.ts';
import { createIngestHealthServer } from './ingest/health-server.ts';
import { healthCheck } from './api/routes/health.ts';
import { openWarehouse } from './warehouse/open.ts';
import { assertSupported } from './warehouse/supported.ts';
import { loadQueries } from './warehouse/queries.ts';
import { loadAreas, loadStores } from './warehouse/reference.ts';
import { loadNationalSeries, loadPlanTargets } from './warehouse/officials-reference.ts';
import { loadCities, loadReferenceTables } from './warehouse/reference-tables.ts';

const root = import.meta.dirname;
const logger = createJsonLogger();
// A start-up failure (a bad variable, a warehouse in use or unreachable) ends the process with one
// JSON line that says what is wrong; so does anything else uncaught later.
process.on('uncaughtException', (e) => {
  logger.error('fatal', { error: e.message, stack: e.stack?.split('\n').slice(1, 4).join(' | ') });
  process.exit(1);
});
const ROLES = ['all', 'ingest', 'serve'] as const;
const role = (process.argv[2] ?? 'all') as (typeof ROLES)[number];
if (!ROLES.includes(role)) {
  logger.error('fatal', { error: `unknown role ${process.argv[2]}: main.ts [ingest|serve] (nothing: both)` });
  process.exit(1);
}
// A stop asked for during start-up (a deployment's restart, a test's drain) is remembered and
// carried out once there is something to stop: Node's default would end the process with a batch
// in hand (no data lost, docs/exactly-once.md, but a crash where a stop was asked for).
// A second signal before then stops at once (Ctrl+C twice during a long migration).
let stopWith: ((signal: string) => Promise<void>) | null = null;
let signalled: string | null = null;
const onSignal = (signal: string) => {
  if (stopWith) return void stopWith(signal);
  if (signalled) process.exit(130);
  signalled = signal;
  process.stderr.write(`${signal}: stopping once start-up is done (again to stop now)\n`);
};
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
function stopOnSignal(stop: (signal: string) => Promise<void>) {
  stopWith = stop;
  if (signalled) void stop(signalled);
}

const config = parseConfig(process.env);
const secret = sessionSecret(config);
const started = Date.now();

const warehouse = openWarehouse(warehouseConfig(config), {
  onRepair: (repairs) => logger.warn('deduplication logs repaired: blocks recorded without their part (the engine was killed mid-commit); the replay writes them', { repairs }),
});
await assertSupported(warehouse); // a server older than 23.8: one line naming the minimum, and stop
const migrations = readMigrations(join(root, 'sql/migrations'));
const queries = loadQueries(join(root, 'sql/queries'));
// The simulated county's reference (areas, stores): loaded into the warehouse and fed to the
// generator by whichever process migrates and ingests; the API reads it from the warehouse.
const model = role === 'serve' ? null : loadModelData(config.SIM_SEED, root);
if (role === 'serve') {
  // The ingest process migrates and loads the reference; two migrating at once could both backfill a new rollup.
  await waitForMigrations();
} else {
  const { applied } = await migrate(warehouse, migrations, migrateOptions(config));
  const { areas, stores } = model!;
  await loadAreas(warehouse, areas);
  await loadStores(warehouse, stores);
  const reference = await loadReferenceTables(warehouse, {
    products: join(root, 'reference/products.json'), categories: join(root, 'reference/categories.json'),
    training: join(root, 'reference/training-sessions.json'), national: join(root, 'reference/national-online-retail.csv'),
  });
  const cities = await loadCities(warehouse, join(root, 'reference/cities.json'));
  const officials = {
    nationalSeries: await loadNationalSeries(warehouse, join(root, 'reference/national-online-retail-periods.csv')),
    planTargets: await loadPlanTargets(warehouse, join(root, 'reference/plan-targets.json')),
  };
  logger.info('warehouse ready', { engine: await warehouse.ping(), migrationsApplied: applied, areas: areas.length, stores: stores.length, loaded: { ...reference, cities, ...officials } });
}

const ingest = role === 'serve' ? null : config.KAFKA_BROKERS
  ? await startKafkaIngest({ config, warehouse, logger })
  : await startInProcessIngest({ config, warehouse, model: model!, logger });

if (role === 'ingest') {
  const health = createIngestHealthServer({
    check: healthCheck({ warehouse, migrations, ingest: ingest!.status }), metrics: ingest!.metrics,
  }).listen(config.PORT, config.HOST, () => {
    logger.info('ingesting', { health: `http://${config.HOST}:${config.PORT}/healthz`, startupMs: Date.now() - started });
  });
  const stopIngest = async (signal: string) => {
    logger.info('shutting down', { signal });
    health.close();
    await ingest!.stop();
    await warehouse.close();
    logger.info('stopped', {});
    process.exit(0);
  };
  stopOnSignal(stopIngest);
} else {
  await serve();
}

async function waitForMigrations() {
  for (let waited = 0; ; waited += 2) {
    const { missing } = await migrationStatus(warehouse, migrations).catch(() => ({ missing: ['(warehouse unreachable)'] }));
    if (missing.length === 0) return;
    if (waited % 30 === 0) logger.info('waiting for the ingest process to migrate', { missing });
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

async function serve() {
  // The API gets sessions of its own on the same warehouse: its sign-ins and audit rows do not wait
  // behind ingest's inserts, and users' queries go through read-only sessions with engine limits.
  const apiWarehouse = openWarehouse(warehouseConfig(config));
  const demo = isDemo(config);
  const authOptions = { secret, sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000, demo };
  const services = createAuthServices({ warehouse: apiWarehouse, queries, options: authOptions });
  if (demo) {
    const accounts = await ensureDemoAccounts(services.accounts, config.DEMO_PASSWORD);
    logger.info('demo accounts', { password: config.DEMO_PASSWORD, accounts: accounts.map((a) => `${a.login} (${a.role})`) });
    process.stdout.write(`\nDemo accounts (password "${config.DEMO_PASSWORD}", or one click on the sign-in page):\n${
      accounts.map((a) => `  ${a.login.padEnd(22)} ${a.role.padEnd(9)} ${a.name}`).join('\n')}\n\n`);
  }
  const audit = createAuditLog({ warehouse: apiWarehouse, logger });
  const app = createApp({
    warehouse: apiWarehouse, queries, migrations, logger, webDir: join(root, 'web/dist'), ingest: ingest?.status, metrics: ingest?.metrics, backfill: ingest?.backfillProgress,
    auth: authOptions, services, audit, limits: apiLimits(config), sqlLimits: sqlLimits(config), trustProxy: config.TRUST_PROXY,
  });
  const reports = startReportScheduler({
    writer: apiWarehouse, reader: apiWarehouse.reader({ maxExecutionSeconds: 120, maxMemoryBytes: 2 * 1024 ** 3, sessions: 1 }),
    queries, directory: services.directory, clock: Date.now, logger, catchingUp: () => ingest?.catchingUp?.() ?? false,
  });
  const server = createHttpServer(app).listen(config.PORT, config.HOST, () => {
    logger.info('serving', { url: `http://${config.HOST}:${config.PORT}/`, startupMs: Date.now() - started });
  });

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close();
    reports.stop();
    await (app.locals as unknown as AppLocals).close();
    await ingest?.stop();
    logger.info('ingest stopped', {});
    await apiWarehouse.close();
    await warehouse.close();
    logger.info('stopped', {});
    process.exit(0);
  }
  stopOnSignal(shutdown);
}
