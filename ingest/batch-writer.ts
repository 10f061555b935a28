// The one way a batch reaches the warehouse, whatever its source: its events' identities settled,
// their rows inserted with the engine's refusals isolated, its dead letters delivered, its counters
// kept; every warehouse call retried with backoff while the warehouse is unavailable. The sources
// differ only in what they pass in: how ids are held (`identity`), the deduplication tokens, where
// the dead letters go, and the Kafka ledger's steps around the write (`beforeWrite`, `afterWrite`).
import { randomUUID } from 'node:crypto';
import type { EventKind } from '../contracts/events.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { letterOf, uniqueEvents, type Batch, type BatchEvent } from './batch.ts';
import type { DeadLetter, DeadLetterSink } from './dead-letters.ts';
import { claimIds, claimsOf, type createIdReservations } from './identity.ts';
import { insertEvents } from './event-insert.ts';
import { insertIsolating } from './insert-isolating.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { TABLE_OF } from './rows.ts';
import type { createStats } from './stats.ts';

/**
 * How an event's identity (ingest/identity.ts) is kept:
 * - `claim-first` (Kafka): ids are claimed under the batch's token before its rows are written; a
 *   crashed batch is written again from its ledger range with the same token, so its claims are its own;
 * - `record-after` (file import): ids are looked up, then recorded once their rows landed, since
 *   nothing would replay a batch whose claims were made before rows that never came;
 * - `off` (the simulator): ids are new by construction.
 */
export type IdentityMode = 'claim-first' | 'record-after' | 'off';

export interface WriteOptions {
  warehouse: Warehouse;
  deadLetters: DeadLetterSink;
  stats: ReturnType<typeof createStats>;
  retry: RetryOptions;
  identity: IdentityMode;
  /** Required with `claim-first`: partitions of this process wait for each other on shared ids. */
  reservations?: ReturnType<typeof createIdReservations>;
  /** The deduplication token of a table's inserts and id claims; undefined: none (not replayed). */
  tokenOf: (table: string) => string | undefined;
  letterToken?: string;
  /** POS receipts go as their JSON (ingest/event-insert.ts); rows otherwise. A replay goes the first write's way. */
  receiptsJson?: boolean;
  /** Every row and dead letter of this batch landed before (a done ledger range): nothing is written. */
  written?: boolean;
  /** Lands before any id is claimed or row written (the ledger's record of the range); overlaps the id lookup. */
  beforeWrite?: () => Promise<void>;
  /** After the rows, the given-back claims and the dead letters (the ledger's done mark). */
  afterWrite?: () => Promise<void>;
  clock?: () => number;
}

/** Writes `batch`; resolves with the rows inserted, once everything is acknowledged. */
export async function writeBatch(batch: Batch, o: WriteOptions): Promise<{ rows: number }> {
  const clock = o.clock ?? Date.now;
  const started = clock();
  const retry = <T>(action: () => Promise<T>) => withRetry(action, o.retry);
  if (o.written) {
    // A range is marked done only after its dead letters were acknowledged, so they are on the
    // dead-letter topic already: sending them again would list each bad message twice.
    o.stats.duplicates(batch.events.length + batch.letters.length);
    o.stats.flushed(0, clock() - started, clock());
    return { rows: 0 };
  }
  const recorded = o.beforeWrite ? retry(o.beforeWrite) : Promise.resolve();
  recorded.catch(() => {}); // awaited below; a failure surfaces there
  const letters = [...batch.letters];
  let rows = 0;
  for (const [kind, events] of byKind(batch.events)) rows += await writeEvents(kind, events, o, recorded, retry, letters);
  await recorded; // an empty batch of letters only
  if (letters.some((l) => l.offset !== undefined)) letters.sort((a, b) => (a.offset! < b.offset! ? -1 : a.offset! > b.offset! ? 1 : 0));
  if (letters.length > 0) await retry(() => o.deadLetters.write(letters, o.letterToken));
  for (const l of letters) o.stats.rejected(l.reason);
  if (o.afterWrite) await retry(o.afterWrite);
  o.stats.flushed(rows, clock() - started, clock());
  return { rows };
}

async function writeEvents(
  kind: EventKind, events: BatchEvent[], o: WriteOptions, recorded: Promise<void>,
  retry: <T>(action: () => Promise<T>) => Promise<T>, letters: DeadLetter[],
): Promise<number> {
  const { warehouse, stats } = o;
  const table = TABLE_OF[kind];
  const token = o.tokenOf(table);
  let kept = events;
  if (o.identity === 'claim-first') {
    if (token === undefined || !o.reservations) throw new Error('claim-first needs a token and the reservations');
    // Claim the ids, then write the rows: an id claimed elsewhere (landed, or a crashed batch's
    // still to be replayed) is a duplicate here. Within this process, a batch claiming the same
    // ids at this moment is waited for.
    const release = await o.reservations.reserve(kind, events);
    try {
      const [, claims] = await Promise.all([recorded, retry(() => claimsOf(warehouse, kind, events, token))]);
      const unique = uniqueEvents(events, claims.elsewhere);
      kept = unique.kept;
      stats.duplicates(unique.duplicates);
      await retry(() => claimIds(warehouse, kind, kept.filter((e) => !claims.own.has(e.id)), token));
    } finally {
      release();
    }
  } else if (o.identity === 'record-after') {
    const claims = await retry(() => claimsOf(warehouse, kind, events, ''));
    const unique = uniqueEvents(events, new Set([...claims.elsewhere, ...claims.own]));
    kept = unique.kept;
    stats.duplicates(unique.duplicates);
  }
  await recorded;
  // The engine refuses some rows as they are (resource trouble is retried inside): the batch is
  // split until only their events are left, each a dead letter. A part's token extends the
  // batch's, and the split is the same on a replay.
  const { landed, refused } = await insertIsolating(kept, (part, suffix) =>
    retry(() => insertEvents(warehouse, kind, part, o.receiptsJson === true, token === undefined ? undefined : { dedupToken: token + suffix })));
  if (o.identity === 'claim-first' && refused.length > 0) {
    await retry(() => claimIds(warehouse, kind, refused.map((r) => r.event), token!, true)); // given back: a fixed re-send may land
  }
  if (o.identity === 'record-after' && landed.length > 0) {
    const by = token ?? `import/${randomUUID()}`;
    await retry(() => claimIds(warehouse, kind, landed, by));
  }
  const rows = landed.reduce((n, e) => n + e.rowCount, 0);
  if (landed.length > 0) stats.inserted(table, rows, landed.length);
  for (const { event, error } of refused) letters.push(letterOf(kind, event.raw, event.source, event.offset, 'insert_rejected', error.message.slice(0, 1000)));
  return rows;
}

function byKind(events: readonly BatchEvent[]): Map<EventKind, BatchEvent[]> {
  const groups = new Map<EventKind, BatchEvent[]>();
  for (const e of events) {
    const list = groups.get(e.kind);
    if (list) list.push(e);
    else groups.set(e.kind, [e]);
  }
  return groups;
}
