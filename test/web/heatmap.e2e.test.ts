// The heatmap page in a real browser against the real app: fixture receipts in an embedded
// warehouse, the API, and the bundle that test/global-setup.ts built into web/dist.
// The analyst signs in once; each page of the test shares that browser context's cookie.
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestApp, PASSWORD, type TestApp } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, launchBrowser, serve, signIn } from '../fixtures/browser.ts';
import { insertPosFixture, ROOT } from '../fixtures/warehouse.ts';

const COUNTIES = ['楚雄市', '禄丰市', '双柏县', '牟定县', '南华县', '姚安县', '大姚县', '永仁县', '元谋县', '武定县'];

let t: TestApp;
let server: Server;
let browser: Browser;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z'), extra: { webDir: join(ROOT, 'web/dist') }, accounts: ['analyst', 'merchant2'] });
  await insertPosFixture(t.wh);
  ({ server, base } = await serve(t.app));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 720 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await signIn(page, base, 'analyst', PASSWORD);
  await page.close();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function openPage(path = '/demand'): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(base + path);
  return page;
}

/** Waits until the view has finished loading `area` and is in `state`. */
async function viewIn(page: Page, state: string, area = '5323'): Promise<void> {
  await page.waitForSelector(`#view[data-state="${state}"][data-area="${area}"]`);
}

const rowLabels = (page: Page) => page.locator('#view .row-label').allTextContents();

async function tooltipOf(page: Page, area: string, week: string): Promise<string[]> {
  await page.hover(`rect.cell[data-area="${area}"][data-week="${week}"]`);
  const tip = page.locator('.heatmap-tooltip');
  await tip.waitFor({ state: 'visible' });
  return tip.locator('div').allTextContents();
}

