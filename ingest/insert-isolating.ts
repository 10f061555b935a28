// Inserting a batch so that rows the engine refuses take only themselves to the dead letters. The
// whole batch is tried first; if the engine refuses it, it is split in halves and each half tried,
// down to single events, so a batch of 10,000 with one bad event costs about 2 x log2(10,000) = 28
// more inserts, not 10,000 dead letters. An event's rows stay together (a receipt is whole or not
// at all). The split is the same every time for the same events, so a part's suffix (`/lo-hi`,
// event indices) makes a deduplication token a retry after a crash repeats.
import { isRefusal, type WarehouseError } from '../warehouse/warehouse.ts';

export interface Refused<E> { event: E; error: WarehouseError }

/**
 * `insert(part, suffix)` writes the rows of `part` (retrying what may pass by itself); `suffix` is
 * '' for the whole batch and `/lo-hi` for a part. Any error that is not a refusal is thrown.
 */
export async function insertIsolating<E>(events: readonly E[], insert: (part: readonly E[], suffix: string) => Promise<void>): Promise<{ landed: E[]; refused: Refused<E>[] }> {
  const landed: E[] = [];
  const refused: Refused<E>[] = [];
  async function attempt(lo: number, hi: number): Promise<void> {
    const part = events.slice(lo, hi);
    try {
      await insert(part, lo === 0 && hi === events.length ? '' : `/${lo}-${hi}`);
      landed.push(...part);
    } catch (e) {
      if (!isRefusal(e)) throw e;
      if (hi - lo === 1) {
        refused.push({ event: part[0]!, error: e });
        return;
      }
      const mid = lo + Math.ceil((hi - lo) / 2);
      await attempt(lo, mid);
      await attempt(mid, hi);
    }
  }
  if (events.length > 0) await attempt(0, events.length);
  return { landed, refused };
}
