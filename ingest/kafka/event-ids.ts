// The identity of an event is (stream, id): an id is unique across the platform, and the first
// message that carries it wins; every later one is a duplicate, whatever its partition, its time
// or its distance from the first (see sql/migrations/0006_event_ids.sql, docs/exactly-once.md).
import type { EventKind } from '../../contracts/events.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { BatchEvent } from './partition-batch.ts';

export interface IdsOnRecord {
  /** Ids another batch wrote: this batch drops their events. */
  elsewhere: Set<string>;
  /** This batch's own ids are on record under its token: it was written in full before (a range
   *  re-read after a crash, an offset reset or by a new group), and is not written again. */
  landed: boolean;
}

export async function idsOnRecord(warehouse: Warehouse, kind: EventKind, events: readonly BatchEvent[], token: string): Promise<IdsOnRecord> {
  if (events.length === 0) return { elsewhere: new Set(), landed: false };
  // By (kind, id), the table's key, in every month: a re-send may carry another day.
  const rows = await warehouse.query<{ id: string; own: number; others: number }>(
    `SELECT id, countIf(token = {token:String}) AS own, countIf(token != {token:String}) AS others FROM ingest_event_ids
     WHERE kind = {kind:String} AND id IN {ids:Array(String)} GROUP BY id`,
    { kind, ids: [...new Set(events.map((e) => e.id))], token },
  );
  return {
    elsewhere: new Set(rows.filter((r) => Number(r.others) > 0 && Number(r.own) === 0).map((r) => r.id)),
    landed: rows.some((r) => Number(r.own) > 0),
  };
}

export async function recordIds(warehouse: Warehouse, kind: EventKind, events: readonly BatchEvent[], token: string): Promise<void> {
  if (events.length === 0) return;
  await warehouse.insert('ingest_event_ids', events.map((e) => ({ kind, id: e.id, token, day: e.day })), { dedupToken: `${token}/ids` });
}

/**
 * Ids held by batches being written in this process: a batch whose ids another one holds waits
 * for it to finish, then looks them up, so two partitions with the same id at the same moment
 * (a producer re-sending into another partition) cannot both find it absent and both write it.
 */
export function createIdReservations() {
  const held = new Map<string, Promise<void>>();
  return {
    async reserve(kind: EventKind, events: readonly BatchEvent[]): Promise<() => void> {
      const keys = [...new Set(events.map((e) => `${kind}|${e.id}`))];
      for (;;) {
        const busy = new Set(keys.map((k) => held.get(k)).filter((p): p is Promise<void> => p !== undefined));
        if (busy.size === 0) break;
        await Promise.all(busy);
      }
      // Checked and taken with no await in between: no other batch can slip in.
      let release!: () => void;
      const done = new Promise<void>((resolve) => { release = resolve; });
      for (const k of keys) held.set(k, done);
      return () => {
        for (const k of keys) if (held.get(k) === done) held.delete(k);
        release();
      };
    },
  };
}
