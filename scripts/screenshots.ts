// npm run screenshots [-- --days 700 --data-dir DIR]
// Every view of the web app in Chromium over the demo data (the platform as `npm start` runs it,
// on a simulated county), at 1440 and 390 pixels wide, into docs/screenshots/<view>-<width>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { startPlatform } from './platform-process.ts';

const { values } = parseArgs({ options: { days: { type: 'string' }, 'data-dir': { type: 'string' }, only: { type: 'string' } } });
const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

/** Runs the workbench's example query over the last 30 days, and opens its chart when asked. */
const workbenchRun = (chart: boolean) => async (page: Page) => {
  await page.fill('#wb-param-from', new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
  await page.click('button.wb-run');
  await page.waitForSelector('.wb-result[data-state="ready"]', { timeout: 60_000 });
  if (!chart) return;
  await page.click('button[data-tab="chart"]');
  await page.waitForSelector('.wb-chart[data-state="ready"] svg', { timeout: 60_000 });
};

/** Opens the heatmap's table of figures, so the shot shows the text alternative too. */
const openDetails = async (page: Page) => {
  await page.click('.chart-text summary');
};

/** Narrows the flow map to the first township of the county, with the area select. */
const pickTownship = async (page: Page) => {
  await page.waitForSelector('#fl-township option:nth-child(2)', { state: 'attached', timeout: 60_000 });
  const township = await page.locator('#fl-township option').nth(1).getAttribute('value');
  await page.selectOption('#fl-township', township!);
  await page.waitForSelector(`#view[data-view="flows-upstream"][data-area="${township}"][data-state="ready"]`, { timeout: 60_000 });
};

/** Waits for the Vega chart, which loads after the page. */
const chartDrawn = async (page: Page) => {
  await page.waitForSelector('.fl-chart[data-state="ready"] svg', { timeout: 60_000 });
};

/** Opens the first batch of the list. */
const openBatch = async (page: Page) => {
  await page.click('table.fl-batch-table tbody tr:first-child a');
  await page.waitForSelector('article.fl-card', { timeout: 60_000 });
};

const WIDE = [1440, 390];
const PHONE = [390];
const flowsReady = (page: string) => `#view[data-view="flows-${page}"]:is([data-state="ready"], [data-state="empty"])`;
const wsReady = (page: string) => `#view[data-view="workspace-${page}"]:is([data-state="ready"], [data-state="empty"])`;

/** name, demo login (none: signed out), path, what shows the view is drawn, what to do before the shot, and the widths (both by default) */
export const SHOTS: [string, string | null, string, string, ((page: Page) => Promise<void>)?, number[]?][] = [
  ['signin', null, '/signin', '.demo-login'],
  ['home-merchant', 'demo-merchant', '/', '#view[data-state="ready"]'],
  ['demand-merchant', 'demo-merchant', '/demand', '#view[data-view="demand"][data-state="ready"]'],
  ['store', 'demo-merchant', '/stores/ST-532302101', '#view[data-view="store"][data-state="ready"]'],
  ['cockpit-prefecture', 'demo-official', '/cockpit', '#view[data-view="cockpit"][data-state="ready"]'],
  ['cockpit-lufeng', 'demo-official-lufeng', '/cockpit', '#view[data-view="cockpit"][data-state="ready"]'],
  ['cockpit-township', 'demo-official-lufeng', '/cockpit?area=532302101&ind=parcels_in', '#view[data-view="cockpit"][data-state="ready"]'], // a township's villages
  ['demand-seasons', 'demo-official-lufeng', '/demand?area=532302&colour=row&from=2025-12-01&to=2026-03-30', '#view[data-view="demand"][data-state="ready"]', undefined, [1440]],
  ['cockpit-stations', 'demo-official', '/cockpit/stations', '#view[data-view="cockpit-stations"][data-state="ready"]'],
  ['cockpit-scorecard', 'demo-official-lufeng', '/cockpit/scorecard', '#view[data-view="scorecard"][data-state="ready"]'],
  ['cockpit-reports', 'demo-official-lufeng', '/cockpit/reports', '#view[data-view="reports"]:not([data-state="loading"])'],
  ['cockpit-national', 'demo-official', '/cockpit/national', '#view[data-view="national"][data-state="ready"]'],
  ['admin-accounts', 'demo-admin', '/admin/accounts', '#view[data-view="accounts"][data-state="ready"]'],
  ['admin-home', 'demo-admin', '/', '#view[data-state="ready"]'],
  ['admin-ops', 'demo-admin', '/admin/ops', '#view[data-view="ops"][data-state="ready"]'],
  ['workbench', 'demo-analyst', '/workbench', '#view[data-view="workbench"][data-state="ready"]', workbenchRun(false)],
  ['workbench-chart', 'demo-analyst', '/workbench', '#view[data-view="workbench"][data-state="ready"]', workbenchRun(true)],
  // The merchants' workspace, phone first; My store and the demand heatmap on a desktop too.
  ['workspace-store', 'demo-merchant', '/workspace', wsReady('store'), undefined, WIDE],
  ['workspace-demand', 'demo-merchant', '/workspace/demand', wsReady('demand'), undefined, WIDE],
  ['workspace-demand-county', 'demo-merchant', '/workspace/demand?scope=county&measure=per_store', wsReady('demand'), undefined, PHONE],
  ['workspace-demand-hour', 'demo-merchant', '/workspace/demand?view=hour&scope=county', wsReady('demand'), openDetails, PHONE],
  ['workspace-demand-yoy', 'demo-merchant', '/workspace/demand?view=category&measure=yoy&weeks=52&scope=county', wsReady('demand'), undefined, PHONE],
  ['workspace-gaps', 'demo-merchant', '/workspace/gaps', wsReady('gaps'), undefined, PHONE],
  ['workspace-prices', 'demo-merchant', '/workspace/prices?category=beverages', wsReady('prices'), undefined, PHONE],
  ['workspace-prices-withheld', 'demo-merchant', '/workspace/prices', wsReady('prices'), undefined, PHONE],
  ['workspace-peers', 'demo-merchant', '/workspace/peers', wsReady('peers'), undefined, PHONE],
  ['workspace-restock', 'demo-merchant', '/workspace/restock?within=14', wsReady('restock'), undefined, PHONE],
  ['workspace-sourcing', 'demo-merchant', '/workspace/sourcing', wsReady('sourcing'), undefined, PHONE],
  ['workspace-403', 'demo-merchant', '/workspace?stores=ST-532301101', '.refusal.forbidden', undefined, PHONE],
  // Produce flows: the flow map narrowed to a township, the Sankey of the prefecture, wild mushrooms' seasons,
  // goods down to the villages, a batch, parcels against orders.
  ['flows-map', 'demo-official-lufeng', '/flows', flowsReady('upstream'), pickTownship, WIDE],
  ['flows-sankey', 'demo-official', '/flows', flowsReady('upstream'), undefined, WIDE], // the prefecture: every county in the Sankey
  ['flows-seasonality', 'demo-official', '/flows/seasonality?sku=matsutake-nanhua-500g', flowsReady('seasonality'), chartDrawn, WIDE],
  ['flows-downstream', 'demo-official-lufeng', '/flows/downstream', flowsReady('downstream'), undefined, PHONE],
  ['flows-trace', 'demo-official-lufeng', '/flows/trace', flowsReady('trace'), openBatch, PHONE],
  ['flows-parcels', 'demo-official-lufeng', '/flows/parcels', flowsReady('parcels'), undefined, PHONE],
];

const only = values.only?.split(',');
const platform = await startPlatform({ days: Number(values.days ?? 700), port: 3393, dataDir: values['data-dir'], log: (l) => process.stderr.write(`\r${l}`) });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [name, login, path, ready, setup, widths = WIDE] of SHOTS) {
    if (only && !only.includes(name)) continue;
    for (const width of widths) {
      const page: Page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1, serviceWorkers: 'block' });
      if (login) {
        await page.goto(`${platform.base}/signin`);
        await page.click(`button.demo-login[data-login="${login}"]`);
        await page.waitForURL((u) => u.pathname !== '/signin');
      }
      await page.goto(platform.base + path);
      await page.waitForSelector(ready, { timeout: 60_000 });
      await setup?.(page);
      await page.evaluate(`Promise.all([...document.images].map((i) => i.complete ? 0 : new Promise((r) => { i.loading = 'eager'; i.onload = i.onerror = r; })))`);
      await page.waitForTimeout(300);
      const file = join(OUT, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      process.stdout.write(`${file}\n`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await platform.stop();
}
