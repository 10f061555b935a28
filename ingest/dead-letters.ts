// Where refused records go, with the reason, so nothing disappears silently. In-process and file
// sources write to the warehouse's dead_letters table; the Kafka source writes to `<topic>.dlq`.
import { formatShanghaiTime } from '../contracts/time.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { RejectReason } from './decode.ts';

export interface DeadLetter {
  source: string; // where it came from: `generator`, `file:x.ndjson:12`, `kafka:pos/3@1200`
  kind: string; // the stream it claimed to be
  reason: RejectReason;
  detail: string; // what was wrong, for a person
  payload: string; // the record as received, as text, cut to 64 KiB
  offset?: bigint; // its Kafka offset
  bytes?: Buffer; // its Kafka value exactly as received: what a dead-letter topic carries, whole
}

export interface DeadLetterSink {
  /** `dedupToken`: the same letters written again under it (a replayed batch) are dropped. */
  write(letters: readonly DeadLetter[], dedupToken?: string): Promise<void>;
}

const MAX_PAYLOAD = 64 * 1024;

export function payloadText(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : JSON.stringify(raw) ?? String(raw);
  return text.length > MAX_PAYLOAD ? text.slice(0, MAX_PAYLOAD) : text;
}

export function createWarehouseDeadLetters(warehouse: Warehouse, clock: () => number = Date.now): DeadLetterSink {
  return {
    async write(letters, dedupToken) {
      const receivedAt = formatShanghaiTime(clock());
      await warehouse.insert('dead_letters', letters.map((l) => ({ received_at: receivedAt, source: l.source, kind: l.kind, reason: l.reason, detail: l.detail, payload: l.payload })), dedupToken ? { dedupToken } : undefined);
    },
  };
}

/** Keeps letters in memory: for unit tests of the pipeline's own logic. */
export function createMemoryDeadLetters(): DeadLetterSink & { letters: DeadLetter[] } {
  const letters: DeadLetter[] = [];
  return { letters, async write(batch) { letters.push(...batch); } };
}
