// Publishes records to the stream topics in batches, keyed by the emitting store or station so
// one store's events stay in order on one partition (and a re-sent event lands beside the first).
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { EventKind } from '../../contracts/events.ts';
import type { Topics } from './topics.ts';

export interface RecordOut {
  kind: EventKind;
  value: unknown; // an event object, or raw text or bytes (bad records are sent as they are)
}

function keyOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return null;
  const v = value as Record<string, unknown>;
  const key = v.storeId ?? v.stationId ?? v.sellerId;
  return typeof key === 'string' ? key : null;
}

export function toMessage(record: RecordOut): Message {
  const v = record.value;
  return { key: keyOf(v), value: typeof v === 'string' || Buffer.isBuffer(v) ? v : JSON.stringify(v) };
}

export async function createStreamProducer(kafka: Kafka, topics: Topics, batchSize = 5_000) {
  // Idempotent: kafkajs retries a produce request whole when one partition's answer is an error
  // ("not the leader" while a new topic's leadership settles), and without sequence numbers the
  // broker appends the partitions that had succeeded a second time (seen in CI: a third of a
  // test's bad messages twice on the topic). With them it recognises the repeat.
  const producer: Producer = kafka.producer({
    allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1,
  });
  await producer.connect();
  const pending = new Map<string, Message[]>();
  let count = 0;
  let bytes = 0;

  async function flush() {
    const topicMessages = [...pending.entries()].filter(([, m]) => m.length > 0).map(([topic, messages]) => ({ topic, messages }));
    pending.clear();
    bytes = 0;
    if (topicMessages.length > 0) await producer.sendBatch({ topicMessages, acks: -1 });
  }

  return {
    async send(record: RecordOut) {
      const topic = topics[record.kind];
      const message = toMessage(record);
      const list = pending.get(topic);
      if (list) list.push(message);
      else pending.set(topic, [message]);
      bytes += Buffer.isBuffer(message.value) ? message.value.length : Buffer.byteLength(String(message.value));
      // By count and by size: a produce request over the broker's message.max.bytes is refused whole.
      if (++count % batchSize === 0 || bytes >= 512 * 1024) await flush();
    },
    flush,
    async close() {
      await flush();
      await producer.disconnect();
    },
  };
}
