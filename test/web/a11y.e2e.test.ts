// Accessibility of every view in Chromium: axe-core (WCAG 2.1 A and AA rules, colour contrast
// included) finds no serious or critical violation at phone and desktop widths; and the heatmap
// is usable by keyboard alone, with its figures also in words and in a table.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDemoAccounts } from '../../api/auth/demo-accounts.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, launchBrowser, newPage, serve } from '../fixtures/browser.ts';
import { loadNationalSeries, loadPlanTargets } from '../../warehouse/officials-reference.ts';
import { insertPosFixture, queries, ROOT } from '../fixtures/warehouse.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z'), accounts: [], auth: { demo: true }, extra: { webDir: join(ROOT, 'web/dist') } });
  await ensureDemoAccounts(t.locals.services.accounts, 'demo');
  await insertPosFixture(t.wh);
  await loadNationalSeries(t.wh, join(ROOT, 'reference/national-online-retail-periods.csv'));
  await loadPlanTargets(t.wh, join(ROOT, 'reference/plan-targets.json'));
  ({ server, base } = await serve(t.app));
  browser = await launchBrowser();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function open(width: number, login: string | null, path: string, ready: string): Promise<Page> {
  const page = await newPage(browser, width);
  if (login) {
    await page.goto(`${base}/signin`);
    await page.click(`button.demo-login[data-login="${login}"]`);
    await page.waitForURL((url) => url.pathname !== '/signin');
  }
  await page.goto(base + path);
  await page.waitForSelector(ready);
  return page;
}

/** Runs axe in the page (evaluated through the DevTools protocol, which the page's CSP does not govern). */
async function serious(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`) as
    { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Column headers without text (a screen reader names the column by it; /admin/ops had two). */
async function emptyHeaders(page: Page): Promise<string[]> {
  const result = await page.evaluate(`axe.run(document, { runOnly: { type: 'rule', values: ['empty-table-header'] } })`) as
    { violations: { nodes: { target: string[] }[] }[] };
  return result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
}

const VIEWS: [string, string | null, string, string][] = [
  ['sign-in', null, '/signin', '.demo-login'],
  ['merchant home', 'demo-merchant', '/', '#view[data-state="ready"]'],
  ['official home', 'demo-official-lufeng', '/', '#view[data-state="ready"]'],
  ['admin home', 'demo-admin', '/', '#view[data-state="ready"]'],
  ['heatmap', 'demo-analyst', '/demand?from=2026-03-02&to=2026-03-16', '#view[data-view="demand"][data-state="ready"]'],
  ['heatmap as merchant', 'demo-merchant', '/demand?from=2026-03-02&to=2026-03-16', '#view[data-view="demand"][data-state="ready"]'],
  ['stores', 'demo-official-lufeng', '/stores', '#view[data-view="stores"][data-state="ready"]'],
  ['store', 'demo-merchant', '/stores/ST-532302101', '#view[data-view="store"][data-state="ready"]'],
  ['account', 'demo-analyst', '/account', '#view[data-view="tokens"][data-state="ready"]'],
  ['accounts', 'demo-admin', '/admin/accounts', '#view[data-view="accounts"][data-state="ready"]'],
  ['operations', 'demo-admin', '/admin/ops', '#view[data-view="ops"][data-state="ready"]'],
  ['cockpit (map)', 'demo-official', '/cockpit?month=2026-03', '#view[data-view="cockpit"][data-state="ready"]'],
  ['cockpit (townships)', 'demo-official-lufeng', '/cockpit?month=2026-03', '#view[data-view="cockpit"][data-state="ready"]'],
  ['cockpit stations', 'demo-official-lufeng', '/cockpit/stations?month=2026-03', '#view[data-view="cockpit-stations"][data-state="ready"]'],
  ['scorecard', 'demo-official-lufeng', '/cockpit/scorecard', '#view[data-view="scorecard"][data-state="ready"]'],
  ['reports', 'demo-official-lufeng', '/cockpit/reports', '#view[data-view="reports"]:not([data-state="loading"])'],
  ['national figures', 'demo-official', '/cockpit/national', '#view[data-view="national"][data-state="ready"]'],
  ['SQL workbench', 'demo-analyst', '/workbench', '#view[data-view="workbench"][data-state="ready"]'],
  ...(['store', 'demand', 'gaps', 'prices', 'peers', 'restock', 'sourcing'] as const).map((page): [string, string, string, string] => [
    `workspace: ${page}`, 'demo-merchant', page === 'store' ? '/workspace' : `/workspace/${page}`,
    `#view[data-view="workspace-${page}"]:is([data-state="ready"], [data-state="empty"])`]),
  ...(['upstream', 'seasonality', 'downstream', 'trace', 'parcels'] as const).map((page): [string, string, string, string] => [
    `flows: ${page}`, 'demo-official-lufeng', page === 'upstream' ? '/flows' : `/flows/${page}`,
    `#view[data-view="flows-${page}"]:is([data-state="ready"], [data-state="empty"])`]),
  ['403 page', 'demo-merchant', '/stores/ST-532302102', '.refusal.forbidden'],
  ['404 page', 'demo-analyst', '/nowhere', '.refusal.not-found'],
];

