// The merchants' workspace in Chromium at 390 px, as the demo merchant (金山镇电商服务站,
// ST-532302101), over fifteen months of the simulated county. Every figure checked here is
// recomputed from the events the generator produced, never from the API's answer: the week's
// sales, receipts and payments; the demand heatmap's values and which of its cells are withheld
// (fewer than 5 outlets besides mine); what sells nearby that I do not stock; the price bands'
// units; the peers counted and my figure among them; my last deliveries; the distributors.
// Another merchant's store is the 403 page; a merchant with two stores switches between them.
import { rgb } from 'd3';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDemoAccounts } from '../../api/auth/demo-accounts.ts';
import type { AnyEvent, DistributionTxn, PosReceipt, Store } from '../../contracts/events.ts';
import { addDays, mondayOf, parseShanghaiTime, shanghaiDay } from '../../contracts/time.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';
import { pctText } from '../../web/format.ts';
import { formatYuan } from '../../web/i18n.ts';
import { subCategoryName } from '../../web/workspace/category-names.ts';
import { openTestApp, PASSWORD, type TestApp } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, launchBrowser, serve, signIn, waitUntil } from '../fixtures/browser.ts';
import { loadCounty, SEED } from '../fixtures/county.ts';
import { loneWeeks, periodRule, withheldWeeks, type SoldLine } from '../fixtures/period-rule.ts';
import { demandResponse } from '../../contracts/workspace.ts';
import { ROOT } from '../fixtures/warehouse.ts';

const STORE = 'ST-532302101';
const TOWNSHIP = '532302101';
const COUNTY = '532302';
const K = 5;
const PRODUCTS = (JSON.parse(readFileSync(join(ROOT, 'reference/products.json'), 'utf8')) as { products: { sku: string; name: string }[] }).products;

let t: TestApp;
let server: Server;
let browser: Browser;
let context: BrowserContext;
let base: string;
let receipts: PosReceipt[];
let deliveries: DistributionTxn[];
let storeOf: Map<string, Store>;
let lastSale: string; // the last day with a sale anywhere
let myLastSale: string;

const dayOf = (time: string) => shanghaiDay(parseShanghaiTime(time));
const inDays = (day: string, from: string, to: string) => day >= from && day < to;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Figures over several weeks end at the start of a 4-week period counted from 2000-01-03. */
const periodStart = (monday: string) => addDays(monday, -(((Date.parse(monday) - Date.parse('2000-01-03')) / 86400_000) % 28));
/** Other outlets' sales lines of the county in [from, to), for the period rule. */
const othersLines = (from: string, to: string): SoldLine[] => receipts
  .filter((r) => r.storeId !== STORE && r.areaCode.startsWith(COUNTY) && inDays(dayOf(r.soldAt), from, to))
  .flatMap((r) => r.lines.map((l) => ({ store: r.storeId, area: r.areaCode, week: mondayOf(dayOf(r.soldAt)), sku: l.sku, category: l.category })));

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-04-15T04:00:00Z'), accounts: ['merchant2'], auth: { demo: true }, extra: { webDir: join(ROOT, 'web/dist') } });
  await ensureDemoAccounts(t.locals.services.accounts, 'demo');
  const events: AnyEvent[] = await loadCounty(t.wh, { from: '2025-01-01', to: '2026-03-31', scale: 0.02 });
  receipts = events.flatMap((e) => (e.kind === 'pos' ? [e.event] : []));
  deliveries = events.flatMap((e) => (e.kind === 'distribution' && e.event.direction === 'downstream' ? [e.event] : []));
  storeOf = new Map(loadModelData(SEED, ROOT).stores.map((s) => [s.id, s]));
  lastSale = receipts.map((r) => dayOf(r.soldAt)).reduce((a, b) => (a > b ? a : b));
  myLastSale = receipts.filter((r) => r.storeId === STORE).map((r) => dayOf(r.soldAt)).reduce((a, b) => (a > b ? a : b));
  ({ server, base } = await serve(t.app));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await signIn(page, base, 'demo-merchant', 'demo');
  await page.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function open(path: string, view: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(base + path);
  await page.waitForSelector(`#view[data-view="${view}"]:is([data-state="ready"], [data-state="empty"])`);
  // Phone first: nothing wider than the screen but what scrolls inside its own box, and a table
  // that does says so (its cut edge fades): every shown table box marked exactly when it overflows.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.table-scroll')]
    .every((b) => !b.checkVisibility() || (b.scrollWidth > b.clientWidth + 1) === (b.dataset.more !== undefined)));
  return page;
}
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
/** The weeks the demand grid withholds for me of each category's (leaf or top-level) county cells over
 *  [from, to) (16 or 8 weeks), as `${category}|${period}`: where a period has exactly one, and at
 *  least one. The period rule's input. */
