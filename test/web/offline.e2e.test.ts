// A weak signal, to the end: a view loaded once keeps working offline. Reloading with no network
// shows the saved data with the time it was saved and an "offline" notice, and the view refreshes
// by itself when the network returns.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureDemoAccounts } from '../../api/auth/demo-accounts.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, launchBrowser, newPage, serve, waitUntil } from '../fixtures/browser.ts';
import { insertPosFixture, ROOT } from '../fixtures/warehouse.ts';

let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z'), accounts: [], auth: { demo: true }, extra: { webDir: join(ROOT, 'web/dist') } });
  await ensureDemoAccounts(t.locals.services.accounts, 'demo');
  await insertPosFixture(t.wh);
  ({ server, base } = await serve(t.app));
  browser = await launchBrowser();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

const PATH = '/demand?from=2026-03-02&to=2026-03-16';
const ready = (page: Page) => page.waitForSelector('#view[data-view="demand"][data-state="ready"]');
/**
 * Waits until the service worker controls the page (it registers once the first view is drawn).
 * A worker that activates while a navigation is under way claims the old document, not the one
 * arriving, so that page stays uncontrolled for its life: as for a person, the next load is
 * controlled. Then the page is reloaded once and `ready` awaited again.
 */
async function controlled(page: Page, ready: (page: Page) => Promise<unknown>): Promise<void> {
  const report = async (e: unknown) => {
    const regs = await page.evaluate(`navigator.serviceWorker.getRegistrations().then((rs) => JSON.stringify(rs.map((r) => [r.installing?.state, r.waiting?.state, r.active?.state])))`);
    throw new Error(`no service worker in control; registrations ${regs}: ${(e as Error).message}`);
  };
  await waitUntil(page, `navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated')`, 20_000).catch(report);
  if (await page.evaluate('navigator.serviceWorker.controller !== null')) return;
  await page.reload();
  await ready(page);
  await waitUntil(page, 'navigator.serviceWorker.controller !== null', 10_000).catch(report);
}

const amountOf = (page: Page, area: string, week: string) => page.getAttribute(`rect.cell[data-area="${area}"][data-week="${week}"]`, 'data-amount-fen');

test('load, go offline, reload: the saved heatmap with its time and an offline notice; back online, it refreshes', async () => {
  const page = await newPage(browser, 390, { serviceWorkers: true });
  await page.goto(`${base}/signin`);
  await page.click('button.demo-login[data-login="demo-analyst"]');
  await page.waitForURL(`${base}/`);
  await page.goto(base + PATH);
  await ready(page);
  await controlled(page, ready);
  await page.reload();
  await ready(page);
  expect(await amountOf(page, '532302', '2026-W10')).toBe('5290');
  const before = Date.now();

  await page.context().setOffline(true);
  await page.reload();
  await ready(page);
  expect(await amountOf(page, '532302', '2026-W10')).toBe('5290');
  expect(await amountOf(page, '532329', '2026-W11')).toBe('2500');
  const notice = page.locator('.offline-notice');
  await notice.waitFor({ state: 'visible' });
  const text = (await notice.textContent())!;
  expect(text).toMatch(/^离线：网络不可用，显示的是 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2} 保存的数据。网络恢复后自动刷新。$/);
  // The time named is when the data was saved: on the last online load, a moment ago.
  const [, y, mo, d, h, mi] = /(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{2}):(\d{2})/.exec(text)!.map(Number);
  const saved = new Date(y!, mo! - 1, d!, h!, mi!).getTime();
  expect(Math.abs(saved - before)).toBeLessThan(2 * 60_000);
  // Another view saved before works too; one never opened says so instead of spinning.
  await page.click('.mainnav a[href="/stores"]');
  await page.waitForSelector('#view[data-view="stores"][data-state="error"]');
  expect(await page.locator('#view .status-message').textContent()).toBe('离线：网络不可用，且此页面还没有保存的数据。网络恢复后请重试。');

  await page.context().setOffline(false);
  await notice.waitFor({ state: 'hidden' });
  await page.waitForSelector('#view[data-view="stores"][data-state="ready"]');
  await page.close();
}, 120_000);

test('with the worker in control, a change is seen at once: saved answers are dropped after it', async () => {
  const page = await newPage(browser, 1100, { serviceWorkers: true });
  await page.goto(`${base}/signin`);
  await page.click('button.demo-login[data-login="demo-admin"]');
  await page.waitForURL(`${base}/`);
  await page.goto(`${base}/admin/accounts`);
  const accountsReady = (p: Page) => p.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
  await accountsReady(page);
  await controlled(page, accountsReady);
  await page.reload();
  await page.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
  // The list is now saved by the worker. Create an account: the list drawn next must have it.
  await page.fill('#new-login', 'fresh-analyst');
  await page.selectOption('#new-role', 'analyst');
  await page.click('form.create-account button[type="submit"]');
  await waitUntil(page, () => [...document.querySelectorAll('table.accounts code')].some((c) => c.textContent === 'fresh-analyst'), 5_000);
  await page.close();
}, 60_000);

test('a first visit whose script has not arrived yet shows that the page is loading, not a white screen', async () => {
  const page = await newPage(browser, 360);
  try {
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route('**/*.js', async (route) => { await held; await route.continue(); }); // a script still on the way
    // Not 'domcontentloaded': that waits for the module scripts, which are held.
    await page.goto(`${base}/signin`, { waitUntil: 'commit' });
    const boot = page.locator('#app .boot');
    await boot.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await boot.textContent()).toBe('正在加载… · Loading…');
    release();
    await page.waitForSelector('.demo-login');
    expect(await page.locator('.boot').count()).toBe(0); // the shell took its place
  } finally {
    await page.close();
  }
}, TIMEOUT);
