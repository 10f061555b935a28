// The stable id and the Shanghai day of an event: what a duplicate is recognised by (a POS device
// or producer that re-sends after a timeout sends the same id again). The day is that of the time
// on the Shanghai wall clock (ingest/rows.ts), the form nearly every event already carries: read
// off the text, not parsed, on the hot path.
import type { EventKind, EventOf } from '../contracts/events.ts';
import { wallClock } from './rows.ts';

export function eventKey<K extends EventKind>(kind: K, event: EventOf<K>): { id: string; day: string } {
  if (kind === 'pos') {
    const r = event as EventOf<'pos'>;
    return { id: r.receiptId, day: wallClock(r.soldAt).slice(0, 10) };
  }
  if (kind === 'distribution') {
    const t = event as EventOf<'distribution'>;
    return { id: t.txnId, day: wallClock(t.occurredAt).slice(0, 10) };
  }
  const p = event as EventOf<'parcel'>;
  return { id: p.recordId, day: p.day };
}
