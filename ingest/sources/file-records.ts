// Records from an NDJSON or CSV file, for import. NDJSON lines are either an envelope
// {"kind": "pos", "value": {...}} (what `npm run simulate -- --to stdout` writes) or a bare event
// of the kind given. CSV needs the kind: parcel and distribution files have one event per row
// with the schema's field names as the header; POS files have one receipt line per row (receipt
// fields repeated, line fields prefixed `line.`), consecutive rows of one receiptId forming one
// receipt. Values stay text where the schema wants text; numbers and booleans are converted.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseCsv } from '../../contracts/csv.ts';
import { EVENT_KINDS, type EventKind } from '../../contracts/events.ts';

export interface FileRecord {
  line: number; // first line of the record in the file, 1-based
  kind: EventKind | string;
  value: unknown; // parsed object, or the raw text if the line is not JSON
}

const NUMERIC = new Set(['schemaVersion', 'totalFen', 'quantity', 'unitPriceFen', 'discountFen', 'amountFen', 'weightG', 'parcels']);

export async function* readRecords(path: string, format: 'ndjson' | 'csv', kind: EventKind | undefined,
  onBytes: (bytes: number) => void = () => {}): AsyncGenerator<FileRecord> {
  const stream = createReadStream(path);
  stream.on('data', (chunk) => onBytes(chunk.length));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  if (format === 'ndjson') {
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      yield ndjsonRecord(text, n, kind);
    }
    return;
  }
  if (!kind) throw new Error('CSV import needs --kind (pos, distribution or parcel)');
  let header: string[] | null = null;
  let receipt: { line: number; value: Record<string, unknown> } | null = null;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const cells = parseCsvLine(text);
    if (!header) {
      header = cells;
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, convert(h, cells[i] ?? '')]));
    if (kind !== 'pos') {
      yield { line: n, kind, value: row };
      continue;
    }
    const line = Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('line.')).map(([k, v]) => [k.slice(5), v]));
    const head = Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('line.')));
    if (receipt && receipt.value.receiptId === head.receiptId) {
      (receipt.value.lines as unknown[]).push(line);
      continue;
    }
    if (receipt) yield { line: receipt.line, kind, value: receipt.value };
    receipt = { line: n, value: { ...head, lines: [line] } };
  }
  if (receipt) yield { line: receipt.line, kind, value: receipt.value };
}

function ndjsonRecord(text: string, line: number, kind: EventKind | undefined): FileRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { line, kind: kind ?? 'unknown', value: text };
  }
  const envelope = parsed as { kind?: unknown; value?: unknown };
  if (envelope && typeof envelope === 'object' && typeof envelope.kind === 'string' && 'value' in envelope) {
    return { line, kind: envelope.kind, value: envelope.value };
  }
  return { line, kind: kind ?? 'unknown', value: parsed };
}

function convert(header: string, cell: string): unknown {
  const field = header.startsWith('line.') ? header.slice(5) : header;
  if (cell === '') return undefined;
  if (NUMERIC.has(field) && /^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  return cell;
}

/** One CSV line (no newlines inside quoted cells: the file is read line by line). */
export const parseCsvLine = (text: string): string[] => parseCsv(text)[0] ?? [''];

export const isEventKind = (k: string): k is EventKind => (EVENT_KINDS as string[]).includes(k);
