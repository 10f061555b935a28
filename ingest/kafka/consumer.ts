// The Kafka source: one consumer group over the three topics. Each partition's messages are
// batched by offset range (up to batchMaxRows rows or batchMaxBytes, or batchMaxMs, or the end of
// what the broker has) and written as every source's batches are (ingest/batch-writer.ts), with
// this source's steps around it: ledger entry -> id claims -> rows -> dead letters to `<topic>.dlq`
// -> done mark -> offset commit. A crash anywhere in that sequence is repaired by the partition's
// next owner, which re-forms the recorded ranges with the same tokens (docs/exactly-once.md).
// Batches are written inside eachBatch, which kafkajs lets finish before it rebalances; a
// generation counter guards the case where kafkajs rejoins the group on its own (a fetch error on
// another broker) while a batch is in hand.
import { Partitioners, type Consumer, type EachBatchPayload, type Kafka, type Producer } from 'kafkajs';
import { EVENT_KINDS, type EventKind } from '../../contracts/events.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { writeBatch } from '../batch-writer.ts';
import { createIdReservations } from '../identity.ts';
import { withRetry, type RetryOptions } from '../retry.ts';
import { TABLE_OF } from '../rows.ts';
import { createStats } from '../stats.ts';
import { createTopicDeadLetters } from './dlq.ts';
import { batchToken, createWarehouseLedger, type Ledger, type RecordedRange } from './ledger.ts';
import { takesReceiptJson } from '../event-insert.ts';
import { addMessage, createPartitionBatch, isEmpty, rangeOf, type PartitionBatch } from './partition-batch.ts';
import type { Topics } from './topics.ts';

export interface KafkaSourceOptions {
  kafka: Kafka;
  warehouse: Warehouse;
  topics: Topics;
  groupId?: string; // 'cx-ingest' by default
  sessionTimeoutMs?: number; // 30_000 by default: how long a crashed member holds its partitions
  batchMaxRows?: number; // 25_000 by default
  batchMaxBytes?: number; // 16 MiB of message values by default: bounds memory per partition
  batchMaxMs?: number; // 1_000 by default
  maxMessageBytes?: number; // 1 MiB by default: larger messages are dead letters
  retryInitialMs?: number; // 200 by default
  ledgerPage?: number; // 1_000 by default: recorded ranges read at a time when re-forming batches
  retryMaxMs?: number; // 30_000 by default
  clock?: () => number;
  onRetry?: (error: Error, attempt: number, delayMs: number) => void;
  onCrash?: (error: Error) => void; // the consumer failed for good and is joining again
}

interface PartitionState {
  batch: PartitionBatch;
  pending: RecordedRange[]; // ledger ranges still to re-form after a (re)start, a page at a time
  morePendingFrom: bigint | null; // where the next page of the ledger starts; null: no more
  highWatermark: bigint;
  committed: bigint;
}

/** The group moved on while a batch was in hand: leave it uncommitted for the partition's owner. */
class StaleBatch extends Error {}

