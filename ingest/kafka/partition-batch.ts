// What one partition has read but not yet handed to the warehouse: its events (with their rows),
// dead letters, and the offset range they came from. Deterministic given the messages, so a
// batch re-formed over the same range after a crash holds the same events.
import type { EventKind } from '../../contracts/events.ts';
import { decodeEvent } from '../decode.ts';
import { payloadText, type DeadLetter } from '../dead-letters.ts';
import { eventKey } from '../event-id.ts';
import { ROWS_OF } from '../rows.ts';
import type { OffsetRange } from './ledger.ts';

export interface BatchEvent {
  id: string;
  day: string;
  rows: Record<string, unknown>[];
  offset: bigint;
  raw: string; // the message as text, for a dead letter if the engine refuses the rows
  bytes: Buffer; // the message's value exactly as received: what its dead letter carries
}

/** A Kafka dead letter keeps the message's bytes, whole, for a replay (`npm run dlq:replay`). */
export type KafkaDeadLetter = DeadLetter & { offset: bigint; bytes: Buffer };

export interface PartitionBatch {
  readonly kind: EventKind;
  first: bigint | null;
  last: bigint | null;
  events: BatchEvent[];
  rowCount: number;
  bytes: number; // message bytes held: bounds the memory of a partition's batch
  letters: KafkaDeadLetter[];
  startedAt: number; // when the first message arrived, epoch ms
}

const EMPTY = Buffer.alloc(0);

export function createPartitionBatch(kind: EventKind, now: number): PartitionBatch {
  return { kind, first: null, last: null, events: [], rowCount: 0, bytes: 0, letters: [], startedAt: now };
}

/** `sentAt`: the message's timestamp (epoch ms), which bounds the event times it may carry. */
export function addMessage(
  batch: PartitionBatch, offset: bigint, value: Buffer | null, source: string, maxBytes: number, sentAt: number,
): void {
  if (batch.first === null) batch.first = offset;
  batch.last = offset;
  batch.bytes += value?.length ?? 0;
  const decoded = decodeEvent(batch.kind, value ?? '', maxBytes, sentAt);
  if (decoded.ok) {
    const rows = ROWS_OF[batch.kind](decoded.event as never);
    // The raw text is kept as a view of the message (no copy until a dead letter needs it).
    batch.events.push({ ...eventKey(batch.kind, rows), rows, offset, bytes: value ?? EMPTY, get raw() { return payloadText(value ?? ''); } });
    batch.rowCount += rows.length;
  } else {
    batch.letters.push({ source, kind: batch.kind, reason: decoded.reason, detail: decoded.detail, payload: payloadText(value ?? ''), offset, bytes: value ?? EMPTY });
  }
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

export const isEmpty = (b: PartitionBatch) => b.first === null;

export function rangeOf(b: PartitionBatch): OffsetRange {
  if (b.first === null || b.last === null) throw new Error('empty batch has no range');
  return { first: b.first, last: b.last };
}
