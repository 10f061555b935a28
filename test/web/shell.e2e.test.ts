// The app shell in Chromium over the real app: every demo role signs in with one click and lands
// on its home; a merchant opening another shop's page gets the 403 page; signing out ends the
// session; an expired session returns to the sign-in page and back; URLs and the back button work;
// and the pages fit a 360-pixel phone.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatShanghaiTime } from '../../contracts/time.ts';
import { ensureDemoAccounts } from '../../api/auth/demo-accounts.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, launchBrowser, newPage, serve, signIn, waitUntil } from '../fixtures/browser.ts';
import { areas, POS_FIXTURE, ROOT, stores } from '../fixtures/warehouse.ts';

let now = Date.parse('2026-03-20T04:00:00Z');
let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;
const TTL = 2 * 3600_000;
let backfill: { done: number; total: number } | null = null; // what the platform's backfill says, set by a test

beforeAll(async () => {
  t = await openTestApp({
    clock: () => now, accounts: [],
    auth: { demo: true, sessionTtlMs: TTL, cacheMs: 0 },
    extra: { webDir: join(ROOT, 'web/dist'), backfill: () => backfill },
  });
  await ensureDemoAccounts(t.locals.services.accounts, 'demo');
  await t.wh.insert('pos_lines', POS_FIXTURE.flatMap(posRows));
  ({ server, base } = await serve(t.app));
  browser = await launchBrowser();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function demoSignIn(page: Page, login: string, path = '/'): Promise<void> {
  await page.goto(base + path);
  await page.click(`button.demo-login[data-login="${login}"]`);
  await page.waitForURL((url) => url.pathname !== '/signin');
}

const navLabels = (page: Page) => page.locator('.mainnav a').allTextContents();

describe('while past data is still loading', () => {
  test('every page says how far it is and that earlier weeks are not complete; the notice goes when it is done', async () => {
    backfill = { done: 40, total: 365 };
    const page = await newPage(browser, 360);
    await demoSignIn(page, 'demo-merchant');
    const notice = page.locator('.history-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toBe('正在载入历史数据（已载入 40 / 365 天）：较早的周和月份（如去年同期）的数字还不完整，载入完成前请勿据此判断。');
    // Asked again every ten seconds while it loads: it follows, then goes.
    backfill = null;
    await notice.waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  }, TIMEOUT);
});

describe('the stores of an area on a phone', () => {
  test('a merchant\'s own store is listed with no filter or search above it', async () => {
    const page = await newPage(browser, 360);
    await demoSignIn(page, 'demo-merchant', '/stores');
    await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
    expect(await page.locator('#view tbody tr a').allTextContents()).toEqual(['金山镇电商服务站']);
    expect(await page.locator('#store-find').isVisible()).toBe(false);
    expect(await page.locator('#store-type').isVisible()).toBe(false);
    await page.close();
  }, TIMEOUT);

  test('typing a name, an area or an id narrows the list as it is typed', async () => {
    const page = await newPage(browser, 360);
    await demoSignIn(page, 'demo-official-lufeng', '/stores');
    await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
    const rows = () => page.locator('#view table tbody tr').count();
    // Lufeng's stores and stations from the reference, 50 at a time.
    const all = stores.filter((s) => s.areaCode.startsWith('532302')).length;
    expect(all).toBeGreaterThan(100);
    expect(await page.locator('main p.caption').textContent()).toBe(`共 ${all} 家`);
    expect(await rows()).toBe(50);
    expect(await page.locator('#view button.more-rows').textContent()).toBe(`再显示 50 家（已显示 50 / ${all}）`);
    await page.click('#view button.more-rows');
    await waitUntil(page, () => document.querySelectorAll('#view table tbody tr').length === 100);
    // The keyboard goes on at the first row added.
    expect(await page.evaluate(() => [...document.querySelectorAll('#view tbody tr a')].indexOf(document.activeElement!))).toBe(50);
    while (await page.locator('#view button.more-rows').count() > 0) await page.click('#view button.more-rows');
    expect(await rows()).toBe(all);
    await page.fill('#store-find', 'st-532302101'); // an id, in any case
    await waitUntil(page, () => document.querySelectorAll('#view table tbody tr').length === 1);
    expect(await page.locator('#view table tbody tr a').getAttribute('href')).toBe('/stores/ST-532302101');
    expect(await page.locator('main p.caption').textContent()).toBe('共 1 家');
    // The words are in the address: a reload finds the same one store.
    expect(new URL(page.url()).searchParams.get('q')).toBe('st-532302101');
    await page.reload();
    await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
    expect(await rows()).toBe(1);
    expect(await page.inputValue('#store-find')).toBe('st-532302101');
    await page.fill('#store-find', 'no such store');
    await page.waitForSelector('#view[data-view="stores"][data-state="empty"]');
    expect(await page.locator('#view .status-hint').textContent()).toBe('没有名称、地区或编号含「no such store」的门店或站点。');
    await page.fill('#store-find', '');
    await waitUntil(page, () => document.querySelectorAll('#view table tbody tr').length === 50); // back to the first 50
    await page.close();
  }, TIMEOUT);
});

describe('signing in, each role to its home', () => {
  test.each([
    ['demo-merchant', '经营概况', ['首页', '经营工作台', '我的门店', '需求热力图'], 'home-merchant'],
    ['demo-official-lufeng', '禄丰市概况', ['首页', '经营监测', '产品流向', '需求热力图', '门店与站点'], 'home-official'],
    ['demo-official', '楚雄彝族自治州概况', ['首页', '经营监测', '产品流向', '需求热力图', '门店与站点'], 'home-official'],
    ['demo-analyst', '楚雄彝族自治州概况', ['首页', '经营监测', '产品流向', '需求热力图', '门店与站点', 'SQL 工作台'], 'home-analyst'],
    ['demo-admin', '平台管理员', ['首页', '账号管理', '运行状态'], 'home-admin'],
  ])('%s lands on its home: %s', async (login, title, nav, view) => {
    const page = await newPage(browser);
    await page.goto(base + '/');
    await page.waitForURL(`${base}/signin`); // not signed in: the sign-in page, with the demo accounts
    await demoSignIn(page, login);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.waitForSelector(`#view[data-view="${view}"][data-state="ready"]`);
    expect(await page.locator('main h1').textContent()).toBe(title);
    expect(await navLabels(page)).toEqual(nav);
    expect(await page.locator('.mainnav a[aria-current="page"]').textContent()).toBe('首页');
    // The role beside the name, unless the name says it already (数据分析员（演示）, 平台管理员（演示）).
    expect(await page.locator('.user .user-role').allTextContents()).toEqual(
      { 'demo-merchant': ['商户'], 'demo-official-lufeng': ['商务主管部门'], 'demo-official': ['商务主管部门'] }[login] ?? []);
    // The freshness line names the newest POS sale of the fixture (R-4, 2026-03-15 23:59:59).
    await waitUntil(page, () => document.querySelector('footer.freshness')?.textContent?.includes('门店销售 2026-03-15 23:59'));
    await page.close();
  }, TIMEOUT);

  test('the merchant\'s home shows its station\'s week against the week before, to the fen', async () => {
    const page = await newPage(browser, 390);
    await demoSignIn(page, 'demo-merchant');
    await page.waitForSelector('#view[data-view="home-merchant"][data-state="ready"]');
    // ST-532302101 sold R-2 (¥7.00) in 2026-W10, its last week with data; nothing in W09.
    const card = page.locator('article.store-card[data-store="ST-532302101"]');
    expect(await card.locator('h2').textContent()).toBe('金山镇电商服务站');
    expect(await card.locator('.kpi-this-week').textContent()).toBe('¥7.00');
    expect(await card.locator('dt').first().textContent()).toBe('最近整周（3月2日–8日）'); // 2026-W10, in days
    expect(await card.locator('dt').nth(1).textContent()).toBe('前一周（2月23日–3月1日）');
    await page.close();
  }, TIMEOUT);
});

describe('scope in the browser', () => {
  test('a merchant opening another shop\'s page sees the 403 page naming their scope; their own page works', async () => {
    const page = await newPage(browser, 390);
    await demoSignIn(page, 'demo-merchant');
    await page.goto(`${base}/stores/CS-532302101-1`);
    await page.waitForSelector('.refusal.forbidden');
    expect(await page.locator('.refusal h1').textContent()).toBe('403 · 无权访问');
    expect(await page.locator('.refusal .scope').textContent()).toBe('您的范围：ST-532302101');
    // The API's own (English) message is folded away, so the page reads in Chinese.
    expect(await page.locator('.refusal .detail summary').textContent()).toBe('技术详情');
    expect(await page.locator('.refusal .detail p').isVisible()).toBe(false);
    expect(await page.locator('.refusal .detail p').textContent()).toContain('store CS-532302101-1 is outside your scope');
    await page.goto(`${base}/stores/ST-532302101`);
    await page.waitForSelector('#view[data-view="store"][data-state="ready"]');
    expect(await page.locator('main h1').textContent()).toBe('金山镇电商服务站');
    // Its week of R-2 (¥7.00, 2026-W10) named by its days, the ISO week in the tooltip.
    const week = page.locator('table.weekly tbody tr', { hasText: '¥7.00' }).locator('td').first();
    expect([await week.textContent(), await week.locator('span').getAttribute('title')]).toEqual(['3月2日–8日', '2026-W10']);
    await page.close();
  }, TIMEOUT);

  test('a Lufeng official asking for another county\'s heatmap sees the 403 page', async () => {
    const page = await newPage(browser);
    await demoSignIn(page, 'demo-official-lufeng', '/demand?area=532301');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/demand?area=532301');
    await page.waitForSelector('.refusal.forbidden');
    expect(await page.locator('.refusal .scope').textContent()).toBe('您的范围：禄丰市（532302）');
    // The reports tab too (it said "bad request", its button to produce a report still there); the
    // page stands in the view's place, in its error state.
    await page.goto(`${base}/cockpit/reports?area=532301`);
    await page.waitForSelector('#view.refusal.forbidden[data-state="error"]');
    expect(await page.locator('.refusal .scope').textContent()).toBe('您的范围：禄丰市（532302）');
    expect(await page.locator('main button').count()).toBe(0);
    await page.close();
  }, TIMEOUT);

  test('an administrator has no data views: the heatmap\'s URL is a 403 page', async () => {
    const page = await newPage(browser);
    await demoSignIn(page, 'demo-admin');
    await page.goto(`${base}/demand`);
    await page.waitForSelector('.refusal.forbidden');
    expect(await page.locator('.refusal .reason').textContent()).toBe('此页面不对「平台管理员」账号开放。');
    await page.close();
  }, TIMEOUT);
});

describe('sessions in the browser', () => {
  test('signing out ends the session: the old cookie is refused and the pages ask to sign in', async () => {
    const page = await newPage(browser);
    await demoSignIn(page, 'demo-analyst');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'cx_session', httpOnly: true, sameSite: 'Lax' });
    await page.click('button.sign-out');
    await page.waitForURL(`${base}/signin`);
    expect(await page.context().cookies()).toEqual([]);
    const replay = await fetch(`${base}/api/session`, { headers: { cookie: `cx_session=${cookie!.value}` } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: 'unauthorized', message: 'you were signed out; sign in again' });
    await page.goto(`${base}/stores`);
    await page.waitForURL(`${base}/signin?next=%2Fstores`);
    await page.close();
  }, TIMEOUT);

  test('an expired session returns to sign-in with the reason, and back to the page afterwards', async () => {
    const page = await newPage(browser);
    await demoSignIn(page, 'demo-official', '/demand?area=532302');
    await page.waitForSelector('#view[data-view="demand"][data-state="ready"]');
    now += TTL + 1_000;
    await page.click('.mainnav a[href="/stores"]');
    await page.waitForURL(/\/signin\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('next')).toBe('/stores');
    expect(url.searchParams.get('reason')).toBe('expired');
    expect(await page.locator('.form-message').textContent()).toBe('登录已过期，请重新登录。');
    await page.fill('#login', 'demo-official');
    await page.fill('#password', 'demo');
    await page.click('form.signin-form button[type="submit"]');
    await page.waitForURL(`${base}/stores`);
    await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
    await page.close();
  }, TIMEOUT);

  test('a wrong password is said so in Chinese', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/signin`);
    await page.fill('#login', 'demo-analyst');
    await page.fill('#password', 'not the password');
    await page.click('form.signin-form button[type="submit"]');
    await waitUntil(page, () => document.querySelector('.form-message')?.textContent === '账号或密码错误。');
    await page.close();
  }, TIMEOUT);

  test('an empty field is named in Chinese by its label, not in the API\'s English', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/signin`);
    await page.click('form.signin-form button[type="submit"]');
    await waitUntil(page, () => document.querySelector('.form-message')?.textContent === '「账号」不能为空');
    await page.fill('#login', 'demo-analyst');
    await page.click('form.signin-form button[type="submit"]');
    await waitUntil(page, () => document.querySelector('.form-message')?.textContent === '「密码」不能为空');
    await page.close();
  }, TIMEOUT);
});

