// The officials' cockpit in Chromium over fifteen months of the simulated county: a prefecture
// official sees the county map and drills into a county's townships; the stations page lists a
// station that did not report; the scorecard; a report produced and downloaded; a Lufeng official
// at 390 px sees Lufeng and gets the 403 page for another county.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { E2E_TIMEOUT as TIMEOUT } from '../fixtures/browser.ts';
import { openCountySite, viewReady, type CountySite } from '../fixtures/site.ts';

let site: CountySite;

beforeAll(async () => {
  site = await openCountySite({ from: '2025-01-01', to: '2026-03-31' });
}, 120_000);

afterAll(() => site?.close());

const as = (login: string, path: string, width?: number) => site.as(login, path, width);
const ready = viewReady;

describe('a prefecture official', () => {
  test('the county map, and a click on Lufeng opens its townships ranked', async () => {
    const page = await as('demo-official', '/cockpit');
    await ready(page, 'cockpit');
    expect(await page.locator('main h1').textContent()).toBe('楚雄彝族自治州 · 2026年3月');
    expect(await page.locator('.county').count()).toBe(10);
    const api = await page.context().request.get(`${site.base}/api/official/overview?month=2026-03`);
    const lufeng = (await api.json()).children.find((c: { code: string }) => c.code === '532302');
    expect(await page.getAttribute('.county[data-code="532302"]', 'aria-label')).toBe(`禄丰市 ${(lufeng.values.online_retail.month / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元（网络零售额）`);
    expect(await page.locator('.kpi-card[data-indicator="online_retail"] .gap').first().textContent()).toContain('无可比全国数据');
    await page.click('.county[data-code="532302"]');
    await ready(page, 'cockpit');
    expect(new URL(page.url()).searchParams.get('area')).toBe('532302');
    expect(await page.locator('main h1').textContent()).toBe('禄丰市 · 2026年3月');
    expect(await page.locator('.rank-bars li').count()).toBe(14);
    await page.close();
  }, TIMEOUT);

  test('the stations page names the stations that did not report', async () => {
    const page = await as('demo-official', '/cockpit/stations?month=2026-03');
    await ready(page, 'cockpit-stations');
    const api = await (await page.context().request.get(`${site.base}/api/official/stations?month=2026-03`)).json() as { notReporting: string[]; stations: { id: string; name: string }[] };
    expect(api.notReporting.length).toBeGreaterThan(0);
    const names = api.notReporting.map((id) => api.stations.find((s) => s.id === id)!.name);
    expect(await page.locator('table.not-reporting tbody tr td:first-child').allTextContents()).toEqual(names);
    expect(await page.locator('main h2', { hasText: '本月未报送的站点' }).textContent()).toBe(`本月未报送的站点（${names.length}）`);
    await page.close();
  }, TIMEOUT);

  test('the scorecard, and a report produced and downloaded', async () => {
    const page = await as('demo-official', '/cockpit/scorecard?area=532302');
    await ready(page, 'scorecard');
    const statuses = await page.locator('table.scorecard .status-badge').allTextContents();
    expect(statuses).toHaveLength(13);
    expect(await page.locator('table.scorecard tr', { hasText: '行政村物流服务覆盖率' }).locator('.status-badge').textContent()).toBe('滞后');
    await page.click('.tabs a:text-is("月通报")');
    await page.waitForSelector('#view[data-view="reports"][data-state="empty"]');
    await page.fill('#report-month', '2026-03');
    await page.click('form.produce-report button[type="submit"]');
    await ready(page, 'reports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('table.reports a[data-format="pdf"]')]);
    expect(download.suggestedFilename()).toBe('月通报-532302-2026-03.pdf');
    const bytes = await download.createReadStream().then(async (s) => { const chunks: Buffer[] = []; for await (const c of s) chunks.push(c as Buffer); return Buffer.concat(chunks); });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, TIMEOUT);
});

describe('a Lufeng official on a phone', () => {
  test('sees Lufeng, and another county is the 403 page', async () => {
    const page = await as('demo-official-lufeng', '/cockpit', 390);
    await ready(page, 'cockpit');
    expect(await page.locator('main h1').textContent()).toBe('禄丰市 · 2026年3月');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${site.base}/cockpit?area=532301`);
    await page.waitForSelector('.refusal.forbidden');
    expect(await page.locator('.refusal .scope').textContent()).toBe('您的范围：禄丰市（532302）');
    await page.close();
  }, TIMEOUT);
});