async function countyWithheldWeeks(categories: Iterable<string>, from: string, to: string): Promise<[Set<string>, Set<string>]> {
  const [lone, any] = [new Set<string>(), new Set<string>()];
  for (const category of categories) {
    const res = await context.request.get(`${base}/api/workspace/${STORE}/demand?view=category&scope=county&weeks=${(Date.parse(to) - Date.parse(from)) / (7 * 86400_000)}&to=${to}&category=${category}`);
    expect(res.status()).toBe(200);
    const cells = demandResponse.parse(await res.json()).cells;
    for (const k of loneWeeks(category, cells, from)) lone.add(k);
    for (const k of withheldWeeks(category, cells, from)) any.add(k);
  }
  return [lone, any];
}
const sortDesc = (xs: number[]) => [...xs].sort((a, b) => b - a);

/** The county's townships by week over the 12 weeks to the last sale's week, recounted from the
 *  receipts: each cell's sales and outlets, and the cells withheld from me (fewer than 5 outlets
 *  besides mine, a cell of mine alone being mine to see; and where a week has one withheld cell,
 *  the smallest other one too, lest the week's total give it away). */
function countyWeeks(): { cells: Map<string, { fen: number; stores: Set<string> }>; hidden: Set<string> } {
  const to = addDays(mondayOf(lastSale), 7);
  const from = addDays(to, -84);
  const cells = new Map<string, { fen: number; stores: Set<string> }>();
  for (const r of receipts) {
    const day = dayOf(r.soldAt);
    if (!r.areaCode.startsWith(COUNTY) || !inDays(day, from, to)) continue;
    const key = `${r.areaCode.slice(0, 9)}|${mondayOf(day)}`;
    const cell = cells.get(key) ?? { fen: 0, stores: new Set() };
    cell.fen += r.totalFen;
    cell.stores.add(r.storeId);
    cells.set(key, cell);
  }
  const ownOnly = (c: { stores: Set<string> }) => c.stores.size === 1 && c.stores.has(STORE);
  const hidden = new Set([...cells].filter(([, c]) => c.stores.size - (c.stores.has(STORE) ? 1 : 0) < K && !ownOnly(c)).map(([k]) => k));
  for (const week of new Set([...cells.keys()].map((k) => k.split('|')[1]!))) {
    const column = [...cells].filter(([k]) => k.endsWith(`|${week}`));
    if (column.filter(([k]) => hidden.has(k)).length !== 1) continue;
    const smallest = column.filter(([k, c]) => !hidden.has(k) && !ownOnly(c)).sort(([ka, a], [kb, b]) => a.fen - b.fen || ka.localeCompare(kb))[0];
    if (smallest) hidden.add(smallest[0]);
  }
  return { cells, hidden };
}
/** The demand grid's cells as drawn: row|column, kind, value, words and colour. */
const drawnCells = (page: Page) => page.locator('rect.cell').evaluateAll((rects) => rects.map((r) => ({
  key: `${r.getAttribute('data-row')}|${r.getAttribute('data-col')}`, kind: r.getAttribute('class')!.replace('cell ', ''),
  value: r.getAttribute('data-value'), label: r.getAttribute('aria-label')!, fill: r.getAttribute('fill')!,
})));

/** A store's receipts in [from, to). */
const mineIn = (from: string, to: string) => receipts.filter((r) => r.storeId === STORE && inDays(dayOf(r.soldAt), from, to));

describe('my store', () => {
  test('the week of the last sale against the week before and a year before; receipts, basket, products, movers, payments', async () => {
    const week = mondayOf(myLastSale);
    const thisWeek = mineIn(week, addDays(week, 7));
    const lastWeek = mineIn(addDays(week, -7), week);
    const lastYear = mineIn(addDays(week, -364), addDays(week, -357));
    const fen = (rs: PosReceipt[]) => sum(rs.map((r) => r.totalFen));
    expect(thisWeek.length).toBeGreaterThan(0);

    const page = await open('/workspace', 'workspace-store');
    // The products' table is wider than the phone: its right edge is marked, columns lie beyond it.
    expect(await page.locator('.table-scroll:has(> table.ws-skus)').getAttribute('data-more')).toBe('end');
    expect(await page.locator('main h1').textContent()).toBe('金山镇电商服务站');
    expect(await page.locator('.ws-week').textContent()).toContain(`（${week} 起）`);
    const card = (kpi: string) => page.locator(`.kpi-card[data-kpi="${kpi}"]`);
    // The week shown is a whole week before this one: not "本周" (this week), beside the week so far.
    expect(await card('sales').locator('h2').textContent()).toBe('该周销售额');
    expect(await card('sales').locator('.kpi-value').textContent()).toBe(formatYuan(fen(thisWeek)));
    expect(await card('sales').locator('dd').allTextContents()).toEqual([formatYuan(fen(lastWeek)), formatYuan(fen(lastYear))]);
    expect(await card('wow').locator('.kpi-value').textContent()).toBe(pctText(((fen(thisWeek) - fen(lastWeek)) / fen(lastWeek)) * 100));
    expect(await card('yoy').locator('.kpi-value').textContent()).toBe(pctText(((fen(thisWeek) - fen(lastYear)) / fen(lastYear)) * 100));
    expect(await card('receipts').locator('.kpi-value').textContent()).toBe(String(thisWeek.length));
    expect(await card('basket').locator('.kpi-value').textContent()).toBe(formatYuan(Math.round(fen(thisWeek) / thisWeek.length)));

    // The products of the week, by sales.
    const bySku = new Map<string, number>();
    for (const l of thisWeek.flatMap((r) => r.lines)) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.amountFen);
    const amounts = await texts(page, 'table.ws-skus tbody td:nth-child(3)');
    expect(amounts).toEqual(sortDesc([...bySku.values()]).slice(0, 10).map(formatYuan));

    // Fast movers: the most units over the four weeks up to this one.
    const units = new Map<string, number>();
    for (const l of mineIn(addDays(week, -21), addDays(week, 7)).flatMap((r) => r.lines)) units.set(l.sku, (units.get(l.sku) ?? 0) + l.quantity);
    expect((await texts(page, 'table.ws-fast tbody td:nth-child(2)')).map(Number)).toEqual(sortDesc([...units.values()]).slice(0, 10));

    // How the week's receipts were paid.
    const paid = new Map<string, number>();
    for (const r of thisWeek) paid.set(r.payment, (paid.get(r.payment) ?? 0) + 1);
    const NAMES: Record<string, string> = { cash: '现金', wechat: '微信支付', alipay: '支付宝', unionpay: '银联', card: '银行卡', credit: '赊账', other: '其他' };
    const rows = await page.locator('table.ws-payments tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(Object.fromEntries(rows.map((r) => [r[0], Number(r[1])]))).toEqual(Object.fromEntries([...paid].map(([p, n]) => [NAMES[p], n])));
    await page.close();
  }, TIMEOUT);
});

