// Full-result exports, read back: CSV parsed, XLSX cells read, Arrow and Parquet decoded, each
// compared value by value with the same query's rows as the engine gives them, and the row count
// with a recount from the generated events. The screen's row limit (1,000 here) does not apply.
import ExcelJS from 'exceljs';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../../contracts/csv.ts';
import type { AnyEvent } from '../../contracts/events.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { loadCounty } from '../fixtures/county.ts';

let t: TestApp;
let analyst: Awaited<ReturnType<TestApp['agent']>>;
let events: AnyEvent[];
/** Every type family a report would hold: text with Chinese, integers small and 64-bit, a decimal, a date, a time, an enum, a nullable. */
const QUERY = `
  SELECT p.receipt_id AS receipt, p.line_no AS line, p.store_id AS store, a.name AS county, toDate(p.sold_at) AS day, p.sold_at AS at,
         p.channel AS channel, p.amount_fen AS fen, toDecimal64(p.amount_fen / 100, 2) AS yuan,
         if(p.discount_fen = 0, NULL, p.discount_fen) AS discount
  FROM pos_lines AS p LEFT JOIN (SELECT code, name FROM areas FINAL) AS a ON a.code = p.county_code
  WHERE p.line_no >= {first:UInt16}
  ORDER BY receipt, line`;
const PARAMS = { first: 1 };
type Row = { receipt: string; line: number; store: string; county: string; day: string; at: string; channel: string; fen: string; yuan: number; discount: string | null };
let expected: Row[];

beforeAll(async () => {
  t = await openTestApp({ extra: { sqlLimits: { rowLimit: 1_000 } } });
  events = await loadCounty(t.wh, { from: '2026-03-01', to: '2026-03-03', scale: 0.02 });
  analyst = await t.agent('analyst');
  // The engine's own answer to the same query, straight from the fixture warehouse.
  expected = (await t.wh.query<Row>(QUERY, PARAMS)).map((r) => ({ ...r, fen: String(r.fen), discount: r.discount === null ? null : String(r.discount) }));
}, 120_000);
afterAll(() => t.close());

