// Kafka -> embedded warehouse ingest benchmark. Loads N generated events into fresh topics on
// the local broker (started if needed) and into NDJSON files, then times:
//   1. the engine's own INSERT ... SELECT FROM file(..., JSONEachRow) of the same events (reference),
//   2. a no-op kafkajs consumer draining the topics (the client's ceiling),
//   3. ClickHouse's own Kafka table engine with a materialized view per stream (JSON parsed in SQL,
//      no validation, at least once: the peer a user would pick instead),
//   4. our Kafka source: decode, validate, batch, id check, insert with tokens, commit, in a process
//      of its own (scripts/bench-ingest-drain.ts); with its peak RSS, and the wall time of each
//      kind of warehouse call (where the time goes).
// Prints events per second and the ratios; the last line is one JSON object with the figures.
// Where the time goes: the cores the process kept busy, CPU seconds by thread (JavaScript, the
// engine's query and merge pools, V8's helpers), how long warehouse calls were outstanding, the
// time of each kind of call, the memory at the peak, and the rows each table's merges rewrote.
// Each drain starts from empty raw, rollup and bookkeeping tables with no merge still running, so
// no run pays for merging an earlier run's parts.
//   npm run bench:ingest -- --events 1000000 [--seed 7] [--partitions 3] [--batch-rows 25000] [--sessions 2] [--serial]
//     [--table-settings 'merge_selector_base = 20']  (applied to every MergeTree table, for all four runs)
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_KINDS, type EventKind } from '../contracts/events.ts';
import { createKafka } from '../ingest/kafka/client.ts';
import { createStreamProducer } from '../ingest/kafka/producer.ts';
import { ensureTopics, topicNames } from '../ingest/kafka/topics.ts';
import { createGenerator } from '../ingest/sources/generator.ts';
import { loadModelData } from '../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import { dropKafkaEngineTables, kafkaEngineTables, REFERENCE_INSERTS } from './bench-reference-sql.ts';
import { threadCpu, threadCpuSince } from './thread-cpu.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '7' },
    partitions: { type: 'string', default: '3' },
    'batch-rows': { type: 'string', default: '25000' },
    serial: { type: 'boolean', default: false },
    sessions: { type: 'string', default: '2' },
    'table-settings': { type: 'string' },
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092' },
  },
});
const N = Number(args.events);
const root = join(import.meta.dirname, '..');
const log = (m: string) => process.stderr.write(`${m}\n`);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
// Cores this process kept busy (all its threads: JavaScript, the engine's, kafkajs's), since `from`.
const cores = (from: NodeJS.CpuUsage, ms: number) => {
  const u = process.cpuUsage(from);
  return +((u.user + u.system) / 1000 / ms).toFixed(2);
};

