// POS receipts handed to the embedded engine as their JSON (ingest/event-insert.ts, migration 0028)
// against the rows ingest/rows.ts builds, the path a server takes and the independent one here: the
// same receipts give the same pos_lines, row for row, and the same rollups. Over the simulator's
// receipts, and over receipts in every form the schema accepts that the engine might read otherwise
// (absent optional fields, unknown keys, escapes, times with an offset, numbers written 2.0 or 2e0,
// a receipt on several lines).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PosReceipt } from '../../contracts/events.ts';
import { addRecord, createBatch, rowsOf, type Batch } from '../../ingest/batch.ts';
import { writeBatch } from '../../ingest/batch-writer.ts';
import { createMemoryDeadLetters } from '../../ingest/dead-letters.ts';
import { insertEvents } from '../../ingest/event-insert.ts';
import { receiptTextAsIs } from '../../ingest/receipt-json.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';
import { createStats } from '../../ingest/stats.ts';
import { parseShanghaiTime } from '../../contracts/time.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

const SENT = parseShanghaiTime('2026-03-20 00:00:00');
const gen = createGenerator({ ...loadModelData(7), seed: 7 });
const simulated: PosReceipt[] = [];
for (const day of gen.days('2026-03-01', 2)) for (const r of gen.day(day)) if (r.kind === 'pos') simulated.push(r.value as PosReceipt);

const base = (id: string): PosReceipt => ({
  schemaVersion: 1, receiptId: id, storeId: 'VS-532302101001', areaCode: '532302101001', soldAt: '2026-03-02 10:00:00',
  channel: 'offline', payment: 'wechat', totalFen: 4590, lines: [
    { sku: 'water-550ml', barcode: '6901234567892', category: 'beverages.water', quantity: 3, unitPriceFen: 200, discountFen: 0, amountFen: 600 },
    { sku: 'rice-5kg', category: 'grain_oil.rice', quantity: 1, unitPriceFen: 4000, discountFen: 10, amountFen: 3990 },
  ],
});
const text = (r: unknown) => JSON.stringify(r);
// Each: the message text, and whether it goes to the engine as it came.
const FORMS: [string, string, boolean][] = [
  ['plain', text(base('F-plain')), true],
  ['discountFen absent (0)', text({ ...base('F-nodisc'), totalFen: 4600, lines: [base('x').lines[0], { sku: 'rice-5kg', category: 'grain_oil.rice', quantity: 1, unitPriceFen: 4000, amountFen: 4000 }] }), true],
  ['unknown keys, top and in a line', text({ ...base('F-extra'), note: { a: [1, 2] }, lines: base('x').lines.map((l) => ({ ...l, promo: 'spring' })) }), true],
  // The engine reads a line's keys and a time without decoding escapes: any backslash is written out again.
  ['escape in an id', text(base('F-esc')).replace('"VS-532302101001"', '"\\u0056S-532302101001"'), false],
  ['escape in a line\'s key', text(base('F-esckey')).replace('"sku":"rice-5kg"', '"s\\u006bu":"rice-5kg"'), false],
  ['escape in the time', text(base('F-esctime')).replace('"2026-03-02 10:00:00"', '"2026-03-02 10:00:0\\u0030"'), false],
  ['lone surrogate in an unknown key', text({ ...base('F-surrogate'), note: 'x' }).replace('"note":"x"', '"note":"\\ud800"'), false],
  ['village-less township store', text({ ...base('F-town'), storeId: 'ST-532302101', areaCode: '532302101' }), true],
  ['time with an offset', text({ ...base('F-utc'), soldAt: '2026-03-08T16:30:00Z' }), false],
  ['time with fractions', text({ ...base('F-frac'), soldAt: '2026-03-02T10:00:00.750+08:00' }), false],
  ['quantity written 3.0', text(base('F-dot')).replace('"quantity":3,', '"quantity":3.0,'), false],
  ['price written 2e2', text(base('F-exp')).replace('"unitPriceFen":200,', '"unitPriceFen":2e2,'), false],
  ['discount written -0', text(base('F-negzero')).replace('"discountFen":0,', '"discountFen":-0,'), false],
  ['on several lines', JSON.stringify(base('F-pretty'), null, 2), false],
];

let wh: FixtureWarehouse;
beforeAll(async () => { wh = await openFixtureWarehouse({ withAreas: false }); });
afterAll(() => wh.close());

function batchOf(texts: readonly string[]): Batch {
  const batch = createBatch();
  texts.forEach((t, i) => addRecord(batch, 'pos', Buffer.from(t), { source: `test:${i}`, maxBytes: 1 << 20, sentAt: SENT, offset: BigInt(i) }));
  return batch;
}
const lines = () => wh.query('SELECT * EXCEPT ingested_at FROM pos_lines ORDER BY receipt_id, line_no');
const rollup = () => wh.query('SELECT day, county_code, township_code, village_code, category, channel, sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS fen FROM demand_daily GROUP BY ALL ORDER BY ALL');
async function empty() {
  for (const t of ['pos_lines', 'demand_daily', 'store_sales_daily']) await wh.command(`TRUNCATE TABLE ${t}`);
}

test('which texts go to the engine as they came', () => {
  const batch = batchOf(FORMS.map(([, t]) => t));
  expect(batch.letters).toEqual([]);
  expect(batch.events.map((e, i) => [FORMS[i]![0], e.json !== undefined])).toEqual(FORMS.map(([name, , asIs]) => [name, asIs]));
  // Conservative on text: a digit before a dot in an id is not a number, but the receipt is written out again all the same.
  expect(receiptTextAsIs(text({ ...base('v1.2') }), base('v1.2'))).toBe(false);
});