async function download(format: string): Promise<request.Response> {
  return analyst.post(`/api/sql/export?format=${format}`).send({ sql: QUERY, params: PARAMS })
    .buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

test('the result has more rows than the screen shows, as many as the events have lines', () => {
  const lines = events.filter((e) => e.kind === 'pos').reduce((n, e) => n + (e.event as { lines: unknown[] }).lines.length, 0);
  expect(expected.length).toBe(lines);
  expect(lines).toBeGreaterThan(1_000);
});

describe('each format read back equals the query\'s rows', () => {
  test('CSV: a BOM for Excel, a header, then every row', async () => {
    const res = await download('csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="query-\d{14}\.csv"$/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1).replace(/\n$/, ''));
    expect(header).toEqual(['receipt', 'line', 'store', 'county', 'day', 'at', 'channel', 'fen', 'yuan', 'discount']);
    expect(rows.length).toBe(expected.length);
    expect(rows).toEqual(expected.map((r) => [r.receipt, String(r.line), r.store, r.county, r.day, r.at, r.channel, r.fen, String(r.yuan), r.discount ?? '\\N']));
  });

  test('XLSX: the cells, numbers as numbers, and an About sheet with the query and the count', async () => {
    const res = await download('xlsx');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['结果 Result', '说明 About']);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(values[0]).toEqual(['receipt (String)', 'line (UInt16)', 'store (String)', 'county (String)', 'day (Date)', "at (DateTime('Asia/Shanghai'))",
      "channel (Enum8('offline' = 1, 'online_proxy' = 2))", 'fen (UInt64)', 'yuan (Decimal(18, 2))', 'discount (Nullable(UInt64))']);
    expect(values.length - 1).toBe(expected.length);
    // Dates and times are Excel dates (they were text, which a sheet cannot filter by range or
    // compute with), read back at the wall clock the engine wrote: Shanghai's here.
    expect(values.slice(1)).toEqual(expected.map((r) => [r.receipt, r.line, r.store, r.county, new Date(`${r.day}T00:00:00Z`), new Date(`${r.at.replace(' ', 'T')}Z`),
      r.channel, Number(r.fen), r.yuan, ...(r.discount === null ? [] : [Number(r.discount)])]));
    expect([sheet.getCell('E2').numFmt, sheet.getCell('F2').numFmt]).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss']);
    const about = book.worksheets[1]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(about[2]).toEqual(['行数 Rows', expected.length]);
    expect(about[3]).toEqual(['工作表 Sheets', 1]);
  });

  test('Arrow IPC stream: decoded with apache-arrow', async () => {
    const res = await download('arrow');
    expect(res.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(res.body as Buffer);
    expect(table.numRows).toBe(expected.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['receipt', 'line', 'store', 'county', 'day', 'at', 'channel', 'fen', 'yuan', 'discount']);
    const decoder = new TextDecoder();
    const text = (v: unknown) => (v instanceof Uint8Array ? decoder.decode(v) : v);
    const got = table.toArray().map((r) => {
      const o = r.toJSON() as Record<string, unknown>;
      return [text(o.receipt), o.line, text(o.store), text(o.county), o.channel, String(o.fen), o.discount === null ? null : String(o.discount)];
    });
    // Arrow has no enum type: an Enum8 column comes as its codes (offline = 1, online_proxy = 2).
    expect(got).toEqual(expected.map((r) => [r.receipt, r.line, r.store, r.county, r.channel === 'offline' ? 1 : 2, r.fen, r.discount]));
  });

  test('Parquet (snappy): decoded with hyparquet', async () => {
    const res = await download('parquet');
    expect(res.headers['content-type']).toBe('application/vnd.apache.parquet');
    const body = res.body as Buffer;
    const rows = await parquetReadObjects({ file: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer });
    expect(rows.length).toBe(expected.length);
    const decoder = new TextDecoder();
    const text = (v: unknown) => (v instanceof Uint8Array ? decoder.decode(v) : v);
    expect(rows.map((o) => [text(o.receipt), Number(o.line), text(o.store), text(o.county), text(o.channel), String(o.fen), o.discount === null || o.discount === undefined ? null : String(o.discount)]))
      .toEqual(expected.map((r) => [r.receipt, r.line, r.store, r.county, r.channel, r.fen, r.discount]));
  });
});

describe('how an export is asked for', () => {
  test('from an HTML form: urlencoded, the parameters as JSON text', async () => {
    const res = await analyst.post('/api/sql/export?format=csv').type('form')
      .send({ sql: 'SELECT {n:UInt8} + 1 AS m, {s:String} AS s', params: JSON.stringify({ n: 41, s: '楚雄' }), queryId: 'form-export-01' });
    expect(res.status).toBe(200);
    expect(res.headers['x-query-id']).toBe('form-export-01');
    expect(res.text).toBe('\uFEFF"m","s"\n42,"楚雄"\n');
  });

  test('a refused statement answers 400 with the reason before any file starts', async () => {
    const res = await analyst.post('/api/sql/export?format=parquet').send({ sql: "SELECT * FROM file('/etc/passwd')" });
    expect({ status: res.status, reason: res.body.reason }).toEqual({ status: 400, reason: 'table_function' });
  });

  test('an unknown format names the field', async () => {
    const res = await analyst.post('/api/sql/export?format=xml').send({ sql: 'SELECT 1' });
    expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field: 'format' });
  });

  test('bad parameters in a form name the field', async () => {
    const res = await analyst.post('/api/sql/export?format=csv').type('form').send({ sql: 'SELECT 1', params: '{not json' });
    expect({ status: res.status, field: res.body.field, message: res.body.message }).toEqual({ status: 400, field: 'params', message: 'params: must be a JSON object of parameter values' });
  });

  test('an export is audited with its text and how it ended', async () => {
    await analyst.post('/api/sql/export?format=csv').send({ sql: 'SELECT number FROM numbers(2500)' }).expect(200);
    await t.locals.audit.flush();
    const [row] = await t.wh.query<{ outcome: string; rows: number }>("SELECT outcome, rows FROM audit_log WHERE route = '/api/sql/export' AND detail = 'SELECT number FROM numbers(2500)'");
    expect(row).toMatchObject({ outcome: expect.stringMatching(/^ok: csv, 2500 rows, \d+ bytes$/), rows: 2_500 });
  });
});

