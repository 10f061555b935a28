// The ledger of batches: which partition offset range went to the warehouse as one batch, and
// whether its rows landed. A range is recorded before its batch is written and marked done after
// its rows landed, so the partition's next reader, in any group and at any distance in time,
// re-forms exactly the recorded batches: a done one is not written again, an unfinished one is
// written with the same deduplication tokens. See docs/exactly-once.md.
import type { Warehouse } from '../../warehouse/warehouse.ts';

export interface OffsetRange {
  first: bigint;
  last: bigint; // inclusive
}

export interface RecordedRange extends OffsetRange {
  done: boolean;
  /** Its receipts went as their JSON (ingest/event-insert.ts): a replay must send them so again. */
  receiptsJson: boolean;
}

export interface Ledger {
  record(topic: string, partition: number, range: OffsetRange, receiptsJson: boolean): Promise<void>;
  /** After the range's rows landed; with the way they went, as recorded. */
  done(topic: string, partition: number, range: OffsetRange, receiptsJson: boolean): Promise<void>;
  /** Up to `limit` ranges recorded at or after `from` (the committed offset), in offset order. */
  pending(topic: string, partition: number, from: bigint, limit: number): Promise<RecordedRange[]>;
}

export function createWarehouseLedger(warehouse: Warehouse): Ledger {
  const row = (topic: string, partition: number, { first, last }: OffsetRange, done: number, receiptsJson: boolean) =>
    ({ topic, partition, first_offset: first.toString(), last_offset: last.toString(), done, receipts_json: receiptsJson ? 1 : 0 });
  return {
    async record(topic, partition, range, receiptsJson) {
      await warehouse.insert('ingest_batches', [row(topic, partition, range, 0, receiptsJson)]);
    },
    async done(topic, partition, range, receiptsJson) {
      // With the record's way: the table keeps one row of a range once its parts merge (the newest,
      // this one), and that row must still say how the range was written.
      await warehouse.insert('ingest_batches', [row(topic, partition, range, 1, receiptsJson)]);
    },
    async pending(topic, partition, from, limit) {
      // Offsets travel as strings: they outgrow a double long before they outgrow UInt64.
      const rows = await warehouse.query<{ first: string; last: string; done: number; receipts_json: number }>(
        `SELECT toString(first_offset) AS first, toString(last_offset) AS last, max(done) AS done, max(receipts_json) AS receipts_json FROM ingest_batches
         WHERE topic = {topic:String} AND partition = {partition:UInt32} AND first_offset >= {from:UInt64}
         GROUP BY first_offset, last_offset ORDER BY first_offset LIMIT {limit:UInt32}`,
        { topic, partition, from: from.toString(), limit },
      );
      return rows.map((r) => ({ first: BigInt(r.first), last: BigInt(r.last), done: Number(r.done) === 1, receiptsJson: Number(r.receipts_json) === 1 }));
    },
  };
}

/** The insert deduplication token of a batch: the same range always gives the same token. */
export const batchToken = (table: string, topic: string, partition: number, range: OffsetRange) =>
  `${table}/${topic}/${partition}/${range.first}-${range.last}`;
