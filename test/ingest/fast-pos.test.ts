// The hand-checked receipt (ingest/fast-pos.ts) against the zod schema, the one definition: over
// every receipt the simulator makes, and over receipts broken or stretched one field at a time and
// several at random, the fast path either says "not sure" or gives exactly what zod gives.
import { expect, test } from 'vitest';
import { posReceipt, type PosReceipt } from '../../contracts/events.ts';
import { parseShanghaiTime } from '../../contracts/time.ts';
import { decodeEvent } from '../../ingest/decode.ts';
import { fastPosReceipt } from '../../ingest/fast-pos.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';

const gen = createGenerator({ ...loadModelData(11), seed: 11 });
const receipts: PosReceipt[] = [];
for (const day of gen.days('2026-02-25', 4)) for (const r of gen.day(day)) if (r.kind === 'pos') receipts.push(r.value as PosReceipt);

/** Fast and zod agree on `value`: the fast answer, when there is one, is zod's, key for key. */
function agree(value: unknown): 'fast' | 'zod-valid' | 'invalid' {
  const json = JSON.parse(JSON.stringify(value)); // as a Kafka message arrives
  const z = posReceipt.safeParse(json);
  const f = fastPosReceipt(json);
  if (f) {
    expect(z.success, JSON.stringify(value)).toBe(true);
    expect(JSON.stringify(f.event)).toBe(JSON.stringify(z.data));
    expect(f.at).toBe(parseShanghaiTime(z.data!.soldAt));
    return 'fast';
  }
  return z.success ? 'zod-valid' : 'invalid';
}

test('every simulated receipt takes the fast path and comes out as zod parses it', () => {
  expect(receipts.length).toBeGreaterThan(20_000);
  for (const r of receipts) expect(agree(r)).toBe('fast');
});

type Mutation = [string, (r: Record<string, any>) => void];
const line0 = (f: (l: Record<string, any>) => void) => (r: Record<string, any>) => f(r.lines[0]);
const retotal = (r: Record<string, any>) => { r.totalFen = r.lines.reduce((s: number, l: any) => s + (l.amountFen as number), 0); };
const setLine = (k: string, v: unknown, fix = false) => (r: Record<string, any>) => {
  r.lines[0][k] = v;
  if (fix) {
    const l = r.lines[0];
    l.amountFen = l.quantity * l.unitPriceFen - (l.discountFen ?? 0);
    retotal(r);
  }
};

