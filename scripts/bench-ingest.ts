// Kafka -> embedded warehouse ingest benchmark. Loads N generated events into fresh topics on
// the local broker (started if needed) and into NDJSON files, then times, in this one process:
//   1. the engine's own INSERT ... SELECT FROM file(..., JSONEachRow) of the same events (reference),
//   2. a no-op kafkajs consumer draining the topics (the client's ceiling),
//   3. ClickHouse's own Kafka table engine with a materialized view per stream (JSON parsed in SQL,
//      no validation, at least once: the peer a user would pick instead),
//   4. our Kafka source: decode, validate, batch, id check, insert with tokens, commit; with its
//      peak RSS, and the wall time of each kind of warehouse call (where the time goes).
// Prints events per second and the ratios; the last line is one JSON object with the figures.
//   npm run bench:ingest -- --events 1000000 [--seed 7] [--partitions 3] [--batch-rows 10000]
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_KINDS, type EventKind } from '../contracts/events.ts';
import { createKafka } from '../ingest/kafka/client.ts';
import { createKafkaSource } from '../ingest/kafka/consumer.ts';
import { createStreamProducer } from '../ingest/kafka/producer.ts';
import { ensureTopics, topicNames } from '../ingest/kafka/topics.ts';
import { createGenerator } from '../ingest/sources/generator.ts';
import { loadModelData } from '../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import { dropKafkaEngineTables, kafkaEngineTables, REFERENCE_INSERTS } from './bench-reference-sql.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '7' },
    partitions: { type: 'string', default: '3' },
    'batch-rows': { type: 'string', default: '10000' },
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092' },
  },
});
const N = Number(args.events);
const root = join(import.meta.dirname, '..');
const log = (m: string) => process.stderr.write(`${m}\n`);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

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
const topics = topicNames(`bench${Date.now().toString(36)}`);
const admin = kafka.admin();
await admin.connect();
await ensureTopics(admin, topics, Number(args.partitions));
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

const wh = createEmbeddedWarehouse({ path: join(work, 'chdb') });
await migrate(wh, readMigrations(join(root, 'sql/migrations')));
const truncate = async () => {
  for (const t of ['pos_lines', 'distribution_txns', 'parcel_volumes', 'demand_daily', 'ingest_event_ids', 'ingest_batches']) await wh.command(`TRUNCATE TABLE ${t}`);
};
const posLines = async () => Number((await wh.query<{ n: number }>('SELECT count() AS n FROM pos_lines'))[0]!.n);

// 1. Reference: the engine parses and flattens the same files itself.
let t = Date.now();
for (const k of EVENT_KINDS) await wh.command(REFERENCE_INSERTS[k](join(work, `${k}.ndjson`)));
const engineMs = Date.now() - t;
const referenceLines = await posLines();
log(`engine INSERT SELECT FROM file: ${rate(loaded, engineMs).toLocaleString()} events/s (${engineMs} ms, ${referenceLines} POS lines)`);
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
for (const k of EVENT_KINDS) for (const sql of dropKafkaEngineTables(k)) await wh.command(sql);
log(`ClickHouse Kafka engine + materialized views: ${rate(loaded, kafkaEngineMs).toLocaleString()} events/s (${kafkaEngineMs} ms, ${kafkaEngineRows} rows of ${expectedRows})`);
await truncate();

// 4. Ours, with full validation. Every warehouse call is timed by kind (wall time: calls overlap).
const timing = new Map<string, { calls: number; ms: number }>();
function timed<A extends unknown[], R>(name: (...a: A) => string, f: (...a: A) => Promise<R>) {
  return async (...a: A): Promise<R> => {
    const t0 = performance.now();
    try {
      return await f(...a);
    } finally {
      const e = timing.get(name(...a)) ?? { calls: 0, ms: 0 };
      e.calls++;
      e.ms += performance.now() - t0;
      timing.set(name(...a), e);
    }
  };
}
const callOf = (sql: string) => (/FROM (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
const timedWarehouse: Warehouse = {
  ...wh,
  insert: timed((table: string, ..._rest: unknown[]) => `insert ${table}`, wh.insert.bind(wh) as (table: string, ...rest: unknown[]) => Promise<void>) as Warehouse['insert'],
  query: timed((sql: string) => `query ${callOf(sql)}`, wh.query.bind(wh)) as Warehouse['query'],
};
const source = createKafkaSource({ kafka, warehouse: timedWarehouse, topics, groupId: `${topics.pos}-ingest`, batchMaxRows: Number(args['batch-rows']) });
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
t = Date.now();
await source.start();
while (source.stats().consumed < loaded) await new Promise((r) => setTimeout(r, 20));
await source.stop(); // the last batches are written and committed
const oursMs = Date.now() - t;
clearInterval(sampler);
const ours = source.stats();
const lines = await posLines();
log(`our Kafka source: ${rate(loaded, oursMs).toLocaleString()} events/s (${oursMs} ms, ${lines} POS lines, ${ours.batches} batches of up to ${args['batch-rows']} rows, peak RSS ${Math.round(peakRss / 2 ** 20)} MiB)`);
for (const [call, v] of [...timing].sort((a, b) => b[1].ms - a[1].ms)) log(`  ${call}: ${v.calls} calls, ${Math.round(v.ms)} ms in all, ${Math.round(v.ms / v.calls)} ms each`);
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
  peakRssMiB: Math.round(peakRss / 2 ** 20),
  ratioToEngine: +(engineMs / oursMs).toFixed(3),
  ratioToKafkaEngine: +(kafkaEngineMs / oursMs).toFixed(3),
  ratioToNoopConsumer: +(noopMs / oursMs).toFixed(3),
  posLines: lines,
  posLinesMatchReference: lines === referenceLines,
};
console.log(JSON.stringify(result));