describe('my store: a refused link, another language, the way to the demand around', () => {
  test('a week link that is no Monday: the refusal offers the default choices, which open the last week', async () => {
    const p = await context.newPage();
    await p.goto(`${base}/workspace?week=2026-03-04`);
    await p.waitForSelector('#view[data-view="workspace-store"][data-state="error"]');
    expect(await p.locator('#view .status-message').textContent()).toBe('「周」须是星期一（每周从星期一开始），请重新选择后再查询。');
    await p.click('#view button.reset-choices');
    await p.waitForSelector('#view[data-view="workspace-store"][data-state="ready"]');
    expect(new URL(p.url()).search).toBe('');
    expect(await p.locator('.ws-week').textContent()).toContain(mondayOf(myLastSale));
    await p.close();
  }, TIMEOUT);

  test('in English on a phone, a card\'s long label wraps in its column instead of running over its figure', async () => {
    const page = await open('/workspace?lang=en', 'workspace-store');
    await page.click('details.ws-more summary >> nth=0');
    const cells = await page.locator('table.ws-categories td[data-label="vs the week before"]').evaluateAll((tds) => tds.map((td) => ({
      lines: Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight)), wrap: getComputedStyle(td, '::before').whiteSpace,
    })));
    expect(cells.length).toBeGreaterThan(0);
    // Two lines at least: the label, wider than its 5.5em column, wraps (on one line it ran over the figure).
    for (const c of cells) expect(c).toEqual({ lines: expect.any(Number), wrap: 'normal' });
    expect(Math.min(...cells.map((c) => c.lines))).toBeGreaterThanOrEqual(2);
    // The language chosen is remembered: back to Chinese for the tests after this one.
    await page.goto(`${base}/workspace?lang=zh`);
    await page.waitForSelector('#view[data-view="workspace-store"][data-state="ready"]');
    await page.close();
  }, TIMEOUT);

  test('the store page\'s 周边需求 leads a merchant to the workspace\'s grid, not to a township of withheld villages', async () => {
    const page = await open(`/stores/${STORE}`, 'store');
    expect(await page.getAttribute('p.actions a', 'href')).toBe(`/workspace/demand?stores=${STORE}`);
    await page.close();
  }, TIMEOUT);
});