describe('addresses and the back button', () => {
  test('a bookmarked view opens after sign-in, drills down, and the back button returns', async () => {
    const page = await newPage(browser);
    await signIn(page, base, 'demo-analyst', 'demo', '/demand?from=2026-03-02&to=2026-03-16');
    expect(new URL(page.url()).search).toBe('?from=2026-03-02&to=2026-03-16');
    await page.waitForSelector('#view[data-view="demand"][data-state="ready"][data-area="5323"]');
    await page.click('#view .row-label.drill:text-is("禄丰市")');
    await page.waitForSelector('#view[data-state="ready"][data-area="532302"]');
    expect(new URL(page.url()).searchParams.get('area')).toBe('532302');
    await page.goBack();
    await page.waitForSelector('#view[data-state="ready"][data-area="5323"]');
    await page.click('.mainnav a[href="/stores"]');
    await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
    await page.goBack();
    await page.waitForSelector('#view[data-view="demand"][data-state="ready"]');
    await page.close();
  }, TIMEOUT);

  test('an unknown path is a 404 page inside the frame', async () => {
    const page = await newPage(browser);
    await demoSignIn(page, 'demo-analyst');
    await page.goto(`${base}/no/such/page`);
    await page.waitForSelector('.refusal.not-found');
    expect(await page.locator('.refusal h1').textContent()).toBe('404 · 页面不存在');
    await page.close();
  }, TIMEOUT);
});

