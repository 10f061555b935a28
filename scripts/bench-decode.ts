// Per-event cost of the JavaScript side of ingest, step by step, on generated POS receipts: what
// bounds a single-threaded consumer before the warehouse does any work.
//   npm run bench:decode -- [--days 12]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { posReceipt } from '../contracts/events.ts';
import { decodeEvent } from '../ingest/decode.ts';
import { fastPosReceipt } from '../ingest/fast-pos.ts';
import { eventKey } from '../ingest/event-id.ts';
import { receiptText } from '../ingest/receipt-json.ts';
import { posRows } from '../ingest/rows.ts';
import { createGenerator } from '../ingest/sources/generator.ts';
import { loadModelData } from '../ingest/sources/model-data.ts';

const { values: args } = parseArgs({ options: { days: { type: 'string', default: '12' } } });
const gen = createGenerator({ ...loadModelData(1), seed: 1 });
const messages: Buffer[] = [];
for (const d of gen.days('2026-03-01', Number(args.days))) for (const r of gen.day(d)) if (r.kind === 'pos') messages.push(Buffer.from(JSON.stringify(r.value)));

const result: Record<string, number> = {};
const time = (label: string, run: () => void) => {
  const t = performance.now();
  run();
  result[label] = +(((performance.now() - t) * 1000) / messages.length).toFixed(2);
  process.stderr.write(`${label.padEnd(26)} ${result[label]} us/event\n`);
};
const parsed = messages.map((m) => JSON.parse(m.toString('utf8')));
const valid = parsed.map((p) => posReceipt.parse(p));
const rows = valid.flatMap(posRows);
const columns = Object.keys(rows[0]!);
time('json_parse', () => { for (const m of messages) JSON.parse(m.toString('utf8')); });
time('zod_validate', () => { for (const p of parsed) posReceipt.safeParse(p); });
time('fast_validate', () => { for (const p of parsed) fastPosReceipt(p); });
time('decode_total', () => { for (const m of messages) decodeEvent('pos', m, 1 << 20, Date.now()); });
time('rows', () => { for (const v of valid) posRows(v); });
time('event_key', () => { for (const v of valid) eventKey('pos', v); });
time('receipt_text', () => { for (const v of valid) receiptText(v); });
const asIs = messages.filter((m) => (decodeEvent('pos', m, 1 << 20, Date.now()) as { asIs?: true }).asIs).length;
time('serialize_objects', () => { let s = ''; for (const r of rows) s += `${JSON.stringify(r)}\n`; });
time('serialize_positional', () => { let s = ''; for (const r of rows) s += `${JSON.stringify(columns.map((c) => r[c]))}\n`; });
// A server's ingest builds and serialises rows; the embedded engine's takes a receipt's bytes as
// they are (ingest/event-insert.ts), writing out again only those it cannot (asIsShare).
const rowsPath = result.decode_total! + result.event_key! + result.rows! + result.serialize_positional!;
const jsonPath = result.decode_total! + result.event_key! + (1 - asIs / messages.length) * result.receipt_text!;
console.log(JSON.stringify({
  receipts: messages.length, machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}, node ${process.version}`,
  usPerEvent: result, asIsShare: +(asIs / messages.length).toFixed(4),
  rowsPathUsPerEvent: +rowsPath.toFixed(2), jsonPathUsPerEvent: +jsonPath.toFixed(2),
  singleThreadCeilingEventsPerSec: Math.round(1e6 / jsonPath),
}));
