// Raw record -> validated event, or the reason it was refused. Never throws: a bad record is a
// value to route to the dead letters, not an exception that could stop the pipeline.
import { eventSchemas, type EventKind, type EventOf } from '../contracts/events.ts';
import { formatShanghaiTime, parseShanghaiTime } from '../contracts/time.ts';
import { fastPosReceipt } from './fast-pos.ts';
import { receiptTextAsIs } from './receipt-json.ts';

export type RejectReason = 'too_large' | 'not_json' | 'schema' | 'out_of_range' | 'insert_rejected';

/**
 * The times an event may carry: from 2000-01-01 (Asia/Shanghai) to a day after it was sent. The
 * engine would clamp a time outside its range to 1970 or 2106, and refuses a whole batch whose rows
 * span more than 100 monthly partitions. "Sent" is the Kafka message's timestamp, not the clock of
 * the moment it is read, so a range re-read after a crash decides every event the same way.
 */
export const EARLIEST_EVENT_MS = parseShanghaiTime('2000-01-01 00:00:00');
export const AHEAD_OF_SENDING_MS = 86_400_000;

const TIME_FIELD = { pos: 'soldAt', distribution: 'occurredAt', parcel: 'day' } as const;

export type Decoded<K extends EventKind> =
  | { ok: true; event: EventOf<K>; asIs?: true }
  | { ok: false; reason: RejectReason; detail: string };

/** `raw` is the message bytes or text (Kafka, files) or an already-parsed object (in-process);
 *  `sentAt` is when it was sent (epoch ms): the latest time it may carry is a day after that. */
export function decodeEvent<K extends EventKind>(kind: K, raw: unknown, maxBytes: number, sentAt: number): Decoded<K> {
  let value = raw;
  let text: string | undefined;
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
    if (size > maxBytes) return { ok: false, reason: 'too_large', detail: `${size} bytes, limit ${maxBytes}` };
    try {
      text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, reason: 'not_json', detail: jsonErrorDetail(e as Error) };
    }
  }
  // A receipt certainly valid is taken as it is (ingest/fast-pos.ts); anything else, zod decides.
  const fast = kind === 'pos' ? fastPosReceipt(value) : undefined;
  const parsed = fast ? { success: true as const, data: fast.event } : eventSchemas[kind].safeParse(value);
  if (parsed.success) {
    const field = TIME_FIELD[kind];
    const time = String((parsed.data as Record<string, unknown>)[field]);
    const at = fast ? fast.at : parseShanghaiTime(field === 'day' ? `${time} 00:00:00` : time);
    const latest = sentAt + AHEAD_OF_SENDING_MS;
    if (at < EARLIEST_EVENT_MS || at > latest) {
      return { ok: false, reason: 'out_of_range', detail: `${field} ${time}: outside ${formatShanghaiTime(EARLIEST_EVENT_MS)} .. ${formatShanghaiTime(latest)} (Asia/Shanghai; up to a day after it was sent)` };
    }
    // The record's own text can be what the engine reads (ingest/receipt-json.ts).
    if (fast && text !== undefined && receiptTextAsIs(text, fast.event)) return { ok: true, event: parsed.data as EventOf<K>, asIs: true };
    return { ok: true, event: parsed.data as EventOf<K> };
  }
  const detail = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, reason: 'schema', detail };
}

/** The parser's message without the excerpt of the input that V8 quotes in it
 *  (`Unexpected token 'S', "S-5323-000"... is not valid JSON`): a dead letter's detail is shown to
 *  administrators, who do not see business data, and the record itself is kept beside it. */
export function jsonErrorDetail(e: Error): string {
  return e.message.replace(/, ".*"(\.\.\.)? is not valid JSON$/s, ': not valid JSON');
}