test('every form gives the rows ingest/rows.ts gives, and the rollup the same sums', async () => {
  const batch = batchOf([...simulated.map(text), ...FORMS.map(([, t]) => t)]);
  expect(batch.letters).toEqual([]);
  expect(wh.insertJson).toBeDefined(); // the embedded engine: receipts go as JSON
  await empty();
  await insertEvents(wh, 'pos', batch.events, true, { dedupToken: 'json' });
  const [viaJson, rollupViaJson] = [await lines(), await rollup()];
  await empty();
  await wh.insert('pos_lines', batch.events.flatMap(rowsOf), { dedupToken: 'rows' });
  const [viaRows, rollupViaRows] = [await lines(), await rollup()];
  expect(viaRows.length).toBe(simulated.reduce((n, r) => n + r.lines.length, 0) + 2 * FORMS.length);
  expect(viaJson).toEqual(viaRows);
  expect(rollupViaJson).toEqual(rollupViaRows);
  // Worked by hand: the absent discount reads 0, the absent barcode '', the escaped id its letter,
  // the UTC time its Shanghai wall clock, the township store no village.
  const row = (id: string, n: number) => viaJson.find((r) => r.receipt_id === id && r.line_no === n) as Record<string, unknown>;
  expect(row('F-nodisc', 2)).toMatchObject({ discount_fen: 0, amount_fen: 4000, barcode: '' });
  expect(row('F-plain', 1)).toMatchObject({ barcode: '6901234567892', quantity: 3, unit_price_fen: 200, county_code: '532302', township_code: '532302101', village_code: '532302101001' });
  expect(row('F-esc', 1)).toMatchObject({ store_id: 'VS-532302101001' });
  expect(row('F-esckey', 2)).toMatchObject({ sku: 'rice-5kg', amount_fen: 3990 });
  expect(row('F-esctime', 1)).toMatchObject({ sold_at: '2026-03-02 10:00:00' });
  expect(row('F-utc', 1)).toMatchObject({ sold_at: '2026-03-09 00:30:00' });
  expect(row('F-frac', 1)).toMatchObject({ sold_at: '2026-03-02 10:00:00' });
  expect(row('F-town', 2)).toMatchObject({ village_code: '', township_code: '532302101', line_no: 2 });
  expect(row('F-exp', 1)).toMatchObject({ unit_price_fen: 200 });
});

test('a batch written again under its token lands once, in pos_lines and in every rollup of it', async () => {
  await empty();
  const batch = batchOf(simulated.slice(0, 500).map(text));
  const want = simulated.slice(0, 500).reduce((s, r) => s + r.totalFen, 0);
  for (let i = 0; i < 2; i++) await insertEvents(wh, 'pos', batch.events, true, { dedupToken: 'pos_lines/cx.pos/0/0-499' });
  const [[raw], [daily], [stores]] = [
    await wh.query<{ n: number; fen: number }>('SELECT count() AS n, sum(amount_fen) AS fen FROM pos_lines'),
    await wh.query<{ fen: number }>('SELECT sum(amount_fen) AS fen FROM demand_daily'),
    await wh.query<{ fen: number }>('SELECT sum(amount_fen) AS fen FROM store_sales_daily'),
  ];
  expect(raw).toEqual({ n: simulated.slice(0, 500).reduce((n, r) => n + r.lines.length, 0), fen: want });
  expect([daily!.fen, stores!.fen]).toEqual([want, want]);
});

test('a key given twice: JavaScript reads the last, the engine refuses the receipt, which becomes a dead letter', async () => {
  await empty();
  const twice = text(base('F-twice')).replace('"storeId":', '"storeId":"VS-1","storeId":');
  const batch = batchOf([text(base('F-ok')), twice]);
  expect(batch.events.map((e) => e.json !== undefined)).toEqual([true, true]);
  const letters = createMemoryDeadLetters();
  const { rows } = await writeBatch(batch, {
    warehouse: wh, deadLetters: letters, stats: createStats(), retry: { sleep: async () => {} }, identity: 'off', tokenOf: () => 'dup-keys', receiptsJson: true,
  });
  expect(rows).toBe(2);
  expect((await lines()).map((r) => r.receipt_id)).toEqual(['F-ok', 'F-ok']);
  expect(letters.letters.map((l) => [l.source, l.reason, l.bytes?.toString()])).toEqual([['test:1', 'insert_rejected', twice]]);
  expect(letters.letters[0]!.detail).toMatch(/storeId/);
});

test('the way is kept with the range: written as rows, then again as JSON under the same token, the lines land twice', async () => {
  // Why the Kafka ledger records the way a range went (migration 0029) and a replay goes the same
  // way: a block reaching pos_lines through the view is deduplicated under another key.
  await empty();
  const batch = batchOf(simulated.slice(0, 50).map(text));
  const lines50 = simulated.slice(0, 50).reduce((n, r) => n + r.lines.length, 0);
  const count = async () => Number((await wh.query<{ n: number }>('SELECT count() AS n FROM pos_lines'))[0]!.n);
  await insertEvents(wh, 'pos', batch.events, false, { dedupToken: 'T-rows' });
  await insertEvents(wh, 'pos', batch.events, false, { dedupToken: 'T-rows' });
  expect(await count()).toBe(lines50); // the same way twice: once
  await insertEvents(wh, 'pos', batch.events, true, { dedupToken: 'T-rows' });
  expect(await count()).toBe(2 * lines50); // the other way: again
});