describe('axe: no serious or critical violations', () => {
  test.each(VIEWS.flatMap(([name, login, path, ready]) => [[name, 390, login, path, ready], [name, 1280, login, path, ready]] as const))(
    '%s at %i px', async (_name, width, login, path, ready) => {
      const page = await open(width, login, path, ready);
      expect(await serious(page)).toEqual([]);
      expect(await emptyHeaders(page)).toEqual([]);
      await page.close();
    }, TIMEOUT);
});

describe('the heatmap by keyboard', () => {
  test('Tab enters the grid, arrows move the focus and the tooltip with it, Enter drills down', async () => {
    const page = await open(1100, 'demo-analyst', '/demand?from=2026-03-02&to=2026-03-16', '#view[data-view="demand"][data-state="ready"]');
    await page.focus('rect.cell[tabindex="0"]');
    const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('data-area')} ${document.activeElement?.getAttribute('data-week')}`);
    expect(await focused()).toBe('532301 2026-W10'); // 楚雄市, the first week
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('532302 2026-W10'); // 禄丰市
    expect(await page.locator('.heatmap-tooltip div').allTextContents()).toEqual(['禄丰市 · 2026-W10（2026-03-02 起）', '销售额：¥52.90', '销量：6 件']);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('532302 2026-W11');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight'); // stays at the edge
    expect(await focused()).toBe('532302 2026-W11');
    // One tab stop: the grid is left with a single Tab, not one per cell.
    expect(await page.locator('rect.cell[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#view[data-state="ready"][data-area="532302"]');
    await page.close();
  }, TIMEOUT);

  test('on a phone every row of the heatmap is a 44-pixel target', async () => {
    const page = await open(390, 'demo-analyst', '/demand?from=2026-03-02&to=2026-03-16', '#view[data-view="demand"][data-state="ready"]');
    const heights = await page.locator('rect.row-hit').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    expect(heights).toEqual(Array(10).fill(44));
    await page.close();
  }, TIMEOUT);

  test('the figures in words and as a table', async () => {
    const page = await open(1100, 'demo-analyst', '/demand?from=2026-03-02&to=2026-03-16', '#view[data-view="demand"][data-state="ready"]');
    expect(await page.locator('.chart-summary').textContent()).toBe(
      '共 10 个县（市）、2 周（2026-W10 至 2026-W11）。销售额最高的格子：禄丰市 2026-W10 ¥52.90。无数据 17 格，不予显示 0 格。');
    await page.click('.chart-text summary');
    const row = await page.locator('.heatmap-table tbody tr', { hasText: '禄丰市' }).locator('td').allTextContents();
    expect(row).toEqual(['¥52.90', '—']);
    await page.close();
  }, TIMEOUT);
});

describe('the SQL workbench', () => {
  test('with a result, its chart and the save dialog open: no serious violation; Tab reaches the grid', async () => {
    const page = await open(1280, 'demo-analyst', '/workbench', '#view[data-view="workbench"][data-state="ready"]');
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('SELECT county_code, count() AS lines FROM pos_lines GROUP BY county_code ORDER BY county_code');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    expect(await serious(page)).toEqual([]);
    // Tab from the last export button reaches the grid, and the next Tab leaves it.
    await page.focus('button.wb-export[data-format="parquet"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('wb-grid');
    await page.click('button[data-tab="chart"]');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    expect(await serious(page)).toEqual([]);
    await page.click('button.wb-save');
    await page.waitForSelector('dialog.wb-dialog[open]');
    expect(await serious(page)).toEqual([]);
    await page.close();
  }, TIMEOUT);
});