describe('demand around me', () => {
  test('townships of my county by week: every value, and withheld exactly where fewer than 5 other outlets sold', async () => {
    const page = await open('/workspace/demand?scope=county', 'workspace-demand');
    expect(await page.locator('main h1').textContent()).toBe('周边需求：禄丰市');
    const { cells, hidden } = countyWeeks();
    const drawn = await drawnCells(page);
    expect(drawn).toHaveLength(14 * 12); // 14 townships, 12 weeks
    const expected = drawn.map(({ key }) => {
      const c = cells.get(key);
      if (!c) return { key, kind: 'no-data', value: null };
      return hidden.has(key) ? { key, kind: 'suppressed', value: null } : { key, kind: 'has-value', value: String(c.fen) };
    });
    expect(drawn.map(({ key, kind, value }) => ({ key, kind, value }))).toEqual(expected);
    expect(expected.filter((c) => c.kind === 'suppressed').length).toBeGreaterThan(0);
    expect(expected.filter((c) => c.kind === 'has-value').length).toBeGreaterThan(0);
    // A withheld cell of fewer than 5 others says so, and not how many it has (1 told that a village's one shop sold).
    const withheld = drawn.find((c) => c.kind === 'suppressed' && cells.get(c.key)!.stores.size < K)!;
    expect(withheld.label).toContain('不予显示：除您的门店外，此格的经营者少于 5 家');
    expect(withheld.label).not.toMatch(/此格共|\d+ 家经营者/);
    // Spring Festival falls in these weeks, and is marked over them.
    expect(await page.locator('.ws-marker[data-kind="spring_festival"] text').textContent()).toBe('春节');
    // My own township's row, starred, named whole (the longest label, it was always cut: 金山…).
    expect(await page.locator('svg text', { hasText: '★' }).allTextContents()).toEqual(['★ 金山镇']);
    await page.close();
  }, TIMEOUT);

  test('each township\'s weeks against its own average week: every departure recounted, above purple, below orange', async () => {
    const page = await open('/workspace/demand?scope=county&colour=row', 'workspace-demand');
    expect(await page.locator('#ws-colour').inputValue()).toBe('row');
    const { cells, hidden } = countyWeeks();
    // A row's average is over the cells it shows: withheld cells have no figure to take part.
    const shown = [...cells].filter(([k]) => !hidden.has(k));
    const mean = new Map<string, number>();
    for (const row of new Set(shown.map(([k]) => k.split('|')[0]!))) {
      const fens = shown.filter(([k]) => k.startsWith(`${row}|`)).map(([, c]) => c.fen);
      mean.set(row, sum(fens) / fens.length);
    }
    const drawn = (await drawnCells(page)).filter((c) => c.kind === 'has-value');
    expect(drawn.map((c) => c.key).sort()).toEqual(shown.map(([k]) => k).sort());
    let above = 0;
    let below = 0;
    for (const c of drawn) {
      const n = Math.round((cells.get(c.key)!.fen / mean.get(c.key.split('|')[0]!)! - 1) * 100);
      expect(c.label).toContain(n === 0 ? '与该行平均持平' : `比该行平均${n > 0 ? '高' : '低'} ${Math.abs(n)}%`);
      const { r, b } = rgb(c.fill);
      if (n >= 5) { above++; expect(b).toBeGreaterThan(r); } // purple
      if (n <= -5) { below++; expect(r).toBeGreaterThan(b); } // orange
    }
    expect([above > 0, below > 0]).toEqual([true, true]);
    expect(await page.locator('.ws-legend .legend-title').textContent()).toBe('与该行平均相比：低 ← 0 → 高');
    // Growth is already a comparison: choosing it drops the colouring from the address and the choice.
    await page.selectOption('#ws-measure', 'yoy');
    await page.waitForURL((u) => u.searchParams.get('measure') === 'yoy');
    await page.waitForSelector('#view[data-view="workspace-demand"][data-state="ready"] .ws-heatmap');
    expect(new URL(page.url()).searchParams.has('colour')).toBe(false);
    expect(await page.locator('#ws-colour option[value="row"]').isDisabled()).toBe(true);
    // A choice made on a page opened without a colour leaves none in the address (not "colour=null").
    await page.selectOption('#ws-view', 'category');
    await page.waitForURL((u) => u.searchParams.get('view') === 'category');
    expect(new URL(page.url()).searchParams.has('colour')).toBe(false);
    await page.close();
  }, TIMEOUT);

  test('a new choice keeps the last answer on screen, greyed and out of reach, until the next arrives', async () => {
    const page = await open('/workspace/demand?scope=county', 'workspace-demand');
    const title = await page.locator('#view h1').textContent();
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(/\/api\/workspace\/[^/]+\/demand/, async (route) => { await held; await route.continue(); });
    await page.selectOption('#ws-weeks', '26');
    await page.waitForSelector('#view[data-state="loading"] .stale[inert]');
    expect(await page.locator('#view .refreshing').textContent()).toBe('加载中…');
    expect(await page.locator('#view .stale h1').textContent()).toBe(title);
    expect(await page.locator('#view .stale #ws-weeks').inputValue()).toBe('26'); // the choice made, in view
    release();
    await page.waitForSelector('#view[data-state="ready"]');
    expect(await page.locator('#view .stale').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('weeks')).toBe('26');
    // Offline, a choice that cannot load: the error above the last answer, whose choices work again.
    await page.unroute(/\/api\/workspace\/[^/]+\/demand/);
    await page.route(/\/api\/workspace\/[^/]+\/demand/, (route) => route.abort('internetdisconnected'));
    await page.selectOption('#ws-weeks', '52');
    await page.waitForSelector('#view[data-state="error"] > .stale:not([inert])');
    expect(await page.locator('#view > .status.error .status-title').textContent()).toBe('加载失败');
    expect(await page.locator('#view .stale h1').textContent()).toBe(title);
    await page.unroute(/\/api\/workspace\/[^/]+\/demand/);
    await page.selectOption('#view .stale #ws-weeks', '12');
    await page.waitForSelector('#view[data-state="ready"]');
    expect(await page.locator('#ws-weeks').inputValue()).toBe('12');
    await page.close();
  }, TIMEOUT);

  test('weekday by hour of the county\'s shop sales, with its own controls', async () => {
    const page = await open('/workspace/demand?scope=county', 'workspace-demand');
    await page.selectOption('#ws-view', 'hour');
    await page.waitForURL((u) => u.searchParams.get('view') === 'hour');
    await page.waitForSelector('#view[data-view="workspace-demand"][data-state="ready"] .ws-heatmap');
    expect(await texts(page, '.ws-heatmap .row-label')).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(await page.locator('#ws-stream option[value="parcels"]').isDisabled()).toBe(true);
    const to = addDays(mondayOf(lastSale), 7);
    const from = addDays(to, -84);
    const stores = new Map<string, Set<string>>();
    for (const r of receipts) {
      const ms = parseShanghaiTime(r.soldAt);
      if (!r.areaCode.startsWith(COUNTY) || !inDays(shanghaiDay(ms), from, to)) continue;
      const local = new Date(ms + 8 * 3600_000);
      const key = `${local.getUTCDay() === 0 ? 7 : local.getUTCDay()}|${local.getUTCHours()}`;
      stores.set(key, (stores.get(key) ?? new Set()).add(r.storeId));
    }
    const shown = await page.locator('rect.cell.has-value').evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-row')}|${r.getAttribute('data-col')}`));
    // The hourly rollup does not say whose stores sold, so my store counts as one of every cell's outlets.
    expect(shown.sort()).toEqual([...stores].filter(([, s]) => s.size - 1 >= K).map(([k]) => k).sort());
    await page.close();
  }, TIMEOUT);

  test('a keyboard user steps through a choice with the arrow keys: each step draws the page, the focus stays on the choice', async () => {
    const page = await open('/workspace/demand?scope=county', 'workspace-demand');
    await page.focus('#ws-measure');
    await page.keyboard.press('ArrowDown'); // Chromium applies a closed select's arrow key at once
    await page.waitForURL((u) => u.searchParams.get('measure') === 'units');
    await page.waitForSelector('#view[data-view="workspace-demand"][data-state="ready"]');
    await page.waitForFunction(() => document.activeElement?.id === 'ws-measure');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((u) => u.searchParams.get('measure') === 'per_store');
    await page.waitForFunction(() => document.activeElement?.id === 'ws-measure');
    expect(await page.locator('#ws-measure').inputValue()).toBe('per_store');
    await page.close();
  }, TIMEOUT);
});

