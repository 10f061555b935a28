// How many rows an export carried, counted from the bytes that went out, so that the analyst's
// history and the audit say "150,000 rows" for every format. The engine's stream carries no row
// count a server's HTTP answer would give back at its end, and its blocks are joined before they
// leave (warehouse/stream-join.ts), so each format is read for its own framing:
// - CSV: record ends, that is line breaks outside quotes (a quoted value may hold a line break);
// - Arrow IPC stream: each record batch message states its length in its header;
// - Parquet: the file's footer states the rows (only the file's tail is kept, for it).
// XLSX counts its rows as it writes them (api/sql/xlsx-export.ts).
import { Message, MessageHeader } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';

export interface RowCounter {
  push(chunk: Uint8Array): void;
  /** The rows, once every chunk was pushed; null when the bytes do not say (a broken file). */
  rows(): number | null;
}

export function csvRowCounter(withHeader: boolean): RowCounter {
  let breaks = 0;
  let quoted = false;
  let last = 10; // the last byte seen: a file without a final line break still ends a record
  let any = false;
  return {
    push(chunk) {
      if (chunk.length === 0) return;
      any = true;
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let at = 0;
      while (at < buf.length) {
        if (quoted) {
          const q = buf.indexOf(34, at);
          if (q < 0) break;
          quoted = false; // a doubled quote closes and opens again: the same state after both
          at = q + 1;
          continue;
        }
        const q = buf.indexOf(34, at);
        const n = buf.indexOf(10, at);
        if (n >= 0 && (q < 0 || n < q)) {
          breaks++;
          at = n + 1;
        } else if (q >= 0) {
          quoted = true;
          at = q + 1;
        } else break;
      }
      last = buf[buf.length - 1]!;
    },
    rows() {
      if (!any) return 0;
      const records = breaks + (last === 10 ? 0 : 1);
      return Math.max(0, records - (withHeader ? 1 : 0));
    },
  };
}

/** Arrow IPC stream framing: [0xFFFFFFFF] int32 metadata length, the metadata (a flatbuffer
 *  Message), then its body of `bodyLength` bytes; a length of 0 ends the stream. */
export function arrowRowCounter(): RowCounter {
  let rows = 0;
  let broken = false;
  let held: Buffer = Buffer.alloc(0); // bytes of a prefix or a metadata block not complete yet
  let need: 'prefix' | 'metadata' | 'body' | 'end' = 'prefix';
  let metadataLength = 0;
  let skip = 0; // body bytes still to pass over
  return {
    push(chunk) {
      if (broken || need === 'end') return;
      let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      while (buf.length > 0 && !broken && need !== 'end') {
        if (need === 'body') {
          const n = Math.min(skip, buf.length);
          skip -= n;
          buf = buf.subarray(n);
          if (skip === 0) need = 'prefix';
          continue;
        }
        const want = need === 'prefix' ? 8 : metadataLength;
        const take = Math.min(want - held.length, buf.length);
        held = held.length === 0 && take === want ? buf.subarray(0, take) : Buffer.concat([held, buf.subarray(0, take)]);
        buf = buf.subarray(take);
        if (held.length < want) break;
        if (need === 'prefix') {
          if (held.readUInt32LE(0) !== 0xffffffff) { broken = true; break; }
          metadataLength = held.readInt32LE(4);
          held = Buffer.alloc(0);
          need = metadataLength === 0 ? 'end' : metadataLength < 0 ? (broken = true, 'end') : 'metadata';
        } else {
          try {
            const message = Message.decode(held);
            if (message.headerType === MessageHeader.RecordBatch) rows += Number((message.header() as { length: number | bigint }).length);
            skip = Number(message.bodyLength);
          } catch {
            broken = true;
          }
          held = Buffer.alloc(0);
          need = skip > 0 ? 'body' : 'prefix';
        }
      }
    },
    // A stream cut before its end marker (an abandoned download) still counts what went out.
    rows: () => (broken ? null : rows),
  };
}

/** The footer of a Parquet file: "... metadata, int32 its length, PAR1". The last chunks are kept
 *  while they hold at most `keep` bytes past the newest (no copying per chunk: a 500 MB file comes
 *  in thousands), and joined once, when the rows are asked for. */
export function parquetRowCounter(keep = 1 << 20): RowCounter {
  const tail: Buffer[] = [];
  let held = 0;
  return {
    push(chunk) {
      tail.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      held += chunk.byteLength;
      while (tail.length > 1 && held - tail[0]!.length >= keep) held -= tail.shift()!.length;
    },
    rows() {
      const bytes = Buffer.concat(tail);
      try {
        return Number(parquetMetadata(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).num_rows);
      } catch {
        return null; // a footer longer than the tail kept, or no file at all
      }
    },
  };
}
