// What one partition has read but not yet handed to the warehouse: rows per table, dead letters,
// and the offset range they came from. Deterministic given the messages, so a batch re-formed
// over the same range after a crash holds the same rows.
import type { EventKind } from '../../contracts/events.ts';
import { decodeEvent } from '../decode.ts';
import { payloadText, type DeadLetter } from '../dead-letters.ts';
import { ROWS_OF } from '../rows.ts';
import type { OffsetRange } from './ledger.ts';

export interface PartitionBatch {
  readonly kind: EventKind;
  first: bigint | null;
  last: bigint | null;
  rows: Record<string, unknown>[];
  events: number;
  letters: (DeadLetter & { offset: bigint })[];
  startedAt: number; // when the first message arrived, epoch ms
}

export function createPartitionBatch(kind: EventKind, now: number): PartitionBatch {
  return { kind, first: null, last: null, rows: [], events: 0, letters: [], startedAt: now };
}

export function addMessage(
  batch: PartitionBatch, offset: bigint, value: Buffer | null, source: string, maxBytes: number,
): void {
  if (batch.first === null) batch.first = offset;
  batch.last = offset;
  const decoded = decodeEvent(batch.kind, value ?? '', maxBytes);
  if (decoded.ok) {
    for (const row of ROWS_OF[batch.kind](decoded.event as never)) batch.rows.push(row);
    batch.events++;
  } else {
    batch.letters.push({ source, kind: batch.kind, reason: decoded.reason, detail: decoded.detail, payload: payloadText(value ?? ''), offset });
  }
}

export const isEmpty = (b: PartitionBatch) => b.first === null;

export function rangeOf(b: PartitionBatch): OffsetRange {
  if (b.first === null || b.last === null) throw new Error('empty batch has no range');
  return { first: b.first, last: b.last };
}
