// Raw record -> validated event, or the reason it was refused. Never throws: a bad record is a
// value to route to the dead letters, not an exception that could stop the pipeline.
import { eventSchemas, type EventKind, type EventOf } from '../contracts/events.ts';

export type RejectReason = 'too_large' | 'not_json' | 'schema' | 'insert_rejected';

export type Decoded<K extends EventKind> =
  | { ok: true; event: EventOf<K> }
  | { ok: false; reason: RejectReason; detail: string };

/** `raw` is the message bytes or text (Kafka, files) or an already-parsed object (in-process). */
export function decodeEvent<K extends EventKind>(kind: K, raw: unknown, maxBytes: number): Decoded<K> {
  let value = raw;
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
    if (size > maxBytes) return { ok: false, reason: 'too_large', detail: `${size} bytes, limit ${maxBytes}` };
    try {
      value = JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
    } catch (e) {
      return { ok: false, reason: 'not_json', detail: (e as Error).message };
    }
  }
  const parsed = eventSchemas[kind].safeParse(value);
  if (parsed.success) return { ok: true, event: parsed.data as EventOf<K> };
  const detail = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, reason: 'schema', detail };
}
