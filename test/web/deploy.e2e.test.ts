// A page left open across a deploy: its next split view names a chunk of the old build, which the
// new build replaced. The page finds the server's page names another build and loads again, and
// the view opens in the new build instead of "Failed to fetch dynamically imported module".
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureDemoAccounts } from '../../api/auth/demo-accounts.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, launchBrowser, newPage, serve } from '../fixtures/browser.ts';
import { ROOT } from '../fixtures/warehouse.ts';

let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;
const dist = mkdtempSync(join(tmpdir(), 'cx-deploy-'));

beforeAll(async () => {
  cpSync(join(ROOT, 'web/dist'), dist, { recursive: true });
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z'), accounts: [], auth: { demo: true }, extra: { webDir: dist } });
  await ensureDemoAccounts(t.locals.services.accounts, 'demo');
  ({ server, base } = await serve(t.app));
  browser = await launchBrowser();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A new build as a deploy leaves it: the main script and the accounts page's chunk under new
 *  names, the old chunk gone, the page naming the new main script. */
function deploy(): { main: string } {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { main: string; views: Record<string, { entry: string; js: string[] }> };
  const oldMain = manifest.main; // assets/main-XXXX.js
  const oldChunk = manifest.views.accounts!.entry.slice('assets/'.length);
  const main = 'assets/main-NEWBUILD.js';
  const chunk = 'accounts-NEWBUILD.js';
  writeFileSync(join(dist, main), readFileSync(join(dist, oldMain), 'utf8').replaceAll(oldChunk, chunk));
  writeFileSync(join(dist, 'assets', chunk), readFileSync(join(dist, 'assets', oldChunk)));
  for (const f of readdirSync(join(dist, 'assets')).filter((f) => f.startsWith(oldChunk))) rmSync(join(dist, 'assets', f));
  writeFileSync(join(dist, 'index.html'), readFileSync(join(dist, 'index.html'), 'utf8').replaceAll(`/${oldMain}`, `/${main}`));
  // Every list of the manifest names the new files, as a build's would.
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest).replaceAll(oldMain, main).replaceAll(oldChunk, chunk));
  const later = new Date(Date.now() + 5_000);
  utimesSync(join(dist, 'manifest.json'), later, later); // the server reads a build again when its manifest changes
  return { main: `/${main}` };
}

test('a view of the old build opens after a deploy: the page loads again in the new build, once', async () => {
  const page = await newPage(browser, 1100);
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${base}/signin`);
  await page.click('button.demo-login[data-login="demo-admin"]');
  await page.waitForURL(`${base}/`);
  await page.waitForSelector('#view[data-state="ready"]');
  const before = await page.getAttribute('script[type="module"][src*="/assets/main-"]', 'src');
  const { main } = deploy();
  expect(before).not.toBe(main);
  let loads = 0;
  page.on('load', () => { loads++; });
  await page.click('.mainnav a[href="/admin/accounts"]');
  await page.waitForSelector('#view[data-view="accounts"][data-state="ready"]');
  expect(await page.getAttribute('script[type="module"][src*="/assets/main-"]', 'src')).toBe(main);
  expect(page.url()).toBe(`${base}/admin/accounts`);
  expect(loads).toBe(1);
  expect(await page.locator('.status.error').count()).toBe(0);
  expect(failures).toEqual([]);
  await page.close();
}, TIMEOUT);
