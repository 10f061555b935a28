// `npm run report` end to end: a PDF and an XLSX of Lufeng's month from an embedded warehouse,
// opened and checked against the same figures recounted from the events; and its refusals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseShanghaiTime, shanghaiDay } from '../../contracts/time.ts';
import { createEmbeddedWarehouse } from '../../warehouse/embedded.ts';
import { migrate } from '../../warehouse/migrate.ts';
import { loadAreas, loadStores } from '../../warehouse/reference.ts';
import { loadCounty } from '../fixtures/county.ts';
import { areas, migrations, ROOT, stores } from '../fixtures/warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-report-'));
const dataDir = join(dir, 'chdb');
let retailFen = 0;

beforeAll(async () => {
  const wh = createEmbeddedWarehouse({ path: dataDir });
  await migrate(wh, migrations);
  await loadAreas(wh, areas);
  await loadStores(wh, stores);
  const events = await loadCounty(wh, { from: '2026-01-01', to: '2026-02-28', scale: 0.02 });
  await wh.close();
  const area = new Map(stores.map((s) => [s.id, s.areaCode]));
  for (const e of events) {
    if (e.kind === 'distribution' && e.event.channel === 'online' && e.event.direction === 'upstream' && area.get(e.event.sellerId)?.startsWith('532302')
      && shanghaiDay(parseShanghaiTime(e.event.occurredAt)).startsWith('2026-02')) retailFen += e.event.amountFen;
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/report.ts'), ...args],
  { env: { ...process.env, DATA_DIR: dataDir, CLICKHOUSE_URL: '' }, encoding: 'utf8', cwd: ROOT });

test('a PDF and an XLSX of Lufeng for February 2026, with the recounted online retail', async () => {
  expect(retailFen).toBeGreaterThan(0);
  const pdfFile = join(dir, 'lufeng.pdf');
  const r = report(['--month', '2026-02', '--area', '532302', '--out', pdfFile]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^.*lufeng\.pdf: PDF, [\d,]+ bytes, 532302 2026-02\n$/);
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(pdfFile)) });
  const text = (await parser.getText()).text.replace(/\s+/g, ' ');
  await parser.destroy();
  expect(text).toContain('禄丰市 2026年2月');
  expect(text).toContain(`网络零售额（万元） ${(retailFen / 1_000_000).toFixed(2)}`);

  const xlsxFile = join(dir, 'lufeng.xlsx');
  expect(report(['--month', '2026-02', '--area', '532302', '--out', xlsxFile]).status).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(xlsxFile) as never);
  const row = book.getWorksheet('概况')!.getRows(1, 20)!.find((x) => x.getCell(1).value === '网络零售额')!;
  expect(row.getCell(3).value).toBe(Math.round(retailFen / 100) / 10_000);
}, 120_000);

test.each([
  [['--month', '2026-13', '--area', '532302', '--out', 'x.pdf'], 'report: --month: must be a month YYYY-MM'],
  [['--month', '2026-02', '--area', '532302101', '--out', 'x.pdf'], 'report: --area: must be 5323 or a 6-digit county code'],
  [['--month', '2026-02', '--area', '532399', '--out', join(dir, 'x.pdf')], 'report: --area: unknown area code 532399'],
  [['--month', '2026-02', '--area', '532302', '--out', 'x.docx'], 'report: --out: must name a .pdf or .xlsx file'],
])('refuses %j clearly', (args, message) => {
  const r = report(args);
  expect(r.status).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(message);
});
