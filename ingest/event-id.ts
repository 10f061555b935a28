// The stable id and the Shanghai day of an event: what a duplicate is recognised by (a POS device
// or producer that re-sends after a timeout sends the same id again). The day is read off the
// event's first row, where ingest/rows.ts has already put the time on the Shanghai wall clock:
// parsing the time a second time per event would double that work on the hot path.
import type { EventKind } from '../contracts/events.ts';

const ID_FIELD = { pos: 'receipt_id', distribution: 'txn_id', parcel: 'record_id' } as const;
const DAY_FIELD = { pos: 'sold_at', distribution: 'occurred_at', parcel: 'day' } as const;

export function eventKey(kind: EventKind, rows: readonly Record<string, unknown>[]): { id: string; day: string } {
  const row = rows[0]!;
  return { id: String(row[ID_FIELD[kind]]), day: String(row[DAY_FIELD[kind]]).slice(0, 10) };
}
