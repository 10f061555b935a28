// What one partition has read but not yet handed to the warehouse: a batch (ingest/batch.ts) and
// the offset range its messages came from. Deterministic given the messages, so a batch re-formed
// over the same range after a crash holds the same events.
import type { EventKind } from '../../contracts/events.ts';
import { addRecord, createBatch, type Batch } from '../batch.ts';
import type { OffsetRange } from './ledger.ts';

export interface PartitionBatch extends Batch {
  readonly kind: EventKind;
  first: bigint | null;
  last: bigint | null;
  startedAt: number; // when the first message arrived, epoch ms
}

const EMPTY = Buffer.alloc(0);

export function createPartitionBatch(kind: EventKind, now: number): PartitionBatch {
  return { ...createBatch(), kind, first: null, last: null, startedAt: now };
}

/** `sentAt`: the message's timestamp (epoch ms), which bounds the event times it may carry. */
export function addMessage(
  batch: PartitionBatch, offset: bigint, value: Buffer | null, source: string, maxBytes: number, sentAt: number,
): void {
  if (batch.first === null) batch.first = offset;
  batch.last = offset;
  addRecord(batch, batch.kind, value ?? EMPTY, { source, maxBytes, sentAt, offset });
}

export const isEmpty = (b: PartitionBatch) => b.first === null;

export function rangeOf(b: PartitionBatch): OffsetRange {
  if (b.first === null || b.last === null) throw new Error('empty batch has no range');
  return { first: b.first, last: b.last };
}
