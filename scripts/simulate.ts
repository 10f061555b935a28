// Generated events for the Chuxiong stores, to standard output (NDJSON, one
// {"kind":...,"value":...} per line) or to Kafka. Deterministic from --seed.
//   npm run simulate -- --to stdout --seed 42 --days 7 [--from 2026-01-01] [--scale 1] [--bad-share 0]
//   npm run simulate -- --to kafka --events 100000 --seed 42 [--brokers 127.0.0.1:19092] [--prefix cx]
//   npm run simulate -- --to kafka --rate 50          (live: 50 receipts a second until Ctrl-C;
//                                                      after --days or --events when given too)
import { parseArgs } from 'node:util';
import { createKafka } from '../ingest/kafka/client.ts';
import { createStreamProducer } from '../ingest/kafka/producer.ts';
import { ensureTopics, topicNames } from '../ingest/kafka/topics.ts';
import { createGenerator, type GeneratedRecord } from '../ingest/sources/generator.ts';
import { loadModelData } from '../ingest/sources/model-data.ts';
import { createProgressBar } from '../ingest/progress.ts';

const { values: args } = parseArgs({
  options: {
    to: { type: 'string', default: 'stdout' },
    seed: { type: 'string', default: '42' },
    days: { type: 'string' },
    events: { type: 'string' },
    from: { type: 'string', default: '2026-01-01' },
    scale: { type: 'string', default: '1' },
    'bad-share': { type: 'string', default: '0' },
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092' },
    prefix: { type: 'string', default: process.env.KAFKA_TOPIC_PREFIX ?? 'cx' },
    partitions: { type: 'string', default: '3' },
    rate: { type: 'string', default: '0' },
  },
});

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(2);
}

const seed = Number(args.seed);
if (!Number.isInteger(seed)) fail(`invalid --seed: ${args.seed}`);
if (args.to !== 'stdout' && args.to !== 'kafka') fail(`invalid --to: ${args.to} (stdout or kafka)`);
const maxEvents = args.events === undefined ? Infinity : Number(args.events);
if (!(maxEvents > 0)) fail(`invalid --events: ${args.events}`);
// With only --events, generate as many days as it takes.
const days = args.days === undefined ? (args.events === undefined ? 1 : 3660) : Number(args.days);
if (!Number.isInteger(days) || days < 1) fail(`invalid --days: ${args.days}`);

const rate = Number(args.rate);
if (!(rate >= 0)) fail(`invalid --rate: ${args.rate}`);

const generator = createGenerator({ ...loadModelData(seed), seed, scale: Number(args.scale), badShare: Number(args['bad-share']) });

function* records(): Generator<GeneratedRecord> {
  let n = 0;
  const dayList = generator.days(args.from!, days);
  for (const [i, day] of dayList.entries()) {
    for (const r of generator.day(day)) {
      if (n++ >= maxEvents) return;
      yield r;
    }
    if (!Number.isFinite(maxEvents)) bar.update(i + 1, dayList.length, `${day} ${n.toLocaleString()} events`);
  }
}

interface Sink {
  send(r: GeneratedRecord): Promise<void>;
  close(): Promise<void>;
}

async function stdoutSink(): Promise<Sink> {
  // A closed pipe (`| head`) ends the run quietly instead of with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  let buffer = '';
  const flush = async () => {
    if (!process.stdout.write(buffer)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    buffer = '';
  };
  return {
    async send(r) {
      buffer += `${JSON.stringify({ kind: r.kind, value: r.value })}\n`;
      if (buffer.length > 1 << 16) await flush();
    },
    close: flush,
  };
}

async function kafkaSink(): Promise<Sink> {
  const kafka = createKafka({ brokers: args.brokers!.split(',') });
  const topics = topicNames(args.prefix);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, topics, { partitions: Number(args.partitions) });
  await admin.disconnect();
  const producer = await createStreamProducer(kafka, topics);
  return {
    send: (r) => producer.send(r),
    async close() {
      await producer.close();
      process.stderr.write(`simulate: published ${sent.toLocaleString()} events to ${Object.values(topics).join(', ')}\n`);
    },
  };
}

const bar = createProgressBar('simulate', process.stderr);
let sent = 0;
const sink = args.to === 'stdout' ? await stdoutSink() : await kafkaSink();
if (args.days !== undefined || args.events !== undefined || rate === 0) {
  for (const r of records()) {
    await sink.send(r);
    if (++sent % 10_000 === 0 && Number.isFinite(maxEvents)) bar.update(sent, maxEvents, `${sent.toLocaleString()} events`);
  }
}
if (rate > 0) {
  // Live: `rate` receipts a second at the current time, until interrupted.
  let stop = false;
  process.once('SIGINT', () => { stop = true; });
  process.once('SIGTERM', () => { stop = true; });
  process.stderr.write(`simulate: live at ${rate} receipts/s; Ctrl-C stops\n`);
  let last = Date.now();
  while (!stop) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = Date.now();
    for (const r of generator.live(last, now, Math.round(((now - last) / 1000) * rate))) {
      await sink.send(r);
      sent++;
    }
    last = now;
  }
}
await sink.close();
