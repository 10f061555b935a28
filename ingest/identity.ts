// The identity of an event is (stream, id): an id is unique across the platform, and the first
// message that carries it wins; every later one is a duplicate, whatever its source, partition, time
// or distance from the first. Ids are held in `ingest_event_ids` (migrations 0006 and 0020): the
// Kafka source claims them before it writes their rows (its ledger replays a crashed batch, which
// then writes what it claimed); the file import records them after. See docs/exactly-once.md.
import type { EventKind } from '../contracts/events.ts';
import { formatShanghaiTime } from '../contracts/time.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** What identifies an event (ingest/event-id.ts eventKey): its id, and its day for the table's partition. */
export interface Keyed { id: string; day: string }

export interface Claims {
  /** Ids another batch holds: this batch drops their events. */
  elsewhere: Set<string>;
  /** Ids this batch claimed on an earlier attempt: still its own to write. */
  own: Set<string>;
}

/** Ids a lookup sends at most: 10,000 ids of 64 characters, the longest an id may be, are 0.65 MiB
 *  in a URL (more if full of colons, which a URL writes as three characters). */
const LOOKUP_IDS = 10_000;

export async function claimsOf(warehouse: Warehouse, kind: EventKind, events: readonly Pick<Keyed, 'id'>[], token: string): Promise<Claims> {
  const claims: Claims = { elsewhere: new Set(), own: new Set() };
  if (events.length === 0) return claims;
  // By (kind, id), the table's key, in every month: a re-send may carry another day. The newest
  // row of an id holds it; an empty token is a claim given back (its event was refused).
  // The ids go as one text, split by the engine (an id holds no line break: contracts/events.ts):
  // as an Array(String) parameter, chdb took 120 ms to look up 20,000 ids and 190 s for 40,000
  // (docs/performance.md); the text takes 94 ms and 180 ms. At most LOOKUP_IDS a query: on a
  // ClickHouse server the parameter travels in the URL, 1 MiB at most by default.
  const ids = [...new Set(events.map((e) => e.id))];
  for (let at = 0; at < ids.length; at += LOOKUP_IDS) {
    const rows = await warehouse.query<{ id: string; holder: string }>(
      `SELECT id, argMax(token, at) AS holder FROM ingest_event_ids
       WHERE kind = {kind:String} AND id IN (SELECT arrayJoin(splitByChar('\n', {ids:String}))) GROUP BY id`,
      { kind, ids: ids.slice(at, at + LOOKUP_IDS).join('\n') },
    );
    for (const r of rows) {
      if (r.holder === '') continue; // given back: free, whoever asks (the file import asks with '')
      if (r.holder === token) claims.own.add(r.id);
      else claims.elsewhere.add(r.id);
    }
  }
  return claims;
}

/** Claims the ids of `events` for the batch `token` (`release`: gives them back, token ''). */
export async function claimIds(warehouse: Warehouse, kind: EventKind, events: readonly Keyed[], token: string, release = false): Promise<void> {
  if (events.length === 0) return;
  const now = Date.now();
  const at = `${formatShanghaiTime(now)}.${String(now % 1000).padStart(3, '0')}`;
  await warehouse.insert('ingest_event_ids', events.map((e) => ({ kind, id: e.id, token: release ? '' : token, day: e.day, at })),
    { dedupToken: `${token}/${release ? 'released' : 'ids'}` });
}

/**
 * Ids held by batches being claimed in this process: a batch whose ids another one is claiming
 * waits for it, then looks them up, so two partitions with the same id at the same moment (a
 * producer re-sending into another partition) cannot both find it free and both claim it.
 */
export function createIdReservations() {
  const held = new Map<string, Promise<void>>();
  return {
    async reserve(kind: EventKind, events: readonly Pick<Keyed, 'id'>[]): Promise<() => void> {
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