describe('what sells nearby that I do not stock', () => {
  test('categories other outlets of my county sold in the last two 4-week periods and I did not, by sales, from 5 outlets', async () => {
    const to = periodStart(addDays(mondayOf(lastSale), 7));
    const from = addDays(to, -56);
    // The county: this small simulated county's township has too few shops for any category to pass.
    const sold = othersLines(from, to);
    const rule = periodRule(sold, COUNTY, from, ...(await countyWithheldWeeks(new Set(sold.flatMap((l) => [l.category, l.category.split('.')[0]!])), from, to)));
    const mine = new Set<string>();
    const theirs = new Map<string, { fen: number; stores: Set<string> }>();
    for (const r of receipts) {
      if (!r.areaCode.startsWith(COUNTY) || !inDays(dayOf(r.soldAt), from, to)) continue;
      for (const l of r.lines) {
        if (r.storeId === STORE) mine.add(l.category);
        else {
          const c = theirs.get(l.category) ?? { fen: 0, stores: new Set() };
          c.fen += l.amountFen;
          c.stores.add(r.storeId);
          theirs.set(l.category, c);
        }
      }
    }
    const gaps = [...theirs].filter(([cat, c]) => !mine.has(cat) && c.stores.size >= K && rule.category(cat, [0, 1])).sort((a, b) => b[1].fen - a[1].fen);
    const page = await open('/workspace/gaps?scope=county', 'workspace-gaps');
    const rows = await page.locator('table.ws-gap-categories tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => [r[2], Number(r[3])])).toEqual(gaps.map(([, c]) => [formatYuan(c.fen), c.stores.size]));
    expect(gaps.length).toBeGreaterThan(0);
    await page.close();
  }, TIMEOUT);

  test('my township with nothing to show: not "you stock everything" while items are withheld, and a way to the county', async () => {
    const res = await context.request.get(`${base}/api/workspace/${STORE}/gaps`);
    const d = (await res.json()) as { categories: unknown[]; withheld: number };
    expect([d.categories.length, d.withheld > 0]).toEqual([0, true]); // a township of few shops at this scale
    const page = await open('/workspace/gaps', 'workspace-gaps');
    expect(await page.locator('.ws-gap-categories-none').textContent()).toBe('没有可显示的品类；另有不予显示的项（见下）。 看本县（市）的');
    await page.click('.ws-gap-categories-none a');
    await page.waitForURL((u) => u.searchParams.get('scope') === 'county');
    await page.close();
  }, TIMEOUT);
});

describe('price bands', () => {
  test('my product sold by fewer than 5 other shops here: withheld, saying how many; a category across the county: its units in bands', async () => {
    const to = periodStart(addDays(mondayOf(lastSale), 7));
    const from = addDays(to, -56);
    const page = await open('/workspace/prices', 'workspace-prices');
    const sku = (await page.locator('#ws-pick').inputValue()).replace(/^sku:/, '');
    const sellers = new Set(receipts.filter((r) => r.storeId !== STORE && r.areaCode.startsWith(TOWNSHIP) && inDays(dayOf(r.soldAt), from, to) && r.lines.some((l) => l.sku === sku)).map((r) => r.storeId));
    // Withheld for too few sellers, or for a 4-week period (or the rest of the county) of fewer than 5.
    const passes = periodRule(othersLines(from, to), TOWNSHIP, from).product(sku, [0, 1]);
    expect(sellers.size < K || !passes).toBe(true);
    expect(await page.locator('.ws-prices-withheld').textContent()).toBe(sellers.size < K
      ? `附近卖这个商品的其他店少于 5 家（${sellers.size} 家），价格分布不予显示。`
      : `附近有 ${sellers.size} 家其他店卖这个商品，但其中某个 4 周的数字可以和别的数字相减，算出不到 5 家店的销售：价格分布不予显示。`);
    await page.selectOption('#ws-scope', 'county');
    await page.waitForURL((u) => u.searchParams.get('scope') === 'county');
    await page.selectOption('#ws-pick', 'category:beverages');
    await page.waitForURL((u) => u.searchParams.get('category') === 'beverages');
    await page.waitForSelector('#view[data-state="ready"] svg.ws-bands');
    // The category's products that pass the period rule county-wide, and their units.
    const sold = othersLines(from, to).filter((l) => l.category.startsWith('beverages'));
    const rule = periodRule(sold, COUNTY, from, ...(await countyWithheldWeeks(new Set(sold.flatMap((l) => [l.category, l.category.split('.')[0]!])), from, to)));
    const lines = receipts.filter((r) => r.storeId !== STORE && r.areaCode.startsWith(COUNTY) && inDays(dayOf(r.soldAt), from, to))
      .flatMap((r) => r.lines).filter((l) => l.category.startsWith('beverages'));
    const counted = new Set([...new Set(lines.map((l) => l.sku))].filter((sku) => rule.product(sku, [0, 1])));
    const units = sum(lines.filter((l) => counted.has(l.sku)).map((l) => l.quantity));
    const leftOut = new Set(lines.map((l) => l.sku)).size - counted.size;
    expect(units).toBeGreaterThan(0);
    expect(await page.locator('.ws-prices-left-out').allTextContents()).toEqual(leftOut > 0 ? [`另有 ${leftOut} 种商品未计入：其中某个 4 周的数字可以和别的数字相减，算出不到 5 家店的销售。`] : []);
    const banded = sum((await page.locator('svg.ws-bands rect.band').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-qty'))))));
    expect(banded).toBe(units);
    expect(await page.locator('svg.ws-bands .mine').count()).toBe(1);
    await page.close();
  }, TIMEOUT);

  test('a link naming a product the platform does not know opens on the default product, and says so', async () => {
    // It opened on the API's refusal ("sku: unknown product ..."), with no product to pick from there.
    const plain = await open('/workspace/prices', 'workspace-prices');
    const [defaultPick, defaultTitle] = [await plain.locator('#ws-pick').inputValue(), await plain.locator('h1').textContent()];
    await plain.close();
    const page = await open('/workspace/prices?sku=no-such-product', 'workspace-prices');
    expect(await page.locator('.ws-unknown-sku').textContent()).toBe('链接中的商品“no-such-product”在平台上没有记录，下面显示的是默认商品。请在“商品或品类”中另选。');
    expect([await page.locator('#ws-pick').inputValue(), await page.locator('h1').textContent()]).toEqual([defaultPick, defaultTitle]);
    expect(defaultPick).toMatch(/^sku:./);
    await page.close();
  }, TIMEOUT);

  test('a link from before the 4-week periods (26 weeks) opens on the 24 weeks it covers, not on a refusal', async () => {
    const to = periodStart(addDays(mondayOf(lastSale), 7));
    const page = await open('/workspace/prices?scope=county&category=beverages&weeks=26', 'workspace-prices');
    expect(await page.locator('#ws-weeks').inputValue()).toBe('24');
    expect(await page.locator('#view').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#view .muted').first().textContent()).toContain(`${addDays(to, -24 * 7)} 至 ${addDays(to, -1)}`);
    // The quartiles in words, with the API's figures (the county's beverages are not withheld here).
    const api = await context.request.get(`${base}/api/workspace/${STORE}/prices?scope=county&category=beverages&weeks=24`);
    const q = (await api.json()).quartiles as { p25: number; median: number; p75: number };
    const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(await page.locator('.ws-quartiles').textContent()).toBe(`按售出件数：四分之一的价格在 ${yuan(q.p25)} 及以下，一半在 ${yuan(q.median)} 及以下，四分之三在 ${yuan(q.p75)} 及以下`);
    await page.close();
  }, TIMEOUT);
});

describe('price bands in English on a 360-pixel phone', () => {
  test('a long product choice, 武定壮鸡(约1.5kg) (Poultry, eggs & ham), stays inside the screen', async () => {
    const own = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await own.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await signIn(page, base, 'demo-merchant', 'demo', '/workspace/prices?lang=en');
    await page.waitForSelector('#view[data-view="workspace-prices"]:is([data-state="ready"], [data-state="empty"])');
    // The county's full data offers the chicken among my products (this small county does not): its
    // label, as the page makes it, joins the choices.
    const chicken = PRODUCTS.find((p) => p.sku === 'chicken-wuding')!;
    // In English the category goes in half-width brackets after a space (it had the Chinese ones).
    const first = await page.locator('#ws-pick optgroup option').first().textContent();
    expect(first).toMatch(/^\S.* \([A-Z][^()（）]*\)$/);
    const label = `${chicken.name} (${subCategoryName('produce.meat', 'en')})`;
    expect(label).toBe('武定壮鸡(约1.5kg) (Poultry, eggs & ham)');
    await page.locator('#ws-pick optgroup').first().evaluate((group, text) => {
      const option = document.createElement('option');
      option.value = 'sku:chicken-wuding';
      option.textContent = text;
      group.append(option);
    }, label);
    const box = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [select, field] = [await box('#ws-pick'), await box('label.ws-pick')];
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The select fills its label, and the label stays inside the page's 16-pixel margins, whatever the options.
    expect(select.width).toBeCloseTo(field.width, 0);
    expect(field.right).toBeLessThanOrEqual(360 - 16);
    await own.close();
  }, TIMEOUT);
});

describe('peers', () => {
  test('no benchmark in a township without 5 peers; in the county, the peers counted and my sales among them', async () => {
    const to = addDays(mondayOf(lastSale), 7);
    const from = addDays(to, -28);
    const me = storeOf.get(STORE)!;
    const sold = new Map<string, number>();
    for (const r of receipts) if (inDays(dayOf(r.soldAt), from, to)) sold.set(r.storeId, (sold.get(r.storeId) ?? 0) + r.totalFen);
    const peersIn = (area: string) => [...sold.keys()].filter((id) => {
      const s = storeOf.get(id);
      return id !== STORE && s && s.type === me.type && s.tier === me.tier && s.areaCode.startsWith(area);
    }).length;
    const page = await open('/workspace/peers', 'workspace-peers');
    const township = page.locator('.ws-peer-group[data-level="township"]');
    expect(await township.locator('.note').textContent()).toBe(`同行门店少于 5 家（${peersIn(TOWNSHIP)} 家）：不予显示。`);
    expect(await township.locator('.ws-metrics').count()).toBe(0);
    const county = page.locator('.ws-peer-group[data-level="county"]');
    expect(peersIn(COUNTY)).toBeGreaterThanOrEqual(K);
    expect(await county.locator('h3 small').textContent()).toBe(` ${peersIn(COUNTY)} 家同行`);
    expect(await county.locator('li[data-metric="sales"] .ws-metric-mine strong').textContent()).toBe(formatYuan(sold.get(STORE)!));
    expect(await county.locator('svg.ws-range').count()).toBe(4);
    // Growth says against what: the 4 weeks before the default 4.
    expect(await county.locator('li[data-metric="growth"] .ws-metric-name').textContent()).toBe('增长（比前 4 周）');
    await page.close();
  }, TIMEOUT);
});

describe('restock', () => {
  test('every product delivered in 12 weeks with its last delivery, soonest to run out first; the alert window is chosen', async () => {
    const page = await open('/workspace/restock', 'workspace-restock');
    const asOf = myLastSale;
    const last = new Map<string, string>();
    for (const d of deliveries) {
      const day = dayOf(d.occurredAt);
      if (d.destStoreId !== STORE || day > asOf || day <= addDays(asOf, -84)) continue; // the 12 weeks up to asOf
      if ((last.get(d.sku) ?? '') < day) last.set(d.sku, day);
    }
    const rows = await page.locator('table.ws-restock tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      sku: tr.getAttribute('data-sku')!, alert: tr.classList.contains('alert'),
      runsOut: tr.querySelectorAll('td')[1]!.textContent!, delivered: tr.querySelectorAll('td')[4]!.querySelector('.nowrap')!.firstChild!.textContent!,
      festival: tr.querySelectorAll('td')[5]!.textContent!,
    })));
    // A festival is named with the days of its uplift (春节前 1月23日–2月5日 +35%), never as the API's code (spring_festival:2027-02-06).
    for (const r of rows) expect(r.festival).toMatch(/^$|^(春节前|火把节) \d{1,2}月\d{1,2}日–\d{1,2}月\d{1,2}日 [+−]\d+%$/);
    expect(Object.fromEntries(rows.map((r) => [r.sku, r.delivered]))).toEqual(Object.fromEntries(last));
    const dates = rows.map((r) => r.runsOut).filter((d) => /^\d{4}-/.test(d));
    expect(dates).toEqual([...dates].sort());
    expect(rows.filter((r) => r.alert).map((r) => r.sku)).toEqual(rows.filter((r) => /^\d{4}-/.test(r.runsOut) && r.runsOut <= addDays(asOf, 7)).map((r) => r.sku));
    // The table scrolls sideways on the phone; its caption stays within the screen, wrapped (it ran
    // past the edge with the columns, cut off mid-sentence).
    const fit = await page.evaluate(() => {
      const box = document.querySelector('table.ws-restock')!.closest('.table-scroll')!;
      const caption = document.querySelector('table.ws-restock caption')!;
      return { table: box.scrollWidth > box.clientWidth, right: caption.getBoundingClientRect().right, edge: box.getBoundingClientRect().right };
    });
    expect(fit.table, 'the table is wider than the phone').toBe(true);
    expect(fit.right).toBeLessThanOrEqual(fit.edge + 0.5);
    // The caption says the table holds every product delivered, not only those marked.
    const marked = rows.filter((r) => r.alert).length;
    expect(await page.locator('table.ws-restock caption').textContent()).toBe(marked > 0
      ? `${marked} 种商品 7 天内会卖完（已标出）；下表是 12 周内到过货的全部 ${last.size} 种，按卖完先后排列`
      : `7 天内没有要卖完的商品；下表是 12 周内到过货的全部 ${last.size} 种，按卖完先后排列。`);
    await page.selectOption('#ws-within', '14');
    await page.waitForURL((u) => u.searchParams.get('within') === '14');
    await page.waitForSelector('#view[data-state="ready"] table.ws-restock');
    const alerts14 = await page.locator('table.ws-restock tr.alert').count();
    expect(alerts14).toBe(rows.filter((r) => /^\d{4}-/.test(r.runsOut) && r.runsOut <= addDays(asOf, 14)).length);
    await page.close();
  }, TIMEOUT);
});

describe('sourcing', () => {
  test('the distributors of a category in my county, and prices only where 3 distributors stand behind them', async () => {
    const to = addDays(mondayOf(lastSale), 7);
    const from = addDays(to, -84);
    const page = await open('/workspace/sourcing', 'workspace-sourcing');
    const category = (await page.locator('details.ws-sourcing').first().getAttribute('data-category'))!;
    const inCounty = deliveries.filter((d) => d.category.split('.')[0] === category && inDays(dayOf(d.occurredAt), from, to)
      && storeOf.get(d.destStoreId!)?.areaCode.startsWith(COUNTY));
    const first = page.locator('details.ws-sourcing').first();
    expect(await first.locator('summary .muted').textContent()).toContain(`批发商 ${new Set(inCounty.map((d) => d.sellerId)).size} ·`);
    const sellers = new Map<string, Set<string>>();
    for (const d of inCounty) sellers.set(d.sku, (sellers.get(d.sku) ?? new Set()).add(d.sellerId));
    const rows = await first.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!)));
    expect(rows.length).toBe(sellers.size);
    const names = new Map(PRODUCTS.map((p) => [p.name, p.sku]));
    for (const r of rows) {
      const n = sellers.get(names.get(r[0]!)!)!.size;
      expect(Number(r[1])).toBe(n);
      expect(r[2] === '不予显示（批发商少于 3 家）').toBe(n < 3);
    }
    await page.close();
  }, TIMEOUT);
});

