// The row counters of the exports (api/sql/export-rows.ts) over hand-made files, fed in every
// split into pieces a stream could give (a piece boundary inside a quote, a header, a body).
import { tableFromArrays, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { Session } from 'chdb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrowRowCounter, csvRowCounter, parquetRowCounter, type RowCounter } from '../../api/sql/export-rows.ts';

/** The counter's answer for `bytes` cut at every position `step` apart, and in one piece. */
function countsBySplit(make: () => RowCounter, bytes: Uint8Array, step: number): (number | null)[] {
  const answers: (number | null)[] = [];
  for (let size = 1; size <= bytes.length; size += step) {
    const c = make();
    for (let at = 0; at < bytes.length; at += size) c.push(bytes.subarray(at, at + size));
    answers.push(c.rows());
  }
  return [...new Set(answers)];
}

describe('CSV', () => {
  test('a line break inside quotes is not a record; a doubled quote stays inside', () => {
    // header + 3 records: the second holds a line break and a doubled quote in its quoted value.
    const csv = Buffer.from('name,note\n甲,"plain"\n乙,"two\nlines, ""quoted"""\n丙,last\n');
    expect(countsBySplit(() => csvRowCounter(true), csv, 1)).toEqual([3]);
  });

  test('no final line break, an empty file, no header', () => {
    expect(countsBySplit(() => csvRowCounter(true), Buffer.from('a\n1\n2'), 1)).toEqual([2]);
    expect(csvRowCounter(true).rows()).toBe(0);
    expect(countsBySplit(() => csvRowCounter(false), Buffer.from('1\n2\n3\n'), 1)).toEqual([3]);
  });
});

describe('Arrow IPC stream', () => {
  test('the record batches\' lengths, whatever the pieces', () => {
    // Two record batches of 5 and 7 rows: 12.
    const base = tableFromArrays({ n: Int32Array.from({ length: 12 }, (_, i) => i), s: Array.from({ length: 12 }, (_, i) => `行${i}`) });
    const table = new Table([...base.slice(0, 5).batches, ...base.slice(5, 12).batches]);
    expect(table.batches.map((b) => b.numRows)).toEqual([5, 7]);
    const bytes = tableToIPC(table, 'stream');
    expect(table.numRows).toBe(12);
    expect(countsBySplit(arrowRowCounter, bytes, 7)).toEqual([12]);
  });

  test('bytes that are not an Arrow stream give no count rather than a wrong one', () => {
    const c = arrowRowCounter();
    c.push(Buffer.from('n,twice\n1,2\n'));
    expect(c.rows()).toBeNull();
  });
});

describe('Parquet', () => {
  test('the footer\'s rows from a tail kept over many small pieces; a tail too short for the footer gives no count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-parquet-'));
    const session = new Session(dir);
    try {
      const bytes = (await session.queryAsync('SELECT number AS n, toString(number) AS s FROM numbers(1000)', { format: 'Parquet' })).bytes();
      const count = (keep: number) => {
        const c = parquetRowCounter(keep);
        for (let at = 0; at < bytes.length; at += 97) c.push(bytes.subarray(at, at + 97));
        return c.rows();
      };
      expect(count(1 << 20)).toBe(1000);
      expect(count(16)).toBeNull();
    } finally {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
