// The ledger of batches: which partition offset range went to the warehouse as one batch. It is
// written before the batch, so after a crash the partition's next owner re-forms exactly the
// batches that may have landed, with the same deduplication tokens. See docs/exactly-once.md.
import type { Warehouse } from '../../warehouse/warehouse.ts';

export interface OffsetRange {
  first: bigint;
  last: bigint; // inclusive
}

export interface Ledger {
  record(topic: string, partition: number, range: OffsetRange): Promise<void>;
  /** Up to `limit` ranges recorded at or after `from` (the committed offset), in offset order. */
  pending(topic: string, partition: number, from: bigint, limit: number): Promise<OffsetRange[]>;
}

export function createWarehouseLedger(warehouse: Warehouse): Ledger {
  return {
    async record(topic, partition, { first, last }) {
      await warehouse.insert('ingest_batches', [{ topic, partition, first_offset: first.toString(), last_offset: last.toString() }]);
    },
    async pending(topic, partition, from, limit) {
      // Offsets travel as strings: they outgrow a double long before they outgrow UInt64.
      const rows = await warehouse.query<{ first: string; last: string }>(
        `SELECT DISTINCT toString(first_offset) AS first, toString(last_offset) AS last FROM ingest_batches
         WHERE topic = {topic:String} AND partition = {partition:UInt32} AND first_offset >= {from:UInt64}
         ORDER BY first_offset LIMIT {limit:UInt32}`,
        { topic, partition, from: from.toString(), limit },
      );
      return rows.map((r) => ({ first: BigInt(r.first), last: BigInt(r.last) }));
    },
  };
}

/** The insert deduplication token of a batch: the same range always gives the same token. */
export const batchToken = (table: string, topic: string, partition: number, range: OffsetRange) =>
  `${table}/${topic}/${partition}/${range.first}-${range.last}`;