describe('demand heatmap page', () => {
  test('shows 加载中… while waiting, then the 10 counties with exact amounts in the tooltips', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    // Hold the API's answer so the loading state is certain to be on screen when we look.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/demand/heatmap*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(base + '/demand');
    await viewIn(page, 'loading');
    expect(await page.locator('#view').textContent()).toBe('加载中…');
    release();

    await viewIn(page, 'ready');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await rowLabels(page)).toEqual(COUNTIES);
    // 禄丰市 in 2026-W10: receipts R-1 (45.90 yuan, 4 units) and R-2 (7.00 yuan, 2 units).
    expect(await tooltipOf(page, '532302', '2026-W10')).toEqual(['禄丰市 · 2026-W10（2026-03-02 起）', '销售额：¥52.90', '销量：6 件']);
    expect(await tooltipOf(page, '532329', '2026-W11')).toEqual(['武定县 · 2026-W11（2026-03-09 起）', '销售额：¥25.00', '销量：1 件']);
    // A county with no receipts is hatched "no data", not coloured as zero sales.
    expect(await tooltipOf(page, '532322', '2026-W10')).toEqual(['双柏县 · 2026-W10（2026-03-02 起）', '无数据']);
    expect(await page.getAttribute('rect.cell[data-area="532322"][data-week="2026-W10"]', 'fill')).toMatch(/^url\(#/);
    expect(await page.getAttribute('rect.cell[data-area="532302"][data-week="2026-W10"]', 'fill')).toMatch(/^rgb\(/);
    expect(await page.locator('rect.cell').count()).toBe(10 * 12); // default range: 12 weeks up to the last sale
    expect(await page.locator('.heatmap-legend').textContent()).toContain('无数据');

    const shot = join(tmpdir(), 'heatmap.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`heatmap screenshot: ${shot}`);
    await page.close();
  }, TIMEOUT);

  test('clicking 禄丰市 drills into its townships, and the breadcrumb leads back', async () => {
    const page = await openPage();
    await viewIn(page, 'ready');
    await page.click('#view .row-label.drill:text-is("禄丰市")');

    await viewIn(page, 'ready', '532302');
    const townships = await rowLabels(page);
    expect(townships[0]).toBe('金山镇');
    expect(townships).toContain('碧城镇');
    expect(new URL(page.url()).searchParams.get('area')).toBe('532302');
    expect(await page.locator('.breadcrumb').textContent()).toBe('楚雄彝族自治州›禄丰市');
    // The same week as above, now at 金山镇 (532302101), where all of 禄丰市's fixture sales were.
    expect(await tooltipOf(page, '532302101', '2026-W10')).toEqual(['金山镇 · 2026-W10（2026-03-02 起）', '销售额：¥52.90', '销量：6 件']);

    await page.click('.breadcrumb a[data-area="5323"]');
    await viewIn(page, 'ready', '5323');
    expect(await rowLabels(page)).toEqual(COUNTIES);
    await page.close();
  }, TIMEOUT);

  test('a category without sales shows 暂无数据', async () => {
    const page = await openPage();
    await viewIn(page, 'ready');
    await page.selectOption('select[name="category"]', 'crafts');
    await page.waitForSelector('#view[data-state="empty"]');
    expect(await page.locator('#view .status-title').textContent()).toBe('暂无数据');
    expect(await page.locator('#view .status-hint').textContent()).toContain('请换一个品类');
    expect(new URL(page.url()).searchParams.get('category')).toBe('crafts');
    await page.close();
  }, TIMEOUT);

  test('dates after today are answered with the week under way, and said so; a range within the data says nothing', async () => {
    // Today is Friday 2026-03-20 (the app's clock): no week starts after it.
    const future = await openPage('/demand?from=2026-05-04&to=2026-06-01');
    await future.waitForSelector('#view[data-area="5323"]:is([data-state="ready"], [data-state="empty"])');
    expect(await future.locator('.range-note').textContent()).toBe('所选日期在今天之后，还没有数据；下面是截至今天（2026-03-20）的本周。');
    expect(await future.inputValue('input[name="from"]')).toBe('2026-03-16');
    await future.close();
    const cut = await openPage('/demand?from=2026-03-02&to=2026-06-01');
    await viewIn(cut, 'ready');
    expect(await cut.locator('.range-note').textContent()).toBe('截止日期晚于今天，数据只到今天（2026-03-20）。');
    await cut.close();
    const within = await openPage('/demand?from=2026-03-02&to=2026-03-16');
    await viewIn(within, 'ready');
    expect(await within.isHidden('.range-note')).toBe(true);
    await within.close();
  }, TIMEOUT);

  test('a keyboard user steps through the categories with the arrow keys: the focus stays on the choice', async () => {
    const page = await openPage();
    await viewIn(page, 'ready');
    await page.focus('#demand-category');
    await page.keyboard.press('ArrowDown'); // Chromium applies a closed select's arrow key at once
    await page.waitForURL((u) => u.searchParams.get('category') !== null);
    await viewIn(page, 'ready');
    await page.waitForFunction(() => document.activeElement?.id === 'demand-category');
    const first = new URL(page.url()).searchParams.get('category');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((u) => u.searchParams.get('category') !== first);
    await page.waitForFunction(() => document.activeElement?.id === 'demand-category');
    await page.close();
  }, TIMEOUT);

  test('a start after the end names the field in Chinese, with the API\'s 400 message beneath', async () => {
    const page = await openPage();
    await viewIn(page, 'ready');
    await page.fill('input[name="from"]', '2026-03-10');
    await page.fill('input[name="to"]', '2026-03-01');
    await page.click('.controls button[type="submit"]');
    await page.waitForSelector('#view[data-state="error"]');

    // The page shows what the API said, word for word: ask the API the same question directly.
    const api = await context.request.get(`${base}/api/demand/heatmap?from=2026-03-10&to=2026-03-02`);
    expect(api.status()).toBe(400);
    const body = (await api.json()) as { message: string; field: string };
    expect(body).toMatchObject({ error: 'bad_request', field: 'to', message: 'to: must be after from' });
    // In Chinese, which choice to change; the API's English sentence, word for word, folded beneath.
    expect(await page.locator('#view .status-message').textContent()).toBe('「截止日期」须晚于起始日期，请重新选择后再查询。');
    expect(await page.locator('#view .status details summary').textContent()).toBe('技术详情');
    expect(await page.locator('#view .status details p').textContent()).toBe(body.message);
    // Refused as asked, not a failure to load: no retry, which would ask the same again.
    expect(await page.locator('#view .status-title').textContent()).toBe('请求有误，请修改后再试');
    expect(await page.locator('#view .status button').count()).toBe(0);
    await page.close();
  }, TIMEOUT);

  test('a link with dates that are no days keeps the form, with the API\'s refusal beneath it', async () => {
    const page = await openPage('/demand?from=banana&to=2026-13-45');
    await viewIn(page, 'error');
    const api = await context.request.get(`${base}/api/demand/heatmap?from=banana&to=2026-13-45`);
    expect(api.status()).toBe(400);
    const body = (await api.json()) as { field: string };
    expect(body.field).toBe('from');
    expect(await page.locator('#view .status-message').textContent()).toBe('「起始日期」须是日历上的一天（年-月-日），请重新选择后再查询。');
    // The form is there to put it right: the reset brings back the default weeks.
    expect(await page.locator('input[name="to"]').inputValue()).toBe('');
    await page.click('.controls button.secondary');
    await viewIn(page, 'ready');
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await page.close();
  }, TIMEOUT);

  test('an area the API does not know: its refusal, with no trail of bare codes above it', async () => {
    const page = await openPage('/demand?area=532399');
    await viewIn(page, 'error', '532399');
    expect(await page.locator('#view .status-message').textContent()).toBe('「地区」的取值不被接受，请重新选择后再查询。');
    expect(await page.locator('#view .status details p').textContent()).toBe('area: unknown area code 532399');
    expect(await page.locator('nav.breadcrumb').textContent()).toBe('');
    await page.close();
  }, TIMEOUT);

  test('on a 360 px phone the chart opens on its newest week, with the counties\' names in sight beside it', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(base + '/demand');
    await viewIn(page, 'ready');
    const scroller = page.locator('#view .heatmap-scroll');
    await page.waitForFunction(() => document.querySelector('#view .heatmap-scroll')!.scrollLeft > 0);
    const box = (await scroller.boundingBox())!;
    const weeks = await page.locator('#view rect.cell[data-area="532302"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-week')));
    const newest = (await page.locator(`#view rect.cell[data-area="532302"][data-week="${weeks.at(-1)}"]`).boundingBox())!;
    const oldest = (await page.locator(`#view rect.cell[data-area="532302"][data-week="${weeks[0]}"]`).boundingBox())!;
    expect(weeks.length).toBe(12);
    expect(newest.x + newest.width).toBeLessThanOrEqual(box.x + box.width + 1); // the newest week in sight
    expect(oldest.x).toBeLessThan(box.x); // the oldest scrolled out to the left
    // The name still at the left edge, over the cells that scrolled beneath it.
    const label = (await page.locator('#view .row-label', { hasText: '禄丰市' }).boundingBox())!;
    expect(label.x).toBeGreaterThanOrEqual(box.x);
    expect(label.x + label.width).toBeLessThan(newest.x);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [label.x + label.width / 2, label.y + label.height / 2])).toBe('禄丰市');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  test('?lang=en shows the page in English', async () => {
    const page = await openPage('/demand?lang=en');
    await viewIn(page, 'ready');
    expect(await page.locator('main h1').textContent()).toBe('Chuxiong rural consumer demand heatmap');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await tooltipOf(page, '532302', '2026-W10')).toEqual(['禄丰市 · 2026-W10 (from 2026-03-02)', 'Sales: ¥52.90', 'Quantity: 6 units']);
    await page.click('.lang-toggle');
    await viewIn(page, 'ready');
    expect(await page.locator('main h1').textContent()).toBe('楚雄州农村消费需求热力图');
    await page.close();
  }, TIMEOUT);
});

describe('a merchant\'s heatmap', () => {
  test('a township whose every cell is withheld or empty: no colour scale to read, the legend says so', async () => {
    const own = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await own.newPage();
    page.setDefaultTimeout(TIMEOUT);
    try {
      // merchant-2's stores sold nothing in this township; the fixture's two other stores did (one each).
      await signIn(page, base, 'merchant-2', PASSWORD, '/demand?area=532302101&from=2026-03-02&to=2026-03-16');
      await viewIn(page, 'ready', '532302101');
      const colored = await page.locator('#view rect.cell:not(.suppressed):not(.no-data)').count();
      const withheld = await page.locator('#view rect.cell.suppressed').count();
      expect({ colored, withheld }).toEqual({ colored: 0, withheld: 2 });
      expect(await page.locator('.heatmap-legend .legend-nothing').textContent()).toBe('没有可着色的格子');
      expect(await page.locator('.heatmap-legend .tick').count()).toBe(0); // hidden with the ramp: no "0 0 0 0.01" scale
      expect(await page.locator('.heatmap-legend .legend-suppressed').textContent()).toBe('其他门店不足 5 家'); // the rule: 5 stores besides the caller's (api/suppression.ts)
    } finally {
      await own.close();
    }
  });
});