const MUTATIONS: Mutation[] = [
  ...['schemaVersion', 'receiptId', 'storeId', 'areaCode', 'soldAt', 'channel', 'payment', 'totalFen', 'lines'].map((k): Mutation => [`no ${k}`, (r) => { delete r[k]; }]),
  ...['sku', 'barcode', 'category', 'quantity', 'unitPriceFen', 'discountFen', 'amountFen'].map((k): Mutation => [`line without ${k}`, line0((l) => { delete l[k]; })]),
  ['discount left out, amount still right', (r) => { const l = r.lines[0]; delete l.discountFen; l.amountFen = l.quantity * l.unitPriceFen; retotal(r); }],
  ['schemaVersion 2', (r) => { r.schemaVersion = 2; }], ['schemaVersion "1"', (r) => { r.schemaVersion = '1'; }],
  ['receiptId empty', (r) => { r.receiptId = ''; }], ['receiptId 64', (r) => { r.receiptId = 'R'.repeat(64); }], ['receiptId 65', (r) => { r.receiptId = 'R'.repeat(65); }],
  ['receiptId with space', (r) => { r.receiptId = 'R 1'; }], ['receiptId starting -', (r) => { r.receiptId = '-R1'; }], ['receiptId number', (r) => { r.receiptId = 12; }],
  ['receiptId with :._-', (r) => { r.receiptId = 'a:b.c_d-e'; }], ['receiptId Chinese', (r) => { r.receiptId = '收据1'; }], ['receiptId ends newline', (r) => { r.receiptId = 'R1\n'; }],
  ['storeId null', (r) => { r.storeId = null; }],
  ['areaCode 6 digits', (r) => { r.areaCode = '532302'; }], ['areaCode 9 digits', (r) => { r.areaCode = '532302101'; }], ['areaCode 10 digits', (r) => { r.areaCode = '5323021010'; }],
  ['areaCode number', (r) => { r.areaCode = 532302101001; }], ['areaCode fullwidth digit', (r) => { r.areaCode = '53230210100１'; }],
  ['soldAt ISO with offset', (r) => { r.soldAt = '2026-02-26T09:30:00+08:00'; }], ['soldAt Z with fraction', (r) => { r.soldAt = '2026-02-26T01:30:00.123Z'; }],
  ['soldAt February 30', (r) => { r.soldAt = '2026-02-30 09:00:00'; }], ['soldAt 24:00', (r) => { r.soldAt = '2026-02-26 24:00:00'; }],
  ['soldAt day only', (r) => { r.soldAt = '2026-02-26'; }], ['soldAt epoch number', (r) => { r.soldAt = 1772000000000; }], ['soldAt year 1969', (r) => { r.soldAt = '1969-12-31 23:59:59'; }],
  ['channel online', (r) => { r.channel = 'online'; }], ['channel online_proxy', (r) => { r.channel = 'online_proxy'; }], ['payment credit', (r) => { r.payment = 'credit'; }],
  ['payment WECHAT', (r) => { r.payment = 'WECHAT'; }], ['payment toString', (r) => { r.payment = 'toString'; }], ['channel __proto__', (r) => { r.channel = '__proto__'; }],
  ['totalFen off by one', (r) => { r.totalFen += 1; }], ['totalFen as string', (r) => { r.totalFen = String(r.totalFen); }], ['totalFen 1.5', (r) => { r.totalFen = 1.5; }],
  ['totalFen negative', (r) => { r.totalFen = -1; }], ['totalFen 2^53', (r) => { r.totalFen = 2 ** 53; }],
  ['lines empty', (r) => { r.lines = []; }], ['lines an object', (r) => { r.lines = { 0: r.lines[0] }; }], ['a line null', (r) => { r.lines.push(null); }],
  ['a line an array', (r) => { r.lines.push([]); }], ['500 lines', (r) => { r.lines = Array.from({ length: 500 }, () => ({ ...r.lines[0] })); retotal(r); }],
  ['501 lines', (r) => { r.lines = Array.from({ length: 501 }, () => ({ ...r.lines[0] })); retotal(r); }],
  ['quantity 0', setLine('quantity', 0, true)], ['quantity 100000', setLine('quantity', 100_000, true)], ['quantity 100001', setLine('quantity', 100_001, true)],
  ['quantity 2.5', setLine('quantity', 2.5, true)], ['quantity -1', setLine('quantity', -1, true)], ['quantity "2"', setLine('quantity', '2')],
  ['unitPriceFen 0', setLine('unitPriceFen', 0, true)], ['unitPriceFen -5', setLine('unitPriceFen', -5, true)], ['unitPriceFen 2^53', setLine('unitPriceFen', 2 ** 53, true)],
  ['unitPriceFen 1e300', setLine('unitPriceFen', 1e300, true)], ['discountFen 1', setLine('discountFen', 1, true)], ['discountFen -1', setLine('discountFen', -1, true)],
  ['discountFen null', setLine('discountFen', null)], ['discountFen larger than the price', (r) => { const l = r.lines[0]; l.discountFen = l.quantity * l.unitPriceFen + 1; l.amountFen = -1; retotal(r); }],
  ['amountFen off by one', (r) => { r.lines[0].amountFen += 1; retotal(r); }], ['amountFen 0.5 more, total too', (r) => { r.lines[0].amountFen += 0.5; retotal(r); }],
  ['barcode 8', setLine('barcode', '12345678')], ['barcode 12', setLine('barcode', '123456789012')], ['barcode 14', setLine('barcode', '12345678901234')],
  ['barcode 11', setLine('barcode', '12345678901')], ['barcode 15', setLine('barcode', '123456789012345')], ['barcode number', setLine('barcode', 12345678)],
  ['barcode null', setLine('barcode', null)], ['barcode empty', setLine('barcode', '')],
  ['category top level', setLine('category', 'beverages')], ['category five levels', setLine('category', 'a.b.c.d.e')], ['category upper case', setLine('category', 'Beverages.tea')],
  ['category trailing dot', setLine('category', 'beverages.')], ['category with digit start', setLine('category', '1drinks')],
  ['sku with slash', setLine('sku', 'a/b')], ['sku 64', setLine('sku', 's'.repeat(64))],
  ['an extra field', (r) => { r.note = 'x'; }], ['an extra line field', line0((l) => { l.colour = 'red'; })], ['a __proto__ field', (r) => { r.__proto__ = { receiptId: 'x' }; }],
  ['not an object', (r) => { for (const k of Object.keys(r)) delete r[k]; r.length = 0; }],
];

