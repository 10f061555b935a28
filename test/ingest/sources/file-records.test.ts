import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseCsvLine, readRecords } from '../../../ingest/sources/file-records.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-file-'));
const collect = async (file: string, format: 'ndjson' | 'csv', kind?: 'pos' | 'parcel') => {
  const out = [];
  for await (const r of readRecords(file, format, kind)) out.push(r);
  return out;
};

test('NDJSON: envelopes, bare events of the given kind, and lines that are not JSON kept as text', async () => {
  const file = join(dir, 'a.ndjson');
  writeFileSync(file, '{"kind":"parcel","value":{"recordId":"P1"}}\n\n{"recordId":"P2"}\nnot json\n');
  expect(await collect(file, 'ndjson', 'parcel')).toEqual([
    { line: 1, kind: 'parcel', value: { recordId: 'P1' } },
    { line: 3, kind: 'parcel', value: { recordId: 'P2' } },
    { line: 4, kind: 'parcel', value: 'not json' },
  ]);
});

test('CSV of POS lines: consecutive rows of one receipt become one receipt with its lines', async () => {
  const file = join(dir, 'pos.csv');
  writeFileSync(file, [
    'schemaVersion,receiptId,storeId,areaCode,soldAt,channel,payment,totalFen,line.sku,line.category,line.quantity,line.unitPriceFen,line.amountFen',
    '1,R-1,VS-1,532302101001,2026-03-02 10:00:00,offline,cash,4590,water-550ml,beverages.water,3,200,600',
    '1,R-1,VS-1,532302101001,2026-03-02 10:00:00,offline,cash,4590,rice-5kg,grain_oil.rice,1,3990,3990',
    '1,R-2,VS-1,532302101001,2026-03-02 11:00:00,offline,wechat,700,"green-tea-500ml",beverages.tea,2,350,700',
  ].join('\n'));
  const records = await collect(file, 'csv', 'pos');
  expect(records.map((r) => [r.line, (r.value as { receiptId: string }).receiptId, (r.value as { lines: unknown[] }).lines.length])).toEqual([
    [2, 'R-1', 2], [4, 'R-2', 1],
  ]);
  expect((records[0]!.value as { lines: unknown[] }).lines[1]).toEqual({ sku: 'rice-5kg', category: 'grain_oil.rice', quantity: 1, unitPriceFen: 3990, amountFen: 3990 });
});

test('CSV quoting', () => {
  expect(parseCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
});
