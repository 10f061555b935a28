// The monthly report: produced through the API as XLSX and PDF, downloaded, opened (cells read from
// the workbook, text extracted from the PDF) and its figures compared with the API's overview.
// Also: who produced it and when, the scheduler between the 1st and the 10th, and the scope.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReportScheduler } from '../../../api/officials/report-scheduler.ts';
import { quietLogger } from '../../../api/logger.ts';
import { overviewResponse, reportsResponse } from '../../../contracts/officials.ts';
import { openTestApp, type TestApp } from '../../fixtures/app.ts';
import { loadCounty } from '../../fixtures/county.ts';
import { queries } from '../../fixtures/warehouse.ts';

let t: TestApp;
let now = Date.parse('2026-04-15T04:00:00Z');
beforeAll(async () => {
  t = await openTestApp({ clock: () => now });
  await loadCounty(t.wh, { from: '2025-01-01', to: '2026-03-31', scale: 0.02 });
}, 120_000);
afterAll(() => t.close());

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

describe('the monthly report of Lufeng for March 2026', () => {
  test('XLSX and PDF hold the API\'s figures, say who produced them and when', async () => {
    const agent = await t.agent('lufeng');
    const made = await agent.post('/api/official/reports?area=532302&month=2026-03');
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { reports } = reportsResponse.parse(made.body);
    expect(reports.map((r) => [r.format, r.producedBy, r.producerName, r.month, r.areaName])).toEqual([['xlsx', 'official-532302', '禄丰市商务局', '2026-03', '禄丰市'], ['pdf', 'official-532302', '禄丰市商务局', '2026-03', '禄丰市']]);
    // The listing names the producer as the account is named (the login stays, for who to ask).
    const listed = reportsResponse.parse((await agent.get('/api/official/reports?area=532302')).body).reports;
    expect(listed.map((r) => [r.id, r.producedBy, r.producerName]).sort()).toEqual(reports.map((r) => [r.id, 'official-532302', '禄丰市商务局']).sort());
    const overview = overviewResponse.parse((await agent.get('/api/official/overview?month=2026-03')).body);
    const retail = overview.indicators.find((i) => i.key === 'online_retail')!;
    const parcelsIn = overview.indicators.find((i) => i.key === 'parcels_in')!;

    const xlsx = await agent.get(`/api/official/reports/${reports[0]!.id}?area=532302`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain('report-532302-2026-03.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '乡镇排名', '站点报送', '目标考核', '数据说明']);
    const sheet = book.getWorksheet('概况')!;
    const rowOf = (label: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label)!;
    const headRow = sheet.getRows(1, sheet.rowCount)!.find((x) => x.getCell(1).value === '指标')!;
    expect(headRow.getCell(4).value).toBe('1-3月累计'); // January to March, not a 1-N placeholder
    const r = rowOf('网络零售额');
    expect(r.getCell(2).value).toBe('万元');
    // No national row for January-March 2026 in the committed table: the reason in Chinese, the series by name,
    // and the last figure published (shared/reference: 2025's), the county's 2025 growth unknown (its data begins in 2025).
    expect([r.getCell(11).value, r.getCell(12).value]).toEqual([
      '无可比数据：暂无2026年1-3月全国网上零售额数据；最近可比 2025年1-12月：本地同期增速无数据，全国 +8.6%（国家统计局 全国网上零售额，NBS release 2026-01-19, reposted）',
      '无可比数据：暂无2026年1-3月全国农村网络零售额数据；最近可比 2025年1-12月：本地同期增速无数据，全国 +6.7%（商务部 全国农村网络零售额，MOFCOM 2026-02-05 (3万亿元)）']);
    expect(rowOf('农产品网络零售额').getCell(12).value).toBe('无可比数据：全国未发布此类序列');
    expect(r.getCell(3).value).toBe(Math.round(retail.month! / 100) / 10_000);
    expect(r.getCell(4).value).toBe(Math.round(retail.ytd! / 100) / 10_000);
    expect(r.getCell(10).value).toBe(retail.ytdYoyPct);
    expect(rowOf('快递投递量').getCell(3).value).toBe(parcelsIn.month);
    const ranking = book.getWorksheet('乡镇排名')!;
    expect(ranking.rowCount).toBe(1 + overview.children.length);
    expect(String(book.getWorksheet('数据说明')!.getCell('A1').value)).toContain(`应报送站点 ${overview.completeness.expected} 个，已报送 ${overview.completeness.reported} 个`);

    const pdf = await agent.get(`/api/official/reports/${reports[1]!.id}?area=532302`).buffer(true).parse(binary);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).length).toBeLessThan(1_500_000); // the font is embedded as the glyphs used, not 10 MB
    const parser = new PDFParse({ data: new Uint8Array(pdf.body as Buffer) });
    const parsed = await parser.getText();
    const text = parsed.text.replace(/\s+/g, ' ');
    await parser.destroy();
    // Every page has its footer, and the footers count the pages there are (each footer had made a blank page).
    expect(parsed.pages.map((p) => /第 (\d+) 页，共 (\d+) 页/.exec(p.text.replace(/\s+/g, ' '))?.slice(1).map(Number)))
      .toEqual(parsed.pages.map((_, i) => [i + 1, parsed.pages.length]));
    expect(text).toContain('禄丰市 2026年3月 电子商务进农村综合示范 月通报 生成：'); // the subtitle once, not 月通报（月通报）
    // Produced on the Beijing clock, as the list says; the period the report covers, not the newest data's month.
    // By the bureau's name, not its login (the listing keeps the login).
    expect(text).toMatch(/ 生成：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间） · 禄丰市商务局 · 统计期 2026年3月 /);
    expect(text).not.toMatch(/UTC|docs\//);
    expect(text).toContain('指标 本月 1-3月累计 同比');
    expect(text).toContain('二、与全国平均水平比较（1-3月累计同比，百分点）');
    expect(text).toContain('无可比数据：暂无2026年1-3月全国网上零售额数据');
    expect(text).toContain('禄丰市 年初至当月累计同比'); // the chart's county line
    expect(text).not.toMatch(/1-N|national_|rural_online|no national/);
    expect(text).toMatch(/月通报按时报送（每月10日前） 是 否 未达标/); // the yes/no target: 是 wanted, 否 so far, due 2022-12
    expect(text).toContain(`网络零售额（万元） ${wan(retail.month!)} ${wan(retail.ytd!)}`);
    expect(text).toContain(`快递投递量（件） ${parcelsIn.month!.toLocaleString('en-US')}`);
    expect(text).toContain('示范目标考核');
    expect(text).toContain(`应报送站点 ${overview.completeness.expected} 个`);
    expect(text).toMatch(/第 1 页，共 \d+ 页/);
  }, 120_000);

  test('listed with who and when; a Chuxiong official can neither list nor download it', async () => {
    const list = reportsResponse.parse((await (await t.agent('lufeng')).get('/api/official/reports')).body);
    expect(list.reports.length).toBe(2);
    const id = list.reports[0]!.id;
    const other = await t.agent('chuxiong');
    expect((await other.get(`/api/official/reports/${id}?area=532302`)).status).toBe(403);
    expect((await other.get(`/api/official/reports/${id}?area=532301`)).status).toBe(404);
    expect((await other.get('/api/official/reports')).body.reports).toEqual([]);
  });

  test('while the history is still loading, the scheduler makes no report: the month is produced once it has loaded, without waiting for the hour', async () => {
    let loading = true;
    const scheduler = startReportScheduler({ writer: t.wh, reader: t.wh, queries, directory: t.locals.services.directory, clock: () => now,
      logger: quietLogger, everyMs: 3_600_000, retryMs: 200, catchingUp: () => loading });
    const saved = now;
    try {
      now = Date.parse('2026-08-01T02:00:00Z'); // the 1st, Shanghai: July's reports are due
      expect(await scheduler.tick()).toEqual([]);
      const [held] = await t.wh.query<{ n: number }>("SELECT count() AS n FROM monthly_reports WHERE month = '2026-07'");
      expect(Number(held!.n)).toBe(0);
      loading = false; // no tick called from here on: the scheduler's own retry produces the month
      const count = async () => Number((await t.wh.query<{ n: number }>("SELECT count() AS n FROM monthly_reports WHERE month = '2026-07'"))[0]!.n);
      // Well inside the minute after which the scheduler's first look would make them anyway.
      for (let i = 0; i < 120 && (await count()) < 22; i++) await new Promise((r) => setTimeout(r, 250));
      expect(await count()).toBe(22); // the prefecture and ten counties, XLSX and PDF each
    } finally {
      scheduler.stop();
      now = saved;
    }
  }, 300_000);

  test('the scheduler produces last month\'s missing reports between the 1st and the 10th, as "system", once', async () => {
    const scheduler = startReportScheduler({ writer: t.wh, reader: t.wh, queries, directory: t.locals.services.directory, clock: () => now, logger: quietLogger, everyMs: 3_600_000 });
    try {
      expect(await scheduler.tick()).toEqual([]); // the 15th: too late to be on time, and not the scheduler's to make
      now = Date.parse('2026-05-03T02:00:00Z');
      const made = await scheduler.tick();
      expect(made).toEqual(['5323 2026-04', '532301 2026-04', '532302 2026-04', '532322 2026-04', '532323 2026-04', '532324 2026-04',
        '532325 2026-04', '532326 2026-04', '532327 2026-04', '532328 2026-04', '532329 2026-04']);
      expect(await scheduler.tick()).toEqual([]);
      const rows = await t.wh.query<{ produced_by: string; n: number }>("SELECT produced_by, count() AS n FROM monthly_reports WHERE month = '2026-04' GROUP BY produced_by");
      expect(rows).toEqual([{ produced_by: 'system (automatic, by the 10th)', n: 22 }]);
      // On time: the scorecard of Lufeng now says so.
      const card = await (await t.agent('lufeng')).get('/api/official/scorecard');
      expect(card.body.targets.find((x: { id: string }) => x.id === 'monthly_report')).toMatchObject({ actual: 1, status: 'met' });
    } finally {
      scheduler.stop();
    }
  }, 300_000);

  test('two API processes\' schedulers producing the same month at once: each report is listed once, and downloads as listed', async () => {
    const scheduler = () => startReportScheduler({ writer: t.wh, reader: t.wh, queries, directory: t.locals.services.directory, clock: () => now, logger: quietLogger, everyMs: 3_600_000 });
    const [a, b] = [scheduler(), scheduler()];
    try {
      now = Date.parse('2026-06-02T02:00:00Z');
      const [madeA, madeB] = await Promise.all([a.tick(), b.tick()]);
      expect(madeA).toContain('532302 2026-05');
      expect(madeB).toContain('532302 2026-05'); // both saw it missing: written twice, under the same ids
      const [kept] = await t.wh.query<{ n: number }>("SELECT count() AS n FROM monthly_reports WHERE month = '2026-05' AND area_code = '532302'");
      expect(Number(kept!.n)).toBe(4);
      const agent = await t.agent('lufeng');
      const may = reportsResponse.parse((await agent.get('/api/official/reports')).body).reports.filter((r) => r.month === '2026-05');
      expect(may.map((r) => [r.id, r.format]).sort()).toEqual([['532302-2026-05-auto-pdf', 'pdf'], ['532302-2026-05-auto-xlsx', 'xlsx']]);
      for (const r of may) {
        const file = await agent.get(`/api/official/reports/${r.id}?area=532302`).buffer(true).parse(binary);
        expect(file.status).toBe(200);
        expect(createHash('sha256').update(file.body as Buffer).digest('hex')).toBe(r.sha256);
        if (r.format === 'xlsx') {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(file.body as never);
          // Stored as 'system (automatic, by the 10th)'; the Chinese report says it in words.
          expect(String(book.getWorksheet('概况')!.getCell('A2').value)).toMatch(/^生成：2026-06-02 10:00（北京时间） · 系统（每月10日前自动生成）$/); // 02:00 UTC
          // The scorecard as it stood in the report's month, not in the newest month with data (March).
          const points = book.getWorksheet('目标考核')!.getRows(1, 30)!.find((row) => row.getCell(1).value === '村级物流配送点')!;
          expect(String(points.getCell(7).value)).toBe('在营的村级物流服务点数（截至 2026-05）');
        }
      }
    } finally {
      a.stop();
      b.stop();
    }
  }, 300_000);
});