test('one field at a time, broken or stretched: the fast path gives zod\'s answer or none', () => {
  const seen = { fast: 0, 'zod-valid': 0, invalid: 0 };
  for (const [i, r] of receipts.slice(0, 60).entries()) {
    for (const [name, mutate] of MUTATIONS) {
      const copy = structuredClone(r) as Record<string, any>;
      mutate(copy);
      try {
        seen[agree(copy)]++;
      } catch (e) {
        throw new Error(`receipt ${i}, ${name}: ${(e as Error).message}`);
      }
    }
    expect(agree([r])).toBe('invalid');
    expect(agree(null)).toBe('invalid');
    expect(agree('receipt')).toBe('invalid');
  }
  // Both sides exercised: mutations zod accepts that the fast path takes, and ones zod refuses.
  expect(seen.fast).toBeGreaterThan(60 * 15);
  expect(seen.invalid).toBeGreaterThan(60 * 40);
});

test('several changes at random, 20,000 receipts: the same rule', () => {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const seen = { fast: 0, 'zod-valid': 0, invalid: 0 };
  for (let n = 0; n < 20_000; n++) {
    const copy = structuredClone(receipts[n % receipts.length]!) as Record<string, any>;
    const changes = 1 + Math.floor(rnd() * 3);
    const names: string[] = [];
    for (let c = 0; c < changes; c++) {
      const [name, mutate] = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!;
      names.push(name);
      try { mutate(copy); } catch { /* a change that does not apply to what an earlier one left */ }
    }
    try {
      seen[agree(copy)]++;
    } catch (e) {
      throw new Error(`${names.join(' + ')}: ${(e as Error).message}`);
    }
  }
  expect(seen.fast).toBeGreaterThan(1_000);
  expect(seen.invalid).toBeGreaterThan(5_000);
});

test('decoding a receipt gives the same event and the same refusal with the fast path as zod alone', () => {
  const sentAt = parseShanghaiTime('2026-03-01 00:00:00');
  const r = receipts[0]!;
  const ok = decodeEvent('pos', Buffer.from(JSON.stringify(r)), 1 << 20, sentAt);
  // asIs: the simulator's receipt, checked by hand, can go to the engine as its own bytes.
  expect(ok).toEqual({ ok: true, event: posReceipt.parse(r), asIs: true });
  const late = decodeEvent('pos', Buffer.from(JSON.stringify({ ...r, soldAt: '2026-03-02 00:00:01' })), 1 << 20, sentAt);
  expect(late).toEqual({ ok: false, reason: 'out_of_range', detail: 'soldAt 2026-03-02 00:00:01: outside 2000-01-01 00:00:00 .. 2026-03-02 00:00:00 (Asia/Shanghai; up to a day after it was sent)' });
  const bad = decodeEvent('pos', Buffer.from(JSON.stringify({ ...r, totalFen: r.totalFen + 1 })), 1 << 20, sentAt);
  expect(bad).toEqual({ ok: false, reason: 'schema', detail: 'totalFen: must equal the sum of the lines\' amountFen' });
});
