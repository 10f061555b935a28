// chdb's streaming query writes each block of the result in the format on its own: a CSV header,
// the names and types lines, an Arrow schema and end-of-stream marker per block of 65,409 rows.
// Sent as they came, an export of 150,000 rows held its header three times and an Arrow file three
// streams, of which readers took the first. This joins them into the one output a server sends.
// (Parquet files cannot be joined so: the embedded engine writes a Parquet export in one piece.)
import type { StreamFormat } from './sql-engine.ts';

export interface ChunkJoiner {
  /** The bytes of `chunk` that belong in the joined output. */
  push(chunk: Uint8Array): Uint8Array[];
  /** What is held back to the end (Arrow's end-of-stream marker). */
  end(): Uint8Array[];
}

const NEWLINE = 0x0a;
const EOS = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

export function createChunkJoiner(format: Exclude<StreamFormat, 'Parquet'>): ChunkJoiner {
  return format === 'ArrowStream' ? arrowJoiner() : headerJoiner(format === 'CSVWithNames' ? 1 : 2);
}

/** Text formats whose first `lines` lines are the header: kept from the first block, dropped from the others. */
function headerJoiner(lines: number): ChunkJoiner {
  let header: Uint8Array | null = null;
  return {
    push(chunk) {
      if (header === null) {
        let end = 0;
        for (let n = 0; n < lines; n++) {
          const at = chunk.indexOf(NEWLINE, end);
          if (at === -1) return [chunk]; // no whole header (an empty result): nothing to compare later blocks with
          end = at + 1;
        }
        header = chunk.slice(0, end);
        return [chunk];
      }
      return [startsWith(chunk, header) ? chunk.subarray(header.length) : chunk];
    },
    end: () => [],
  };
}

/** Arrow IPC streams: the first block's schema kept, the others' dropped; one end-of-stream marker, at the end. */
function arrowJoiner(): ChunkJoiner {
  let first = true;
  let held = false;
  return {
    push(chunk) {
      let body = chunk;
      if (!first) body = body.subarray(schemaLength(body));
      first = false;
      if (endsWith(body, EOS)) {
        held = true;
        body = body.subarray(0, body.length - EOS.length);
      }
      return [body];
    },
    end: () => (held ? [EOS] : []),
  };
}

/** Bytes of the IPC message at the start of `b` (the schema, which has no body): the continuation
 *  marker and length, then the metadata (padded to 8 by the writer). */
function schemaLength(b: Uint8Array): number {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 8) return 0;
  const continued = view.getUint32(0, true) === 0xffffffff;
  const length = view.getInt32(continued ? 4 : 0, true);
  return (continued ? 8 : 4) + length;
}

function startsWith(b: Uint8Array, prefix: Uint8Array): boolean {
  if (b.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false;
  return true;
}

function endsWith(b: Uint8Array, suffix: Uint8Array): boolean {
  if (b.length < suffix.length) return false;
  for (let i = 0; i < suffix.length; i++) if (b[b.length - suffix.length + i] !== suffix[i]) return false;
  return true;
}