describe('a 360-pixel phone', () => {
  test.each([
    ['demo-merchant', '/', 'home-merchant'], ['demo-merchant', '/demand', 'demand'], ['demo-merchant', '/stores/ST-532302101', 'store'],
    ['demo-official-lufeng', '/', 'home-official'], ['demo-admin', '/admin/accounts', 'accounts'], ['demo-admin', '/account', 'tokens'],
  ])('%s at %s: nothing wider than the screen, touch targets of 44 px', async (login, path, view) => {
    const page = await newPage(browser, 360);
    await demoSignIn(page, login, path);
    await page.waitForSelector(`#view[data-view="${view}"][data-state="ready"], #view[data-view="${view}"][data-state="empty"]`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const small = await page.evaluate(() => [...document.querySelectorAll('button, .mainnav a, .user-name, input, select')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0 && r.height < 44).length);
    expect(small).toBe(0);
    await page.close();
  }, TIMEOUT);

  test('the accounts are cards: every account\'s buttons on screen without scrolling sideways, each value beside its label', async () => {
    const page = await newPage(browser, 360);
    await demoSignIn(page, 'demo-admin', '/admin/accounts');
    await page.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
    // Before, the table scrolled inside its box and the buttons of every row sat beyond 360 px.
    const outside = await page.evaluate(() => [...document.querySelectorAll('table.accounts tbody button')]
      .map((b) => b.getBoundingClientRect()).filter((r) => r.left < 0 || r.right > 360).length);
    expect(outside).toBe(0);
    // Five demo accounts, four buttons each (edit, disable, new password, end sessions), but no
    // "disable" on the administrator's own.
    expect(await page.locator('table.accounts tbody button').count()).toBe(19);
    const merchant = page.locator('table.accounts tbody tr', { has: page.locator('code', { hasText: /^demo-merchant$/ }) });
    // The scope by its name and place from the reference (it read as a bare id), the id beside it
    // (the form asks for ids; a phone shows no tooltip).
    const store = stores.find((s) => s.id === 'ST-532302101')!;
    const areaName = (code: string) => areas.find((a) => a.code === code)!.name;
    await waitUntil(page, () => document.querySelector('table.accounts [data-id="ST-532302101"]')?.textContent !== 'ST-532302101');
    const lines = await merchant.locator('td').evaluateAll((tds) => tds.map((td) => `${getComputedStyle(td, '::before').content} ${td.textContent}`));
    expect(lines.slice(0, 5)).toEqual(['"账号" demo-merchant', '"名称" 金山镇电商服务站（演示）', '"角色" 商户',
      `"范围" ${store.name}（${areaName(store.areaCode.slice(0, 6))} ${areaName(store.areaCode)}） ST-532302101`, '"状态" 正常']);
    const scopeOf = (login: string) => page.locator('table.accounts tbody tr', { has: page.locator('code', { hasText: new RegExp(`^${login}$`) }) }).locator('td').nth(3).textContent();
    expect(await scopeOf('demo-official-lufeng')).toBe(`${areaName('532302')}（532302）`);
    // An analyst's scope is all the data, an administrator's the platform ("—" said neither).
    expect([await scopeOf('demo-analyst'), await scopeOf('demo-admin')]).toEqual(['全部数据（全州）', '平台管理（账号与运行状况）']);
    await page.close();
  }, TIMEOUT);
});

describe('the header on a 360-pixel phone', () => {
  test.each([
    ['zh', 'demo-merchant', '/', ['退出登录', 'English'], 'end'],
    ['en', 'demo-merchant', '/', ['Sign out', '中文'], 'end'],
    ['zh', 'demo-official-lufeng', '/', ['退出登录', 'English'], 'end'],
    ['en', 'demo-official-lufeng', '/', ['Sign out', '中文'], 'end'],
    ['zh', 'demo-merchant', '/demand', ['退出登录', 'English'], 'start'], // the current item brought into the row
  ])('%s, %s at %s: one-line buttons, the name cut to fit, a navigation that shows it scrolls', async (lang, login, path, buttons, more) => {
    const page = await newPage(browser, 360);
    await demoSignIn(page, login, `${path}?lang=${lang}`);
    await page.waitForSelector('#view:is([data-state="ready"], [data-state="empty"])');
    const header = await page.evaluate(() => {
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      const box = (el: Element) => el.getBoundingClientRect();
      const name = document.querySelector<HTMLElement>('.user-name')!;
      const nav = document.querySelector<HTMLElement>('.mainnav')!;
      return {
        buttons: [...document.querySelectorAll('.topbar button')].map((b) => [b.textContent, lines(b), box(b).height >= 40]),
        name: { lines: lines(name), height: box(name).height, right: box(name).right, cut: name.scrollWidth > name.clientWidth, ellipsis: getComputedStyle(name).textOverflow },
        ends: Math.max(...[...document.querySelectorAll('.topbar button, .topbar .brand')].map((el) => box(el).right)),
        nav: { more: nav.dataset.more ?? '', overflows: nav.scrollWidth > nav.clientWidth, current: box(nav.querySelector('a[aria-current="page"]')!), right: box(nav).right },
      };
    });
    expect(header.buttons).toEqual(buttons.map((b) => [b, 1, true]));
    expect(header.name).toMatchObject({ lines: 1, ellipsis: 'ellipsis' });
    expect(header.name.height).toBeGreaterThanOrEqual(44);
    expect(header.name.right).toBeLessThanOrEqual(360);
    expect(header.ends).toBeLessThanOrEqual(360);
    // More items than fit: the row scrolls, its cut edge fades, and the current page's item shows whole.
    expect(header.nav).toMatchObject({ more, overflows: true });
    expect(header.nav.current.right).toBeLessThanOrEqual(header.nav.right + 1); // + sub-pixel rounding
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  }, TIMEOUT);
});

describe('managing accounts in the browser', () => {
  test('an administrator creates a merchant, who signs in with the password shown once and makes an API token', async () => {
    const admin = await newPage(browser);
    await demoSignIn(admin, 'demo-admin', '/admin/accounts');
    await admin.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
    // The scope fields' hints read as examples, not as values filled in.
    expect(await admin.getAttribute('#new-stores', 'placeholder')).toBe('例如 ST-532302101');
    expect(await admin.getAttribute('#new-area', 'placeholder')).toBe('例如 532302');
    // An official's area: the code typed is named beneath it (the prefecture and its counties are
    // suggested by name), or said to be no area an official can oversee.
    await admin.selectOption('#new-role', 'official');
    await admin.waitForSelector('#area-directory option[value="532302"]', { state: 'attached' });
    expect(await admin.locator('#area-directory option').count()).toBe(11);
    await admin.fill('#new-area', '5323');
    expect(await admin.textContent('#area-name')).toBe('楚雄彝族自治州');
    await admin.fill('#new-area', '53230'); // on the way to a county's code: not yet wrong
    expect(await admin.textContent('#area-name')).toBe('');
    await admin.fill('#new-area', '532302');
    expect(await admin.textContent('#area-name')).toBe('禄丰市');
    await admin.fill('#new-area', '532399');
    expect(await admin.textContent('#area-name')).toBe('不是楚雄州或其所辖县（市）的代码：532399');
    // A merchant's account has stores, not an area: the area field is not on screen.
    await admin.selectOption('#new-role', 'merchant');
    expect(await admin.isVisible('#new-area')).toBe(false);
    expect(await admin.isVisible('#new-stores')).toBe(true);
    await admin.fill('#new-login', 'shop-101010');
    await admin.fill('#new-name', '某村小卖部');
    await admin.selectOption('#new-role', 'merchant');
    // The store picked by name from the directory (choosing a suggestion puts its id in the search
    // box): its id joins the ids field, and the line below names it with its place, from the county
    // down (禄丰市 > 金山镇 > 大北厂社区居民委员会 in reference/chuxiong-areas.json); an id typed
    // by hand that no store has is named as such before anything is sent.
    await admin.waitForSelector('#store-directory option[value="VS-532302101010"]', { state: 'attached' });
    await admin.fill('#new-stores', 'VS-404');
    await admin.fill('#store-find', 'VS-532302101010');
    expect(await admin.inputValue('#new-stores')).toBe('VS-404, VS-532302101010');
    expect(await admin.inputValue('#store-find')).toBe('');
    expect(await admin.locator('#store-names li').allTextContents()).toEqual(['没有这个编号的门店：VS-404',
      `${stores.find((s) => s.id === 'VS-532302101010')!.name}（禄丰市 金山镇 大北厂社区居民委员会）`]);
    await admin.fill('#new-stores', 'VS-532302101010');
    expect(await admin.locator('#store-names li').allTextContents()).toEqual([`${stores.find((s) => s.id === 'VS-532302101010')!.name}（禄丰市 金山镇 大北厂社区居民委员会）`]);
    await admin.click('form.create-account button[type="submit"]');
    const secret = admin.locator('.once code.secret');
    await secret.waitFor();
    const password = (await secret.textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    await waitUntil(admin, () => [...document.querySelectorAll('table.accounts code')].some((c) => c.textContent === 'shop-101010'));
    // A bad store id is refused: in Chinese, the field to change; the API's words folded beneath.
    await admin.fill('#new-login', 'shop-x');
    await admin.selectOption('#new-role', 'merchant');
    await admin.fill('#new-stores', 'NO-SUCH');
    await admin.click('form.create-account button[type="submit"]');
    await waitUntil(admin, () => document.querySelector('.once .error-text')?.textContent === '「门店」中有不存在的门店编号，请修改后再保存。');
    expect(await admin.locator('.once details p').textContent()).toBe('storeIds: unknown store NO-SUCH');
    await admin.close();

    const shop = await newPage(browser, 390);
    await signIn(shop, base, 'shop-101010', password);
    await shop.waitForSelector('#view[data-view="home-merchant"][data-state="ready"]');
    expect(await shop.locator('article.store-card h2').textContent()).toBe(stores.find((s) => s.id === 'VS-532302101010')!.name);
    await shop.goto(`${base}/account`);
    await shop.waitForSelector('#view[data-view="tokens"][data-state="ready"]');
    await shop.fill('#token-name', 'till export');
    await shop.click('button:text-is("生成令牌")');
    const token = (await shop.locator('.once code.secret').textContent())!;
    const res = await fetch(`${base}/api/stores/VS-532302101010`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((await fetch(`${base}/api/stores/ST-532302101`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    await shop.close();
  }, TIMEOUT);
});

describe('what the accounts page says after an action', () => {
  test('a new password shown once comes into view on a phone, and the next action clears it', async () => {
    const admin = await newPage(browser, 360);
    admin.on('dialog', (d) => void d.accept());
    await demoSignIn(admin, 'demo-admin', '/admin/accounts');
    await admin.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
    const row = (login: string) => admin.locator('table.accounts tbody tr', { has: admin.locator('code', { hasText: new RegExp(`^${login}$`) }) });
    // The last card of the list, far below the notice at the top of the page.
    const last = (await admin.locator('table.accounts tbody tr td:first-child code').allTextContents()).at(-1)!;
    await row(last).locator('button', { hasText: '重置密码' }).click();
    const secret = admin.locator('.once code.secret');
    await secret.waitFor();
    expect(await admin.locator('.once p').first().textContent()).toBe(`${last} 的新密码（仅显示这一次）：`);
    // On screen, not 3,000 px above it.
    const box = (await secret.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(admin.viewportSize()!.height);
    // The next action clears it: disabling an account said nothing, and left the password beside it.
    await row(last).locator('button', { hasText: '停用' }).click();
    await waitUntil(admin, () => document.querySelector('.once')!.childNodes.length === 0);
    await row(last).locator('button', { hasText: '启用' }).waitFor();
    expect(await secret.count()).toBe(0);
    await admin.close();
  }, TIMEOUT);

  test('an API token of 0 days is refused by its label in Chinese, not made to never expire', async () => {
    const page = await newPage(browser, 390);
    await demoSignIn(page, 'demo-analyst', '/account');
    await page.waitForSelector('#view[data-view="tokens"][data-state="ready"]');
    // What expires is said: this sign-in, on Chuxiong's clock, the session's lifetime after it.
    expect(await page.locator('dl.facts dt').last().textContent()).toBe('本次登录有效至');
    expect(await page.locator('dl.facts dd').last().textContent()).toBe(formatShanghaiTime(now + TTL).slice(0, 16));
    await page.fill('#token-name', 'zero days');
    await page.fill('#token-days', '0');
    await page.click('button:text-is("生成令牌")');
    await waitUntil(page, () => !!document.querySelector('.once .error-text'));
    expect(await page.locator('.once .error-text').textContent()).toBe('「有效天数」不能小于 1，请修改后再保存。');
    expect(await page.locator('.once code.secret').count()).toBe(0);
    // In English, the field as the form names it, not the API's key (it read "expiresInDays: ...").
    await page.goto(`${base}/account?lang=en`);
    await page.waitForSelector('#view[data-view="tokens"][data-state="ready"]');
    await page.fill('#token-name', 'zero days');
    await page.fill('#token-days', '0');
    await page.click('button:text-is("Make token")');
    await waitUntil(page, () => !!document.querySelector('.once .error-text'));
    expect(await page.locator('.once .error-text').textContent()).toBe('Days valid: must be at least 1');
    // What the number box cannot read reaches the page as empty: refused, not a token for ever.
    await page.locator('#token-days').fill('');
    await page.locator('#token-days').pressSequentially('1e');
    await page.click('button:text-is("Make token")');
    await waitUntil(page, () => document.querySelector('.once .error-text')?.textContent === 'Days valid: must be a whole number');
    expect(await page.locator('.once code.secret').count()).toBe(0);
    // A good one is made and listed as valid (its state read "Active", a shop's word), by the
    // platform's clock (this file's server runs on a frozen one).
    await page.locator('#token-days').fill('3650');
    await page.click('button:text-is("Make token")');
    await page.locator('.once code.secret').waitFor();
    const row = page.locator('[data-view="tokens"] tbody tr', { hasText: 'zero days' });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(4, 5)).toEqual(['Valid']);
    // Revoked after a question; its secret, on screen since it was made, goes with it.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
    await row.locator('button', { hasText: 'Revoke' }).click();
    await waitUntil(page, () => [...document.querySelectorAll('[data-view="tokens"] tbody tr')].some((tr) => tr.textContent!.includes('zero days') && tr.textContent!.includes('Revoked')));
    expect(asked).toBe('Revoke the token "zero days"? Scripts using it lose access at once; this cannot be undone.');
    expect(await page.locator('.once code.secret').count()).toBe(0);
    // On a phone the list is cards: its state and its button in sight, not beyond a sideways scroll.
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('[data-view="tokens"] tbody tr td').evaluateAll((tds) => tds.filter((td) => td.getBoundingClientRect().right > 390).length)).toBe(0);
    await page.close();
  }, TIMEOUT);
});

describe('the account form without its directory', () => {
  test('a directory that does not load is said so under the field; codes and ids still go as typed, and coming back to the field tries again', async () => {
    const admin = await newPage(browser);
    let refuse = true;
    await admin.route((url) => url.pathname === '/api/admin/directory', (route) => (refuse
      ? route.fulfill({ status: 500, json: { error: 'internal', message: 'down' } }) : route.continue()));
    await demoSignIn(admin, 'demo-admin', '/admin/accounts');
    await admin.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
    const note = admin.locator('.store-pick p.bad');
    await note.waitFor();
    expect(await note.textContent()).toBe('地区和门店目录未能加载：可直接输入代码和编号；回到输入框时会再试一次。');
    await admin.fill('#new-stores', 'VS-532302101010');
    expect(await admin.locator('#store-names li').allTextContents()).toEqual(['VS-532302101010']); // named once the directory is in
    refuse = false;
    await admin.focus('#store-find');
    await admin.waitForSelector('#store-directory option[value="VS-532302101010"]', { state: 'attached' });
    expect(await note.isVisible()).toBe(false);
    expect(await admin.locator('#store-names li').allTextContents()).toEqual([`${stores.find((s) => s.id === 'VS-532302101010')!.name}（禄丰市 金山镇 大北厂社区居民委员会）`]);
    await admin.close();
  }, TIMEOUT);
});

describe('English', () => {
  test('the toggle switches the frame and the view, and remembers the choice', async () => {
    const page = await newPage(browser);
    await demoSignIn(page, 'demo-official-lufeng');
    await page.waitForSelector('#view[data-state="ready"]');
    await page.click('.lang-toggle');
    await waitUntil(page, () => document.querySelector('main h1')?.textContent === '禄丰市 at a glance');
    expect(await navLabels(page)).toEqual(['Home', 'Monitoring', 'Produce flows', 'Demand heatmap', 'Stores & stations']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto(`${base}/stores`);
    await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
    expect(await page.locator('main h1').textContent()).toBe('Stores and stations in 禄丰市');
    await page.close();
  }, TIMEOUT);
});

// Last: it adds an account, which the accounts page's tests above do not count.
describe('accounts made and disabled', () => {
  test('an administrator makes a shop owner\'s account unless another role is chosen; disabling one asks first', async () => {
    const page = await newPage(browser, 360);
    await demoSignIn(page, 'demo-admin', '/admin/accounts');
    await page.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
    expect(await page.locator('#new-role').inputValue()).toBe('merchant');
    await page.fill('#new-login', 'Shop.Owner-1'); // typed with capitals: logins are lower case
    await page.fill('#new-stores', 'ST-532302101');
    await page.click('form.create-account button[type="submit"]');
    const row = page.locator('table.accounts tr', { has: page.locator('code', { hasText: /^shop\.owner-1$/ }) });
    await row.waitFor();
    expect(await page.locator('#new-role').inputValue()).toBe('merchant'); // and again after creating one
    const disable = row.locator('button[data-action="停用"]');
    const asked: string[] = [];
    page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
    await disable.click();
    expect(asked).toEqual(['停用 shop.owner-1？停用后该账号立即退出，不能再登录，直到重新启用。']);
    expect((await t.locals.services.accounts.get('shop.owner-1'))?.disabled).toBe(false); // dismissed: nothing done
    page.once('dialog', (d) => void d.accept());
    await disable.click();
    await row.locator('button[data-action="启用"]').waitFor();
    expect((await t.locals.services.accounts.get('shop.owner-1'))?.disabled).toBe(true);
    await page.close();
  }, TIMEOUT);

  test('an administrator edits an account\'s name and stores in the same form, its login and role fixed; a refused edit stays open', async () => {
    await t.locals.services.accounts.create({ login: 'rv-edit', name: '旧名字', role: 'merchant', storeIds: ['ST-532302101'], password: 'a long enough password' });
    const page = await newPage(browser, 1280);
    await demoSignIn(page, 'demo-admin', '/admin/accounts');
    await page.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
    const row = page.locator('table.accounts tr', { has: page.locator('code', { hasText: /^rv-edit$/ }) });
    await row.locator('button[data-action="edit"]').click();
    expect(await page.textContent('#account-form-title')).toBe('修改账号 rv-edit');
    expect({ login: await page.inputValue('#new-login'), readOnly: await page.getAttribute('#new-login', 'readonly') !== null, role: await page.inputValue('#new-role'),
      roleFixed: await page.isDisabled('#new-role'), name: await page.inputValue('#new-name'), stores: await page.inputValue('#new-stores') })
      .toEqual({ login: 'rv-edit', readOnly: true, role: 'merchant', roleFixed: true, name: '旧名字', stores: 'ST-532302101' });
    expect(await page.isVisible('#new-area')).toBe(false);
    // A store no one has: refused in Chinese, the form still editing the account.
    await page.fill('#new-stores', 'ST-532302101, NO-SUCH');
    await page.click('form.create-account button[type="submit"]');
    await waitUntil(page, () => document.querySelector('.once .error-text')?.textContent === '「门店」中有不存在的门店编号，请修改后再保存。');
    expect(await page.textContent('#account-form-title')).toBe('修改账号 rv-edit');
    // A second store and a new name: saved, the list shows them, the form makes new accounts again.
    await page.fill('#new-name', '新名字');
    await page.fill('#new-stores', 'ST-532302101, VS-532302101010');
    await page.click('form.create-account button[type="submit"]');
    await waitUntil(page, () => document.querySelector('.once')?.textContent === '已保存 rv-edit 的修改；下一次请求起按新的范围生效。');
    expect(await t.locals.services.accounts.get('rv-edit')).toMatchObject({ name: '新名字', role: 'merchant', storeIds: ['ST-532302101', 'VS-532302101010'] });
    // (The stores by name, each id in its tooltip.)
    await waitUntil(page, () => [...document.querySelectorAll('table.accounts tr')].some((tr) => tr.textContent!.includes('新名字')
      && tr.querySelector('[data-id="ST-532302101"]') !== null && tr.querySelector('[data-id="VS-532302101010"]') !== null));
    expect({ title: await page.textContent('#account-form-title'), login: await page.inputValue('#new-login'), readOnly: await page.getAttribute('#new-login', 'readonly'),
      roleFixed: await page.isDisabled('#new-role'), cancel: await page.isVisible('form.create-account button.secondary') })
      .toEqual({ title: '新建账号', login: '', readOnly: null, roleFixed: false, cancel: false });
    await page.close();
  }, TIMEOUT);
});
