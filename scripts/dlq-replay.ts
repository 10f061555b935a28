// Re-drives dead letters to the topic they came from, once their cause is fixed.
//   npm run dlq:replay -- --topic cx.pos.dlq [--reason schema] [--dry-run]
// Brokers and credentials from KAFKA_BROKERS and the other KAFKA_* settings, as `npm start`.
// Prints what it re-drove; each letter goes once per reason group (ingest/kafka/dlq-replay.ts).
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import type { RejectReason } from '../ingest/decode.ts';
import { kafkaFromConfig } from '../ingest/kafka/client.ts';
import { replayDeadLetters } from '../ingest/kafka/dlq-replay.ts';
import { createProgressBar } from '../ingest/progress.ts';

const REASONS: RejectReason[] = ['too_large', 'not_json', 'schema', 'out_of_range', 'insert_rejected'];
const USAGE = 'usage: npm run dlq:replay -- --topic <topic>.dlq [--reason too_large|not_json|schema|out_of_range|insert_rejected] [--dry-run]';

function fail(message: string): never {
  process.stderr.write(`dlq:replay: ${message}\n`);
  process.exit(2);
}

let args: { topic?: string; reason?: string; 'dry-run'?: boolean };
try {
  ({ values: args } = parseArgs({ options: { topic: { type: 'string' }, reason: { type: 'string' }, 'dry-run': { type: 'boolean' } } }));
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
if (!args.topic) fail(`--topic is required\n${USAGE}`);
if (!args.topic.endsWith('.dlq')) fail(`--topic: ${args.topic} is not a dead-letter topic (they end in .dlq)`);
if (args.reason !== undefined && !REASONS.includes(args.reason as RejectReason)) fail(`--reason: ${args.reason} is not one of ${REASONS.join(', ')}`);
let config;
try {
  config = parseConfig(process.env);
} catch (e) {
  fail((e as Error).message);
}
if (!config.KAFKA_BROKERS) fail('KAFKA_BROKERS is not set: which Kafka to read the dead letters from');

const bar = createProgressBar('dlq:replay', process.stderr);
try {
  const r = await replayDeadLetters(kafkaFromConfig(config), {
    topic: args.topic, reason: args.reason as RejectReason | undefined, dryRun: args['dry-run'] === true,
    onProgress: (done, total) => bar.update(done, total, `${done.toLocaleString()} letters`),
  });
  const to = Object.entries(r.replayed).map(([t, n]) => `${n.toLocaleString()} to ${t}`).join(', ') || 'none';
  const letters = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'letter' : 'letters'}`;
  process.stdout.write(`${args['dry-run'] ? 'would re-drive' : 're-drove'} ${to}; read ${letters(r.read)}, ${r.skipped.toLocaleString()} of another reason left\n`);
} catch (e) {
  fail((e as Error).message);
}