export function createKafkaSource(options: KafkaSourceOptions) {
  const {
    kafka, warehouse, topics, groupId = 'cx-ingest', sessionTimeoutMs = 30_000, batchMaxRows = 25_000,
    batchMaxBytes = 16 << 20, batchMaxMs = 1_000, maxMessageBytes = 1 << 20, retryInitialMs = 200, retryMaxMs = 30_000, ledgerPage = 1_000,
    clock = Date.now, onRetry, onCrash,
  } = options;
  const kindOf = new Map<string, EventKind>(EVENT_KINDS.map((k) => [topics[k], k]));
  const stats = createStats();
  const partitions = new Map<string, PartitionState>();
  const reservations = createIdReservations();
  let ledger: Ledger | null = null;
  let consumer: Consumer | null = null;
  let producer: Producer | null = null;
  let running = false;
  let stopping = false;
  let generation = 0; // bumped on every group join: a batch from an older one must not commit
  let inFlight = 0;
  let idle: (() => void) | null = null;

  function retryOptions(payload: EachBatchPayload | undefined, gen: number): RetryOptions {
    return {
      initialMs: retryInitialMs, maxMs: retryMaxMs, onRetry, onWaiting: stats.setWaiting,
      // Heartbeat while we wait for the warehouse, so the group keeps our partitions (kafkajs has
      // no background heartbeat); if the group moved on, give the batch up uncommitted.
      beforeWait: async () => {
        if (gen !== generation) throw new StaleBatch('group rejoined while waiting for the warehouse');
        await payload?.heartbeat();
      },
    };
  }

  async function partitionState(topic: string, partition: number, firstOffset: bigint, payload: EachBatchPayload | undefined, gen: number) {
    const key = `${topic}/${partition}`;
    let state = partitions.get(key);
    if (!state) {
      // First batch of this partition since we joined: it starts at the committed offset, and
      // any ledger range at or after it may have landed without its commit.
      state = { batch: createPartitionBatch(kindOf.get(topic)!, clock()), pending: [], morePendingFrom: ledger ? firstOffset : null, highWatermark: firstOffset, committed: firstOffset };
      await nextPendingPage(state, topic, partition, payload, gen);
      partitions.set(key, state);
    }
    return state;
  }

  /** The ledger's ranges a page at a time: a topic read again from the start may have millions. */
  async function nextPendingPage(state: PartitionState, topic: string, partition: number, payload: EachBatchPayload | undefined, gen: number) {
    if (state.pending.length > 0 || state.morePendingFrom === null || !ledger) return;
    const from = state.morePendingFrom;
    const page = await withRetry(() => ledger!.pending(topic, partition, from, ledgerPage), retryOptions(payload, gen));
    state.pending = page;
    state.morePendingFrom = page.length === ledgerPage ? page.at(-1)!.last + 1n : null;
  }

  async function shiftPending(state: PartitionState, topic: string, partition: number, payload: EachBatchPayload | undefined, gen: number) {
    state.pending.shift();
    await nextPendingPage(state, topic, partition, payload, gen);
  }

  async function flush(state: PartitionState, topic: string, partition: number, replayOf: RecordedRange | null, payload: EachBatchPayload | undefined, gen: number) {
    const batch = state.batch;
    const range = rangeOf(batch);
    const token = batchToken(TABLE_OF[batch.kind], topic, partition, range);
    // Without insert deduplication (ClickHouse 18.16) there is no ledger and no id check: the
    // ingest is at-least-once there (docs/exactly-once.md). A range recorded before is re-formed
    // with its token; one done before (an offset reset, a new group, a crash after the done mark)
    // is not written again, however long ago, its dead letters included.
    // Receipts go as their JSON where the engine takes it, and a replay goes the way its range was
    // first written (ingest/event-insert.ts): the ledger records the way with the range.
    const receiptsJson = replayOf ? replayOf.receiptsJson
      : ledger !== null && batch.kind === 'pos' && (await withRetry(() => takesReceiptJson(warehouse), retryOptions(payload, gen)));
    await writeBatch(batch, {
      warehouse, stats, clock, retry: retryOptions(payload, gen), reservations,
      deadLetters: createTopicDeadLetters(producer!, topic, partition),
      identity: ledger ? 'claim-first' : 'off',
      tokenOf: () => token,
      receiptsJson,
      written: replayOf?.done,
      beforeWrite: ledger && !replayOf ? () => ledger!.record(topic, partition, range, receiptsJson) : undefined,
      afterWrite: ledger ? () => ledger!.done(topic, partition, range, receiptsJson) : undefined,
    });
    if (gen !== generation) throw new StaleBatch('group rejoined during the write: the partition owner replays this range');
    await consumer!.commitOffsets([{ topic, partition, offset: (range.last + 1n).toString() }]);
    state.committed = range.last + 1n;
    state.batch = createPartitionBatch(batch.kind, clock());
  }

  const full = (b: PartitionBatch) => b.rowCount + b.letters.length >= batchMaxRows || b.bytes >= batchMaxBytes;

  async function eachBatch(payload: EachBatchPayload) {
    const { batch } = payload;
    const { topic, partition } = batch;
    if (batch.isEmpty() || stopping) return;
    const gen = generation;
    const key = `${topic}/${partition}`;
    const firstOffset = BigInt(batch.firstOffset()!);
    let state: PartitionState | undefined;
    inFlight++;
    try {
      state = await partitionState(topic, partition, firstOffset, payload, gen);
      state.highWatermark = BigInt(batch.highWatermark);
      for (const message of batch.messages) {
        if (stopping || !payload.isRunning()) break;
        const offset = BigInt(message.offset);
        // Re-forming a recorded range: close it exactly where it closed before.
        while (state.pending.length > 0 && offset > state.pending[0]!.last && !isEmpty(state.batch)) {
          await flush(state, topic, partition, state.pending[0]!, payload, gen);
          await shiftPending(state, topic, partition, payload, gen);
        }
        while (state.pending.length > 0 && offset > state.pending[0]!.last) await shiftPending(state, topic, partition, payload, gen);
        if (isEmpty(state.batch)) state.batch.startedAt = clock();
        stats.consumed();
        // A message without a timestamp (a producer that set none) is bounded by the clock instead.
        const sentAt = Number(message.timestamp) > 0 ? Number(message.timestamp) : clock();
        addMessage(state.batch, offset, message.value, `kafka:${topic}/${partition}@${offset}`, maxMessageBytes, sentAt);
        const next = state.pending[0];
        if (next && offset === next.last) {
          await flush(state, topic, partition, next, payload, gen);
          await shiftPending(state, topic, partition, payload, gen);
        } else if (!next && full(state.batch)) {
          await flush(state, topic, partition, null, payload, gen);
        }
      }
      // Caught up with the broker, or waited long enough: flush now, inside this eachBatch.
      const caughtUp = state.batch.last !== null && state.batch.last + 1n >= state.highWatermark;
      if (!isEmpty(state.batch) && state.pending.length === 0 && (caughtUp || clock() - state.batch.startedAt >= batchMaxMs)) {
        await flush(state, topic, partition, null, payload, gen);
      }
      if (gen !== generation) return; // a newer group generation owns the offsets now
      if (state.batch.last !== null) payload.resolveOffset(state.batch.last.toString());
      else if (state.committed > 0n) payload.resolveOffset((state.committed - 1n).toString());
    } catch (e) {
      // Whatever this partition held uncommitted is dropped; unless the group moved on, go back
      // to the committed offset, so the retry re-forms the same batches from the ledger instead
      // of appending the re-fetched messages to a half-written batch.
      if (!state || partitions.get(key) === state) partitions.delete(key);
      if (e instanceof StaleBatch) return;
      if (gen === generation) consumer!.seek({ topic, partition, offset: (state?.committed ?? firstOffset).toString() });
      throw e;
    } finally {
      if (--inFlight === 0) idle?.();
    }
  }

  async function runConsumer(): Promise<void> {
    const c = kafka.consumer({
      groupId, sessionTimeout: sessionTimeoutMs, heartbeatInterval: Math.max(500, Math.floor(sessionTimeoutMs / 10)),
      maxBytesPerPartition: 4 << 20,
    });
    consumer = c;
    // A new generation starts every partition afresh from its committed offset: what we held
    // uncommitted is dropped here and read again by whoever owns the partition now.
    c.on(c.events.GROUP_JOIN, () => {
      generation++;
      partitions.clear();
    });
    // kafkajs gives up on errors it deems final (say, the group expelled us during a long
    // outage); an ingest process must not sit there consuming nothing, so it joins again.
    c.on(c.events.CRASH, (event) => {
      if (event.payload.restart || !running) return;
      onCrash?.(event.payload.error);
      generation++;
      partitions.clear();
      setTimeout(() => {
        if (!running || consumer !== c) return;
        void c.disconnect().catch(() => {}).then(() => (running ? runConsumer() : undefined)).catch((e) => onCrash?.(e as Error));
      }, 1_000);
    });
    await c.connect();
    await c.subscribe({ topics: Object.values(topics), fromBeginning: true });
    // Partitions are independent batches, so their writes overlap: the warehouse works while we decode.
    await c.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 3, eachBatch });
  }

  return {
    async start(): Promise<void> {
      ledger = (await warehouse.supportsInsertDedup()) ? createWarehouseLedger(warehouse) : null;
      producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      running = true;
      await runConsumer();
    },
    /** Finishes the batches in hand and commits them while the group still counts us, then leaves. */
    async stop(): Promise<void> {
      stopping = true;
      if (inFlight > 0) await new Promise<void>((resolve) => { idle = resolve; });
      const gen = generation;
      for (const [key, state] of partitions) {
        if (isEmpty(state.batch) || state.pending.length > 0) continue; // a replay is left whole to the next owner
        const [topic, partition] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
        await flush(state, topic, partition, null, undefined, gen).catch(() => {}); // uncommitted: read again later
      }
      running = false;
      await consumer?.disconnect();
      await producer?.disconnect();
    },
    status: () => ({ running, partitions: partitions.size }),
    stats: () => stats.snapshot(),
    /** Per partition: the broker's high watermark and what we committed; lag is the difference. */
    lag: () => [...partitions.entries()].map(([key, s]) => ({ key, highWatermark: s.highWatermark, committed: s.committed })),
  };
}

export type KafkaSource = ReturnType<typeof createKafkaSource>;