describe('a result of several of the engine\'s blocks (150,000 rows; a block is 65,409)', () => {
  // Each block came formatted on its own: the CSV held its header three times, the Arrow file three
  // streams (readers took the first 65,409 rows), the Parquet file three files, the XLSX the names
  // and types as rows. n = 0 .. 149,999: the sum of n is 149,999 x 150,000 / 2.
  const BIG = 'SELECT number AS n, number * 2 AS twice FROM numbers(150000)';
  const SUM = (149_999 * 150_000) / 2;
  const big = (format: string) => analyst.post(`/api/sql/export?format=${format}`).send({ sql: BIG })
    .buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  test('CSV: one header, every row once', async () => {
    const res = await big('csv');
    expect(res.status).toBe(200);
    const rows = parseCsv((res.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['n', 'twice']);
    expect(rows.length).toBe(150_001);
    expect(rows.slice(1).reduce((s, r) => s + Number(r[0]), 0)).toBe(SUM);
  }, 60_000);

  test('Arrow: one stream of every row', async () => {
    const res = await big('arrow');
    const table = tableFromIPC(res.body as Buffer);
    expect(table.numRows).toBe(150_000);
    let sum = 0;
    for (const v of table.getChild('n')!) sum += Number(v);
    expect(sum).toBe(SUM);
  }, 60_000);

  test('Parquet: one file of every row', async () => {
    const res = await big('parquet');
    const bytes = res.body as Buffer;
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    expect(rows.length).toBe(150_000);
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(SUM);
  }, 60_000);

  test('XLSX: the names once, every row a row of numbers', async () => {
    const res = await big('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'n (UInt64)', 'twice (UInt64)']); // names with their types, once
    expect(sheet.actualRowCount).toBe(150_001);
    let sum = 0;
    sheet.eachRow((row, i) => { if (i > 1) sum += Number(row.getCell(1).value); });
    expect(sum).toBe(SUM);
  }, 120_000);

  test('the history says how many rows each format carried, and that each export ended', async () => {
    // Arrow and Parquet were audited with 0 rows (only CSV's lines were counted), and an XLSX
    // export stayed "started": archiver ended the answer before the route noted how it went.
    // 70,000 rows: more than one engine block; a text with a line break in every row for CSV.
    const sql = "SELECT number AS n, concat('line\\n', toString(number)) AS two_lines FROM numbers(70000)";
    for (const format of ['csv', 'arrow', 'parquet', 'xlsx']) {
      await analyst.post(`/api/sql/export?format=${format}`).send({ sql }).buffer(true).parse((res, done) => {
        res.on('data', () => {});
        res.on('end', () => done(null, null));
      }).expect(200);
    }
    await t.locals.audit.flush();
    const rows = await t.wh.query<{ outcome: string; rows: number }>(
      `SELECT outcome, rows FROM audit_log WHERE route = '/api/sql/export' AND detail = {sql:String} ORDER BY outcome`, { sql });
    expect(rows.map((r) => [r.outcome.replace(/, \d+ bytes$/, ''), Number(r.rows)])).toEqual([
      ['ok: arrow, 70000 rows', 70_000], ['ok: csv, 70000 rows', 70_000], ['ok: parquet, 70000 rows', 70_000], ['ok: xlsx, 70000 rows', 70_000],
    ]);
  }, 120_000);
});
