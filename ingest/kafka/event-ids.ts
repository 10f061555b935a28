// Which of a batch's event ids another batch already wrote (see sql/migrations/0006_event_ids.sql).
import type { EventKind } from '../../contracts/events.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { BatchEvent } from './partition-batch.ts';

export async function idsSeenElsewhere(warehouse: Warehouse, kind: EventKind, events: readonly BatchEvent[], token: string): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // A repeat carries the same event, so the same day: the lookup reads only those days' parts.
  const days = [...new Set(events.map((e) => e.day))];
  const rows = await warehouse.query<{ id: string }>(
    `SELECT DISTINCT id FROM ingest_event_ids
     WHERE kind = {kind:String} AND day IN {days:Array(Date)} AND id IN {ids:Array(String)} AND token != {token:String}`,
    { kind, days, ids: events.map((e) => e.id), token },
  );
  return new Set(rows.map((r) => r.id));
}

export async function recordIds(warehouse: Warehouse, kind: EventKind, events: readonly BatchEvent[], token: string): Promise<void> {
  if (events.length === 0) return;
  await warehouse.insert('ingest_event_ids', events.map((e) => ({ kind, id: e.id, token, day: e.day })), { dedupToken: `${token}/ids` });
}
