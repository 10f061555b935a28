// The in-process sources' batching (the simulator, the file import): records are formed into
// batches bounded by rows and by time (ingest/batch.ts) and each batch is written the way every
// source writes one (ingest/batch-writer.ts), then acknowledged. A refused record goes to the dead
// letters and is counted; it never stops the pipeline. While the warehouse is unavailable, flushes
// retry with backoff and `submit` waits, so the source is paused instead of buffering without
// bound or dropping.
import type { EventKind } from '../contracts/events.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { addRecord, createBatch, type Batch } from './batch.ts';
import { writeBatch } from './batch-writer.ts';
import type { DeadLetterSink } from './dead-letters.ts';
import { createStats, type PipelineStats } from './stats.ts';

export interface PipelineOptions {
  warehouse: Warehouse;
  deadLetters: DeadLetterSink;
  batchMaxRows?: number; // 10_000 by default: ClickHouse prefers fewer, larger inserts
  batchMaxMs?: number; // 1_000 by default: the longest a row waits before it is inserted
  maxMessageBytes?: number; // 1 MiB by default
  retryInitialMs?: number; // 200 by default, doubling
  retryMaxMs?: number; // 30_000 by default
  clock?: () => number;
  /** When a record was sent, which bounds its event time (a day after); the clock by default. */
  sentAt?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (error: Error, attempt: number, delayMs: number) => void;
  /** A flush started by the timer failed (no caller to reject): its records were not acknowledged. */
  onError?: (error: Error) => void;
  /**
   * Events are known by (stream, id), as through Kafka (ingest/identity.ts): an id already
   * written (by any source) or repeated in the batch is a duplicate, and the ids written are
   * recorded after their rows. Off for the simulator, whose ids are new by construction.
   */
  identity?: boolean;
}

export interface Pipeline {
  /** Takes one record; resolves once it is buffered (waiting while a full batch is flushed). */
  submit(kind: EventKind, raw: unknown, source: string, ack?: () => void): Promise<void>;
  /** Inserts everything buffered; resolves when the warehouse has acknowledged it. */
  flush(): Promise<void>;
  stats(): PipelineStats;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
  /**
   * From now on, until `scope(null)`, batches form one sequence named `name`: the n-th flush's
   * inserts carry the deduplication token `<name>/<n>/<table>`, and the timer does not flush, so
   * the batches depend only on the records. The same records submitted again under the same name
   * (a backfill day written again after a crash) are dropped by the engine where they landed.
   */
  scope(name: string | null): void;
  /** Drops what is buffered, unwritten: a scoped sequence cut short is written again from its start. */
  discard(): void;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  const {
    warehouse, deadLetters, batchMaxRows = 10_000, batchMaxMs = 1_000, maxMessageBytes = 1 << 20,
    retryInitialMs = 200, retryMaxMs = 30_000, clock = Date.now, sentAt = clock,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)), onRetry = () => {}, onError = () => {}, identity = false,
  } = options;
  const stats = createStats();

  let batch = createBatch();
  let acks: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  let closed = false;
  let scopeName: string | null = null;
  let scopeSeq = 0;

  async function submit(kind: EventKind, raw: unknown, source: string, ack?: () => void): Promise<void> {
    if (closed) throw new Error('pipeline is closed');
    stats.consumed();
    addRecord(batch, kind, raw, { source, maxBytes: maxMessageBytes, sentAt: sentAt() });
    if (ack) acks.push(ack);
    if (batch.rowCount + batch.letters.length >= batchMaxRows) await flush();
    else if (!timer && scopeName === null) timer = setTimeout(() => void flush().catch((e: unknown) => onError(e as Error)), batchMaxMs);
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const taken = { batch, acks, token: scopeName === null ? undefined : `${scopeName}/${scopeSeq++}` };
    batch = createBatch();
    acks = [];
    // Flushes run one after another, so acknowledgements keep the order records came in.
    // A failed flush rejects its own caller; it must not fail every flush after it.
    flushing = flushing.catch(() => {}).then(() => write(taken));
    return flushing;
  }

  async function write({ batch: b, acks: done, token }: { batch: Batch; acks: (() => void)[]; token?: string }) {
    if (b.events.length === 0 && b.letters.length === 0 && done.length === 0) return;
    await writeBatch(b, {
      warehouse, deadLetters, stats, clock,
      retry: { initialMs: retryInitialMs, maxMs: retryMaxMs, sleep, onRetry, onWaiting: stats.setWaiting },
      identity: identity ? 'record-after' : 'off',
      tokenOf: (table) => (token === undefined ? undefined : `${token}/${table}`),
      letterToken: token === undefined ? undefined : `${token}/dead_letters`,
    });
    for (const ack of done) ack();
  }

  return {
    submit,
    flush,
    stats: () => stats.snapshot(),
    async close() {
      await flush();
      closed = true;
    },
    scope(name) {
      if (timer) clearTimeout(timer); // a timed flush inside a sequence would move its batch boundaries
      timer = null;
      scopeName = name;
      scopeSeq = 0;
    },
    discard() {
      if (timer) clearTimeout(timer);
      timer = null;
      batch = createBatch();
      acks = [];
    },
  };
}
