// Generated events for the Chuxiong stores, to standard output (NDJSON, one
// {"kind":...,"value":...} per line) or to Kafka. Deterministic from --seed.
//   npm run simulate -- --to stdout --seed 42 --days 7 [--from 2026-01-01] [--scale 1] [--bad-share 0]
//   npm run simulate -- --to kafka --events 100000 --seed 42 [--brokers 127.0.0.1:19092] [--prefix cx]
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

const generator = createGenerator({ ...loadModelData(seed), seed, scale: Number(args.scale), badShare: Number(args['bad-share']) });

function* records(): Generator<GeneratedRecord> {
  let n = 0;
  for (const day of generator.days(args.from!, days)) {
    for (const r of generator.day(day)) {
      if (n++ >= maxEvents) return;
      yield r;
    }
  }
}

// A closed pipe (`| head`) ends the run quietly instead of with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const bar = createProgressBar('simulate', process.stderr);
const total = Number.isFinite(maxEvents) ? maxEvents : 0;
let sent = 0;
const progress = () => { if (total > 0 && ++sent % 10_000 === 0) bar.update(sent, total, `${sent.toLocaleString()} events`); };

if (args.to === 'stdout') {
  let buffer = '';
  for (const r of records()) {
    buffer += `${JSON.stringify({ kind: r.kind, value: r.value })}\n`;
    if (buffer.length > 1 << 16) {
      if (!process.stdout.write(buffer)) await new Promise((resolve) => process.stdout.once('drain', resolve));
      buffer = '';
    }
    progress();
  }
  process.stdout.write(buffer);
} else {
  const kafka = createKafka({ brokers: args.brokers!.split(',') });
  const topics = topicNames(args.prefix);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, topics, Number(args.partitions));
  await admin.disconnect();
  const producer = await createStreamProducer(kafka, topics);
  for (const r of records()) {
    await producer.send(r);
    progress();
  }
  await producer.close();
  process.stderr.write(`simulate: published ${sent || 'all'} events to ${Object.values(topics).join(', ')}\n`);
}
