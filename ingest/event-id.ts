// The stable id and the Shanghai day of a validated event: what a duplicate is recognised by
// (a POS device or producer that re-sends after a timeout sends the same id again).
import type { DistributionTxn, EventKind, ParcelVolume, PosReceipt } from '../contracts/events.ts';
import { parseShanghaiTime, shanghaiDay } from '../contracts/time.ts';

export function eventKey(kind: EventKind, event: unknown): { id: string; day: string } {
  switch (kind) {
    case 'pos': {
      const r = event as PosReceipt;
      return { id: r.receiptId, day: shanghaiDay(parseShanghaiTime(r.soldAt)) };
    }
    case 'distribution': {
      const t = event as DistributionTxn;
      return { id: t.txnId, day: shanghaiDay(parseShanghaiTime(t.occurredAt)) };
    }
    case 'parcel': {
      const p = event as ParcelVolume;
      return { id: p.recordId, day: p.day };
    }
  }
}
