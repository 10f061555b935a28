// Re-drives dead letters: each letter on a `<topic>.dlq` topic (optionally only those of one
// reason) goes back to the topic it came from, with the bytes it arrived with, once the cause is
// fixed (a product added to the reference, a producer's bug corrected, a size limit raised). The
// replay is a consumer group of its own per reason, so a second run re-drives only letters that
// arrived since; a crash between sending and committing re-drives some twice, and the ingest's id
// check counts those once. A letter that fails again is a new dead letter, at a new offset.
import type { Kafka, KafkaMessage, Message } from 'kafkajs';
import type { RejectReason } from '../decode.ts';

export interface ReplayOptions {
  /** The dead-letter topic, e.g. cx.pos.dlq. */
  topic: string;
  /** Only letters of this reason; all of them by default. */
  reason?: RejectReason;
  /** Count what would be re-driven, send and commit nothing. */
  dryRun?: boolean;
  /** `cx-dlq-replay.<reason|all>` by default. */
  groupId?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  read: number;
  /** Re-driven, by source topic. */
  replayed: Record<string, number>;
  /** Of another reason than asked. */
  skipped: number;
}

const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();

export async function replayDeadLetters(kafka: Kafka, options: ReplayOptions): Promise<ReplayResult> {
  const { topic, reason, dryRun = false, onProgress = () => {} } = options;
  const groupId = options.groupId ?? `cx-dlq-replay.${reason ?? 'all'}`;
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  let starts: Map<number, bigint>;
  try {
    if (!(await admin.listTopics()).includes(topic)) throw new Error(`no such topic: ${topic}`);
    // The letters there now: the replay ends at these offsets, even while more arrive.
    ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
    const low = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.low)]));
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    starts = new Map([...ends.keys()].map((p) => {
      const c = BigInt(committed?.partitions.find((x) => x.partition === p)?.offset ?? '-1');
      return [p, c >= 0n ? (c > low.get(p)! ? c : low.get(p)!) : low.get(p)!];
    }));
  } finally {
    await admin.disconnect();
  }
  const total = [...ends].reduce((n, [p, end]) => n + Number(end - starts.get(p)!), 0);
  const result: ReplayResult = { read: 0, replayed: {}, skipped: 0 };
  if (total === 0) return result;

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId });
  await Promise.all([producer.connect(), consumer.connect()]);
  const remaining = new Set([...ends].filter(([p, end]) => starts.get(p)! < end).map(([p]) => p));
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          const end = ends.get(batch.partition)!;
          const out = new Map<string, Message[]>();
          let last: bigint | null = null;
          for (const m of batch.messages) {
            const offset = BigInt(m.offset);
            if (offset >= end) break;
            last = offset;
            result.read++;
            const source = header(m, 'x-source-topic');
            if ((reason && header(m, 'x-reason') !== reason) || !source) {
              result.skipped++;
              continue;
            }
            const list = out.get(source) ?? [];
            list.push({ value: m.value, headers: { 'x-replayed-from': `${topic}/${batch.partition}/${m.offset}`, 'x-reason': header(m, 'x-reason') ?? '' } });
            out.set(source, list);
            result.replayed[source] = (result.replayed[source] ?? 0) + 1;
          }
          if (last === null) return;
          if (!dryRun) {
            for (const [to, messages] of out) await producer.send({ topic: to, acks: -1, messages });
            await consumer.commitOffsets([{ topic, partition: batch.partition, offset: (last + 1n).toString() }]);
          }
          resolveOffset(last.toString());
          await heartbeat();
          onProgress(result.read, total);
          if (last + 1n >= end) {
            remaining.delete(batch.partition);
            if (remaining.size === 0) resolve();
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return result;
}