if (!args.brokers!.startsWith('127.0.0.1:19092') || process.env.KAFKA_BROKERS) {
  log(`using brokers ${args.brokers}`);
} else {
  execFileSync('bash', [join(root, 'scripts/kafka.sh'), 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Load: the same N events into Kafka and into one NDJSON file per stream.
const work = mkdtempSync(join(tmpdir(), 'cx-bench-'));
const seed = Number(args.seed);
const gen = createGenerator({ ...loadModelData(seed), seed });
const kafka = createKafka({ brokers: args.brokers!.split(',') });
const prefix = `bench${Date.now().toString(36)}`;
const topics = topicNames(prefix);
const admin = kafka.admin();
await admin.connect();
await ensureTopics(admin, topics, { partitions: Number(args.partitions) });
const producer = await createStreamProducer(kafka, topics, 10_000);
const files = Object.fromEntries(EVENT_KINDS.map((k) => [k, createWriteStream(join(work, `${k}.ndjson`))])) as unknown as Record<EventKind, WriteStream>;
const counts: Record<EventKind, number> = { pos: 0, distribution: 0, parcel: 0 };
let loaded = 0;
const loadStart = Date.now();
outer: for (const day of gen.days('2025-01-01', 3650)) {
  for (const r of gen.day(day)) {
    if (loaded >= N) break outer;
    await producer.send(r);
    if (!files[r.kind].write(`${JSON.stringify(r.value)}\n`)) await new Promise((res) => files[r.kind].once('drain', res));
    counts[r.kind]++;
    if (++loaded % 100_000 === 0) log(`loaded ${loaded.toLocaleString()} / ${N.toLocaleString()}`);
  }
}
await producer.close();
await Promise.all(Object.values(files).map((f) => new Promise<void>((res) => f.end(() => res()))));
log(`loaded ${loaded.toLocaleString()} events (${JSON.stringify(counts)}) into Kafka and files in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

const wh = createEmbeddedWarehouse({ path: join(work, 'chdb'), sessions: Number(args.sessions) });
await migrate(wh, readMigrations(join(root, 'sql/migrations')));
if (args['table-settings']) {
  for (const { name } of await wh.query<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree'")) {
    await wh.command(`ALTER TABLE ${name} MODIFY SETTING ${args['table-settings']}`);
  }
}
// Every table an event reaches: the raw tables, the targets of their materialized views (and of
// views of those), and the ingest's bookkeeping.
const written = await wh.query<{ name: string }>(
  `SELECT name FROM system.tables WHERE database = currentDatabase() AND (
     name IN ('pos_lines', 'distribution_txns', 'parcel_volumes', 'ingest_event_ids', 'ingest_batches')
     OR name IN (SELECT extract(create_table_query, 'MATERIALIZED VIEW \\\\S+ TO (?:\\\\S+\\\\.)?(\\\\w+)') FROM system.tables
                 WHERE database = currentDatabase() AND engine = 'MaterializedView'))`);
const truncate = async () => {
  for (const { name } of written) await wh.command(`TRUNCATE TABLE ${name}`);
  while (Number((await wh.query<{ n: number }>('SELECT count() AS n FROM system.merges'))[0]!.n) > 0) await new Promise((r) => setTimeout(r, 100));
};
log(`tables emptied between runs: ${written.map((w) => w.name).join(', ')}`);
const posLines = async () => Number((await wh.query<{ n: number }>('SELECT count() AS n FROM pos_lines'))[0]!.n);

// 1. Reference: the engine parses and flattens the same files itself.
let t = Date.now();
let cpu = process.cpuUsage();
let threads = threadCpu();
for (const k of EVENT_KINDS) await wh.command(REFERENCE_INSERTS[k](join(work, `${k}.ndjson`)));
const engineMs = Date.now() - t;
const engineCores = cores(cpu, engineMs);
const engineThreads = threadCpuSince(threads);
const referenceLines = await posLines();
log(`engine INSERT SELECT FROM file: ${rate(loaded, engineMs).toLocaleString()} events/s (${engineMs} ms, ${engineCores} cores busy, ${referenceLines} POS lines)`);
log(`  CPU seconds by thread: ${engineThreads.map(([n, s]) => `${n} ${s}`).join(', ')}`);
await truncate();

// 2. A consumer that does nothing: what kafkajs itself can deliver.
const noopGroup = `${topics.pos}-noop`;
const noop = kafka.consumer({ groupId: noopGroup, maxBytesPerPartition: 4 << 20 });
await noop.connect();
await noop.subscribe({ topics: Object.values(topics), fromBeginning: true });
let seen = 0;
t = Date.now();
await new Promise<void>((resolve) => {
  void noop.run({ eachBatch: async ({ batch }) => { seen += batch.messages.length; if (seen >= loaded) resolve(); } });
});
const noopMs = Date.now() - t;
await noop.disconnect();
log(`no-op kafkajs consumer: ${rate(loaded, noopMs).toLocaleString()} events/s (${noopMs} ms)`);

// 3. The engine's Kafka table engine: a Kafka table and a materialized view per stream.
const counted = async () => {
  let n = 0;
  for (const t of ['pos_lines', 'distribution_txns', 'parcel_volumes']) n += Number((await wh.query<{ n: number }>(`SELECT count() AS n FROM ${t}`))[0]!.n);
  return n;
};
const expectedRows = referenceLines + counts.distribution + counts.parcel;
t = Date.now();
cpu = process.cpuUsage();
threads = threadCpu();
for (const k of EVENT_KINDS) {
  for (const sql of kafkaEngineTables(k, topics[k], args.brokers!, `${topics[k]}-kafka-engine`, Number(args.partitions))) await wh.command(sql);
}
let kafkaEngineRows = 0;
let lastLog = Date.now();
while ((kafkaEngineRows = await counted()) < expectedRows && Date.now() - t < 600_000) {
  await new Promise((r) => setTimeout(r, 50));
  if (process.env.BENCH_DEBUG && Date.now() - lastLog > 1000) { lastLog = Date.now(); log(`  kafka engine: ${kafkaEngineRows} rows after ${Date.now() - t} ms`); }
}
const kafkaEngineMs = Date.now() - t;
const kafkaEngineCores = cores(cpu, kafkaEngineMs);
const kafkaEngineThreads = threadCpuSince(threads);
for (const k of EVENT_KINDS) for (const sql of dropKafkaEngineTables(k)) await wh.command(sql);
log(`ClickHouse Kafka engine + materialized views: ${rate(loaded, kafkaEngineMs).toLocaleString()} events/s (${kafkaEngineMs} ms, ${kafkaEngineCores} cores busy, ${kafkaEngineRows} rows of ${expectedRows})`);
log(`  CPU seconds by thread: ${kafkaEngineThreads.map(([n, s]) => `${n} ${s}`).join(', ')}`);
await truncate();

// 4. Ours, with full validation, in a process of its own (scripts/bench-ingest-drain.ts) with a
// warehouse of its own, as `npm run ingest` runs: its peak RSS is the ingest process's, not this
// process's with the reference runs' engine state in it. It reports where the time went itself.
const drain = execFileSync(process.execPath, [
  ...process.execArgv, join(root, 'scripts/bench-ingest-drain.ts'), '--prefix', prefix, '--events', String(loaded), '--brokers', args.brokers!,
  '--batch-rows', args['batch-rows']!, '--sessions', args.sessions!,
  ...(args.serial ? ['--serial'] : []), ...(args['table-settings'] ? ['--table-settings', args['table-settings']] : []),
], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 20 });
const ours = JSON.parse(drain.trim().split('\n').at(-1)!) as { ms: number; coresBusy: number; peakRssMiB: number; warehouseBusyShare: number; lines: number; batches: number };
const oursMs = ours.ms;
const lines = ours.lines;
if (lines !== referenceLines) log(`WARNING: ${lines} POS lines from Kafka, ${referenceLines} from the reference`);

await admin.deleteTopics({ topics: Object.values(topics).flatMap((x) => [x, `${x}.dlq`]) }).catch(() => {});
await admin.disconnect();
await wh.close();
rmSync(work, { recursive: true, force: true });

const result = {
  events: loaded,
  machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  oursEventsPerSec: rate(loaded, oursMs),
  engineFileEventsPerSec: rate(loaded, engineMs),
  noopConsumerEventsPerSec: rate(loaded, noopMs),
  kafkaEngineEventsPerSec: rate(loaded, kafkaEngineMs),
  batchRows: Number(args['batch-rows']),
  peakRssMiB: ours.peakRssMiB,
  coresBusy: { engineFile: engineCores, kafkaEngine: kafkaEngineCores, ours: ours.coresBusy },
  warehouseBusyShare: ours.warehouseBusyShare,
  ratioToEngine: +(engineMs / oursMs).toFixed(3),
  ratioToKafkaEngine: +(kafkaEngineMs / oursMs).toFixed(3),
  ratioToNoopConsumer: +(noopMs / oursMs).toFixed(3),
  posLines: lines,
  posLinesMatchReference: lines === referenceLines,
};
console.log(JSON.stringify(result));
