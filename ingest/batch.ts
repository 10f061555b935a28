// One batch of records as every source forms it (the simulator, a file import, a Kafka partition):
// each record decoded, validated and checked against the time window once, then held either as an
// event with its identity (and, for a receipt the engine can read as sent, its bytes), or as a dead
// letter with its reason. Deterministic given the records, so a batch formed again over the same
// records after a crash holds the same events. Written by ingest/batch-writer.ts.
import type { EventKind, EventOf } from '../contracts/events.ts';
import { decodeEvent } from './decode.ts';
import { payloadText, type DeadLetter } from './dead-letters.ts';
import { eventKey } from './event-id.ts';
import { ROWS_OF } from './rows.ts';

export interface BatchEvent {
  kind: EventKind;
  id: string;
  day: string;
  event: EventOf<EventKind>; // as validated
  rowCount: number; // its rows in the warehouse: a receipt's lines, one otherwise
  /** A receipt's message bytes, when the engine can read them as they are (ingest/receipt-json.ts). */
  json?: Buffer;
  source: string; // where it came from, for its dead letter: `generator`, `file:x.ndjson:12`, `kafka:pos/3@1200`
  offset?: bigint; // its Kafka offset
  raw: unknown; // the record as received: a dead letter carries it if the engine refuses the rows
}

export interface Batch {
  events: BatchEvent[];
  letters: DeadLetter[];
  rowCount: number;
  bytes: number; // record bytes held (Kafka values): bounds a batch's memory
}

export interface RecordMeta {
  source: string;
  maxBytes: number;
  /** When it was sent (epoch ms): the latest event time it may carry is a day after. */
  sentAt: number;
  offset?: bigint;
}

export const createBatch = (): Batch => ({ events: [], letters: [], rowCount: 0, bytes: 0 });

/** Decodes `raw` (bytes, text or a parsed object) into the batch, as an event or a dead letter. */
export function addRecord(batch: Batch, kind: EventKind, raw: unknown, meta: RecordMeta): void {
  if (raw instanceof Uint8Array) batch.bytes += raw.byteLength;
  const decoded = decodeEvent(kind, raw, meta.maxBytes, meta.sentAt);
  if (decoded.ok) {
    const event = decoded.event;
    const rowCount = kind === 'pos' ? (event as EventOf<'pos'>).lines.length : 1;
    // A view of the message's bytes (Kafka), not a copy; text records (file imports) go as rows.
    const json = decoded.asIs && raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) : undefined;
    batch.events.push({ kind, ...eventKey(kind, event), event, rowCount, json, source: meta.source, offset: meta.offset, raw });
    batch.rowCount += rowCount;
  } else {
    batch.letters.push(letterOf(kind, raw, meta.source, meta.offset, decoded.reason, decoded.detail));
  }
}

export function letterOf(kind: EventKind, raw: unknown, source: string, offset: bigint | undefined, reason: DeadLetter['reason'], detail: string): DeadLetter {
  return {
    source, kind, reason, detail, payload: payloadText(raw), offset,
    // Bytes as received go out unchanged (a Kafka dead letter is replayed byte for byte).
    bytes: raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) : undefined,
  };
}

/** Keeps the first event of each id: a repeat inside the batch, or one `seen` elsewhere, is dropped. */
export function uniqueEvents(events: readonly BatchEvent[], seen: ReadonlySet<string>): { kept: BatchEvent[]; duplicates: number } {
  const ids = new Set(seen);
  const kept: BatchEvent[] = [];
  for (const e of events) {
    if (ids.has(e.id)) continue;
    ids.add(e.id);
    kept.push(e);
  }
  return { kept, duplicates: events.length - kept.length };
}

/** The warehouse rows of an event (ingest/rows.ts). */
export const rowsOf = (e: BatchEvent): Record<string, unknown>[] => ROWS_OF[e.kind](e.event as never);
