// The XLSX writer past a sheet's row limit: with a limit of 4 rows (header included) 10 rows go
// on over 4 sheets, in order, and the About sheet says how they were split.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { writeXlsx } from '../../../api/sql/xlsx-export.ts';

async function* engine(): AsyncGenerator<Uint8Array> {
  const text = ['["n","name","big"]', '["UInt64","String","UInt64"]', ...Array.from({ length: 10 }, (_, i) => JSON.stringify([String(i), `第${i}`, i === 9 ? '18446744073709551615' : String(i * 1000)]))].join('\n') + '\n';
  // In pieces that cut rows in the middle, as the engine's chunks do.
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
}

test('rows past a sheet\'s limit continue on the next sheet, and the About sheet says so', async () => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rows = await writeXlsx(engine(), out, { sql: 'SELECT n, name, big FROM t', ranAt: '2026-11-29 10:00:00', sheetRows: 4 });
  expect(rows).toBe(10);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['结果 Result', '结果 Result 2', '结果 Result 3', '结果 Result 4', '说明 About']);
  const values = (i: number) => book.worksheets[i]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  expect(values(0)).toEqual([['n (UInt64)', 'name (String)', 'big (UInt64)'], [0, '第0', 0], [1, '第1', 1000], [2, '第2', 2000]]);
  expect(values(1).slice(1)).toEqual([[3, '第3', 3000], [4, '第4', 4000], [5, '第5', 5000]]);
  // Past 2^53 a 64-bit integer stays text rather than lose digits.
  expect(values(3)).toEqual([['n (UInt64)', 'name (String)', 'big (UInt64)'], [9, '第9', '18446744073709551615']]);
  const about = values(4);
  expect(about[0]).toEqual(['查询 Query', 'SELECT n, name, big FROM t']);
  expect(about[2]).toEqual(['行数 Rows', 10]);
  expect(about[3]).toEqual(['工作表 Sheets', 4]);
  expect(about[5]![1]).toMatch(/^结果共 10 行，超过单个工作表的上限，按顺序分在 4 个工作表中。/);
});

test('dates and times as Excel dates at the wall clock written; a date before March 1900 stays text, a null an empty cell', async () => {
  // ExcelJS turns the serials back into dates by its own arithmetic; 1900-01-15 falls before
  // Excel's 1900 leap day, where its serials are off by one, and stays text.
  const text = ['["d","t","t64","old","odd"]', `["Date","DateTime('Asia/Shanghai')","DateTime64(3, 'Asia/Shanghai')","Date32","Nullable(Date)"]`,
    JSON.stringify(['2026-03-01', '2026-03-01 08:15:30', '2026-03-01 08:15:30.250', '1900-01-15', null])].join('\n') + '\n';
  async function* source(): AsyncGenerator<Uint8Array> { yield new TextEncoder().encode(text); }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(source(), out, { sql: 'SELECT ...', ranAt: '2026-11-29 10:00:00' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect([1, 2, 3].map((c) => sheet.getCell(2, c).numFmt)).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss', 'yyyy-mm-dd hh:mm:ss']);
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
    new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T08:15:30Z'), new Date('2026-03-01T08:15:30.250Z'), '1900-01-15',
  ]);
});
