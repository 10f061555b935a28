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

/** name, demo login (none: signed out), path, what shows the view is drawn, and what to do before the shot */
export const SHOTS: [string, string | null, string, string, ((page: Page) => Promise<void>)?][] = [
  ['signin', null, '/signin', '.demo-login'],
  ['home-merchant', 'demo-merchant', '/', '#view[data-state="ready"]'],
  ['demand-merchant', 'demo-merchant', '/demand', '#view[data-view="demand"][data-state="ready"]'],
  ['store', 'demo-merchant', '/stores/ST-532302101', '#view[data-view="store"][data-state="ready"]'],
  ['cockpit-prefecture', 'demo-official', '/cockpit', '#view[data-view="cockpit"][data-state="ready"]'],
  ['cockpit-lufeng', 'demo-official-lufeng', '/cockpit', '#view[data-view="cockpit"][data-state="ready"]'],
  ['cockpit-stations', 'demo-official', '/cockpit/stations', '#view[data-view="cockpit-stations"][data-state="ready"]'],
  ['cockpit-scorecard', 'demo-official-lufeng', '/cockpit/scorecard', '#view[data-view="scorecard"][data-state="ready"]'],
  ['cockpit-reports', 'demo-official-lufeng', '/cockpit/reports', '#view[data-view="reports"]:not([data-state="loading"])'],
  ['cockpit-national', 'demo-official', '/cockpit/national', '#view[data-view="national"][data-state="ready"]'],
  ['admin-accounts', 'demo-admin', '/admin/accounts', '#view[data-view="accounts"][data-state="ready"]'],
  ['workbench', 'demo-analyst', '/workbench', '#view[data-view="workbench"][data-state="ready"]', workbenchRun(false)],
  ['workbench-chart', 'demo-analyst', '/workbench', '#view[data-view="workbench"][data-state="ready"]', workbenchRun(true)],
];

const only = values.only?.split(',');
const platform = await startPlatform({ days: Number(values.days ?? 700), port: 3393, dataDir: values['data-dir'], log: (l) => process.stderr.write(`\r${l}`) });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [name, login, path, ready, setup] of SHOTS) {
    if (only && !only.includes(name)) continue;
    for (const width of [1440, 390]) {
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
