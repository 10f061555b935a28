// The drain of bench:ingest's fourth run, our Kafka source, in a process of its own, as
// `npm run ingest` runs: its peak RSS is then the ingest process's own, not that of a process that
// also held the engine state of the three reference runs before it (about 500 MiB). Spawned by
// scripts/bench-ingest.ts with the topics already loaded; opens a fresh embedded warehouse of its
// own, drains every topic, prints where the time went to stderr and one JSON line to stdout.
//   tsx scripts/bench-ingest-drain.ts --prefix <topics> --events N [--batch-rows 25000] [--sessions 2] [--serial] [--table-settings ...]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createKafka } from '../ingest/kafka/client.ts';
import { createKafkaSource } from '../ingest/kafka/consumer.ts';
import { topicNames } from '../ingest/kafka/topics.ts';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { threadCpu, threadCpuSince } from './thread-cpu.ts';

const { values: args } = parseArgs({
  options: {
    prefix: { type: 'string' },
    events: { type: 'string' },
    brokers: { type: 'string', default: '127.0.0.1:19092' },
    'batch-rows': { type: 'string', default: '25000' },
    sessions: { type: 'string', default: '2' },
    serial: { type: 'boolean', default: false },
    'table-settings': { type: 'string' },
  },
});
if (!args.prefix || !args.events) throw new Error('--prefix and --events are required');
const loaded = Number(args.events);
const root = join(import.meta.dirname, '..');
const log = (m: string) => process.stderr.write(`${m}\n`);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const mib = (b: number) => Math.round(b / 2 ** 20);

const work = mkdtempSync(join(tmpdir(), 'cx-bench-drain-'));
const wh = createEmbeddedWarehouse({ path: join(work, 'chdb'), sessions: Number(args.sessions) });
await migrate(wh, readMigrations(join(root, 'sql/migrations')));
if (args['table-settings']) {
  for (const { name } of await wh.query<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree'")) {
    await wh.command(`ALTER TABLE ${name} MODIFY SETTING ${args['table-settings']}`);
  }
}

// Every warehouse call is timed by kind (wall time: calls overlap). With --serial, calls are made
// one at a time, so each kind's time is the engine's own for it (the drain is slower then: use it
// to see where the engine's time goes, not for the rate).
const timing = new Map<string, { calls: number; ms: number }>();
// Time with at least one warehouse call outstanding: how long the warehouse kept our drain waiting,
// whatever the JavaScript thread did meanwhile.
let outstanding = 0;
let busySince = 0;
let warehouseBusyMs = 0;
let lastCall: Promise<unknown> = Promise.resolve();
function timed<A extends unknown[], R>(name: (...a: A) => string, f: (...a: A) => Promise<R>) {
  const call = async (...a: A): Promise<R> => {
    const t0 = performance.now();
    if (outstanding++ === 0) busySince = t0;
    try {
      return await f(...a);
    } finally {
      if (--outstanding === 0) warehouseBusyMs += performance.now() - busySince;
      const kind = name(...a);
      const e = timing.get(kind) ?? { calls: 0, ms: 0 };
      timing.set(kind, { calls: e.calls + 1, ms: e.ms + performance.now() - t0 });
    }
  };
  if (!args.serial) return call;
  return (...a: A): Promise<R> => {
    const result = lastCall.then(() => call(...a));
    lastCall = result.catch(() => {});
    return result;
  };
}
const callOf = (sql: string) => (/FROM (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
const timedWarehouse: Warehouse = {
  ...wh,
  insert: timed((table: string, ..._rest: unknown[]) => `insert ${table}`, wh.insert.bind(wh) as (table: string, ...rest: unknown[]) => Promise<void>) as Warehouse['insert'],
  insertJson: timed((table: string, ..._rest: unknown[]) => `insert ${table}`, wh.insertJson!.bind(wh) as (table: string, ...rest: unknown[]) => Promise<void>) as Warehouse['insertJson'],
  query: timed((sql: string) => `query ${callOf(sql)}`, wh.query.bind(wh)) as Warehouse['query'],
};

const kafka = createKafka({ brokers: args.brokers!.split(',') });
const topics = topicNames(args.prefix);
const source = createKafkaSource({ kafka, warehouse: timedWarehouse, topics, groupId: `${topics.pos}-ingest`, batchMaxRows: Number(args['batch-rows']) });
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) [peakRss, atPeak] = [m.rss, m];
}, 50);
const t = Date.now();
const cpu = process.cpuUsage();
const threads = threadCpu();
await source.start();
while (source.stats().consumed < loaded) await new Promise((r) => setTimeout(r, 20));
await source.stop(); // the last batches are written and committed
const ms = Date.now() - t;
const used = process.cpuUsage(cpu);
const coresBusy = +((used.user + used.system) / 1000 / ms).toFixed(2);
const byThread = threadCpuSince(threads);
clearInterval(sampler);
const stats = source.stats();
const lines = Number((await wh.query<{ n: number }>('SELECT count() AS n FROM pos_lines'))[0]!.n);
log(`our Kafka source (its own process): ${rate(loaded, ms).toLocaleString()} events/s (${ms} ms, ${coresBusy} cores busy, ${lines} POS lines, ${stats.batches} batches of up to ${args['batch-rows']} rows, peak RSS ${mib(peakRss)} MiB)`);
log(`  at the peak: JavaScript heap ${mib(atPeak.heapUsed)} of ${mib(atPeak.heapTotal)} MiB, buffers ${mib(atPeak.arrayBuffers)} MiB, the rest (the engine, code) ${mib(atPeak.rss - atPeak.heapTotal - atPeak.arrayBuffers)} MiB; RSS before the drain ${mib(rssBefore)} MiB`);
log(`  warehouse calls outstanding ${Math.round(warehouseBusyMs)} ms of the ${ms} ms`);
log(`  CPU seconds by thread: ${byThread.map(([n, s]) => `${n} ${s}`).join(', ')}`);
for (const [call, v] of [...timing].sort((a, b) => b[1].ms - a[1].ms)) log(`  ${call}: ${v.calls} calls, ${Math.round(v.ms)} ms in all, ${Math.round(v.ms / v.calls)} ms each`);
// The rows merges rewrote by table (merged parts still listed): write amplification.
// The active parts are what a page's query reads at that moment (more parts, more to open and merge).
const merged = await wh.query<{ table: string; merged_rows: number; active_rows: number; parts: number }>(
  `SELECT table, sumIf(rows, level > 0) AS merged_rows, sumIf(rows, active) AS active_rows, countIf(active) AS parts
   FROM system.parts WHERE database = currentDatabase() GROUP BY table ORDER BY merged_rows DESC LIMIT 6`);
log(`  rows rewritten by merges: ${merged.map((m) => `${m.table} ${Number(m.merged_rows).toLocaleString()} (of ${Number(m.active_rows).toLocaleString()} rows now, in ${m.parts} parts)`).join(', ')}`);
await wh.close();
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify({ ms, coresBusy, peakRssMiB: mib(peakRss), rssBeforeMiB: mib(rssBefore), warehouseBusyShare: +(warehouseBusyMs / ms).toFixed(3), lines, batches: stats.batches }));