describe('scope', () => {
  test('another merchant\'s store is the 403 page, naming the refusal and my scope', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/workspace?stores=ST-532301101`);
    await page.waitForSelector('.refusal.forbidden');
    expect(await page.locator('.refusal h1').textContent()).toBe('403 · 无权访问');
    expect(await page.locator('.refusal .scope').textContent()).toBe(`您的范围：${STORE}`);
    expect(await page.locator('.refusal .detail').textContent()).toContain('ST-532301101');
    await page.close();
  }, TIMEOUT);

  test('a merchant with two stores switches between them, or sees both together', async () => {
    const own = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await own.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await signIn(page, base, 'merchant-2', PASSWORD, '/workspace');
    await page.waitForSelector('#view[data-view="workspace-store"][data-stores="ST-532302102"]:not([data-state="loading"])');
    await waitUntil(page, () => document.querySelector('#ws-stores option')?.textContent !== 'ST-532302102');
    const options = await page.locator('#ws-stores option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toEqual([['ST-532302102', storeOf.get('ST-532302102')!.name], ['ST-532301101', storeOf.get('ST-532301101')!.name], ['ST-532302102,ST-532301101', '全部门店合计']]);
    await page.selectOption('#ws-stores', 'ST-532302102,ST-532301101');
    await page.waitForSelector('#view[data-stores="ST-532302102,ST-532301101"]:not([data-state="loading"])');
    expect(await page.locator('main h1').textContent()).toBe(`${storeOf.get('ST-532302102')!.name}、${storeOf.get('ST-532301101')!.name}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The tabs keep the stores chosen.
    expect(new URL(await page.locator('.ws-tabs a', { hasText: '补货提醒' }).getAttribute('href') ?? '', base).searchParams.get('stores')).toBe('ST-532302102,ST-532301101');
    await own.close();
  }, TIMEOUT);
});
