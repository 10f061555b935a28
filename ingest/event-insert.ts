// How a batch's events reach their table. POS receipts from Kafka, on an engine that takes JSON
// bytes as they are and has the receipts' input table (migration 0028: the embedded engine), go as
// their JSON, one receipt a line, and the engine flattens them into pos_lines; everything else
// goes as rows (ingest/rows.ts). Building and serialising a receipt's rows was half of the
// JavaScript side's work per receipt (docs/performance.md); the engine parses JSON either way.
// The way is the caller's to choose and to keep: a block that reaches pos_lines through the view
// is deduplicated under another key than one inserted directly, so a replayed range must go the
// way it first went (the Kafka ledger records it, migration 0029). The simulator and file imports,
// whose replays have no such record, send rows.
import { TABLE_OF } from './rows.ts';
import { rowsOf, type BatchEvent } from './batch.ts';
import { receiptText } from './receipt-json.ts';
import type { EventKind } from '../contracts/events.ts';
import type { InsertOptions, Warehouse } from '../warehouse/warehouse.ts';

export const RECEIPTS_INPUT = 'pos_receipts_in';
const NEWLINE = Buffer.from('\n');
// Asked once per warehouse; a failed probe is asked again.
const probes = new WeakMap<Warehouse, Promise<boolean>>();

/** Whether receipts can go to `warehouse` as their JSON; asked once per warehouse. */
export function takesReceiptJson(warehouse: Warehouse): Promise<boolean> {
  let probe = probes.get(warehouse);
  if (!probe) {
    probe = warehouse.insertJson
      ? warehouse.query(`SELECT name FROM system.tables WHERE database = currentDatabase() AND name = '${RECEIPTS_INPUT}'`).then((r) => r.length > 0)
      : Promise.resolve(false);
    probe.catch(() => probes.delete(warehouse));
    probes.set(warehouse, probe);
  }
  return probe;
}

/** Inserts `events`, all of `kind`, in one insert under `options` (its deduplication token);
 *  receipts as their JSON when `receiptsJson` (the caller has asked `takesReceiptJson`). */
export async function insertEvents(warehouse: Warehouse, kind: EventKind, events: readonly BatchEvent[], receiptsJson: boolean, options?: InsertOptions): Promise<void> {
  if (events.length === 0) return;
  if (kind === 'pos' && receiptsJson) {
    if (!warehouse.insertJson) throw new Error('receipts recorded as written as JSON, to a warehouse that takes rows only');
    const parts: Buffer[] = [];
    for (const e of events) parts.push(e.json ?? Buffer.from(receiptText(e.event as never)), NEWLINE);
    return warehouse.insertJson!(RECEIPTS_INPUT, Buffer.concat(parts), options);
  }
  return warehouse.insert(TABLE_OF[kind], events.flatMap(rowsOf), options);
}
