// The ingest core, whatever the source: decode, validate, batch (bounded by rows and by time),
// insert, acknowledge. A refused record goes to the dead letters and is counted; it never stops
// the pipeline. While the warehouse is unavailable, flushes retry with backoff and `submit`
// waits, so the source is paused instead of buffering without bound or dropping.
import type { EventKind } from '../contracts/events.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { decodeEvent, type RejectReason } from './decode.ts';
import { payloadText, type DeadLetter, type DeadLetterSink } from './dead-letters.ts';
import { randomUUID } from 'node:crypto';
import { eventKey } from './event-id.ts';
import { insertIsolating } from './insert-isolating.ts';
import { claimIds, claimsOf } from './identity.ts';
import { withRetry as retry } from './retry.ts';
import { ROWS_OF, TABLE_OF } from './rows.ts';
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

type Buffered = { kind: EventKind; event: unknown; rows: Record<string, unknown>[]; source: string };

export function createPipeline(options: PipelineOptions): Pipeline {
  const {
    warehouse, deadLetters, batchMaxRows = 10_000, batchMaxMs = 1_000, maxMessageBytes = 1 << 20,
    retryInitialMs = 200, retryMaxMs = 30_000, clock = Date.now,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)), onRetry = () => {}, onError = () => {}, identity = false,
  } = options;
  const stats = createStats();

  let events: Buffered[] = [];
  let letters: DeadLetter[] = [];
  let acks: (() => void)[] = [];
  let rowCount = 0;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  let closed = false;
  let scopeName: string | null = null;
  let scopeSeq = 0;

  function reject(kind: string, reason: RejectReason, detail: string, raw: unknown, source: string) {
    letters.push({ source, kind, reason, detail, payload: payloadText(raw) });
    stats.rejected(reason);
  }

  async function submit(kind: EventKind, raw: unknown, source: string, ack?: () => void): Promise<void> {
    if (closed) throw new Error('pipeline is closed');
    stats.consumed();
    const decoded = decodeEvent(kind, raw, maxMessageBytes, clock());
    if (decoded.ok) {
      const rows = ROWS_OF[kind](decoded.event as never);
      events.push({ kind, event: decoded.event, rows, source });
      rowCount += rows.length;
    } else {
      reject(kind, decoded.reason, decoded.detail, raw, source);
    }
    if (ack) acks.push(ack);
    if (rowCount + letters.length >= batchMaxRows) await flush();
    else if (!timer && scopeName === null) timer = setTimeout(() => void flush().catch((e: unknown) => onError(e as Error)), batchMaxMs);
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = { events, letters, acks, rows: rowCount, token: scopeName === null ? undefined : `${scopeName}/${scopeSeq++}` };
    events = [];
    letters = [];
    acks = [];
    rowCount = 0;
    // Flushes run one after another, so acknowledgements keep the order records came in.
    // A failed flush rejects its own caller; it must not fail every flush after it.
    flushing = flushing.catch(() => {}).then(() => write(batch));
    return flushing;
  }

  async function write(batch: { events: Buffered[]; letters: DeadLetter[]; acks: (() => void)[]; rows: number; token?: string }) {
    if (batch.events.length === 0 && batch.letters.length === 0 && batch.acks.length === 0) return;
    const started = clock();
    const byTable = new Map<string, Buffered[]>();
    for (const e of batch.events) {
      const table = TABLE_OF[e.kind];
      const list = byTable.get(table);
      if (list) list.push(e);
      else byTable.set(table, [e]);
    }
    for (const [table, all] of byTable) {
      const kind = all[0]!.kind;
      let tableEvents = all;
      if (identity) {
        // Rows first, then their ids: without offsets to replay, a claim made before rows that never
        // came would drop the event when the file is imported again.
        const keyed = all.map((e) => ({ e, ...eventKey(kind, e.rows) }));
        const claims = await withRetry(() => claimsOf(warehouse, kind, keyed, ''));
        const seen = new Set([...claims.elsewhere, ...claims.own]);
        tableEvents = keyed.filter((k) => {
          if (seen.has(k.id)) return false; // written before, or earlier in this batch
          seen.add(k.id);
          return true;
        }).map((k) => k.e);
        stats.duplicates(all.length - tableEvents.length);
      }
      // The engine refuses some rows as they are: only their events become dead letters, rather
      // than stall every later record behind them or take the good ones along.
      const { landed, refused } = await insertIsolating(tableEvents, (part, suffix) => withRetry(() => warehouse.insert(table, part.flatMap((e) => e.rows),
        batch.token === undefined ? undefined : { dedupToken: `${batch.token}/${table}${suffix}` })));
      if (identity && landed.length > 0) {
        const token = batch.token ?? `pipeline/${randomUUID()}`;
        await withRetry(() => claimIds(warehouse, kind, landed.map((e) => eventKey(kind, e.rows)), token));
      }
      if (landed.length > 0) stats.inserted(table, landed.reduce((n, e) => n + e.rows.length, 0), landed.length);
      for (const { event: ev, error } of refused) {
        batch.letters.push({ source: ev.source, kind: ev.kind, reason: 'insert_rejected', detail: error.message.slice(0, 1000), payload: payloadText(ev.event) });
        stats.rejected('insert_rejected');
      }
    }
    if (batch.letters.length > 0) await withRetry(() => deadLetters.write(batch.letters, batch.token === undefined ? undefined : `${batch.token}/dead_letters`));
    for (const ack of batch.acks) ack();
    stats.flushed(batch.rows, clock() - started, clock());
  }

  const withRetry = <T>(action: () => Promise<T>) =>
    retry(action, { initialMs: retryInitialMs, maxMs: retryMaxMs, sleep, onRetry, onWaiting: stats.setWaiting });

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
      events = [];
      letters = [];
      acks = [];
      rowCount = 0;
    },
  };
}
