// npm run bench:web [-- --days 90 --data-dir DIR --runs 1]
// Loads every view in Chromium as a village merchant's phone would: 1.6 Mbit/s down, 300 ms round
// trip, CPU slowed 4x, 390 px wide. Each view cold (new profile: empty cache, no service worker) and
// warm (the same profile again, service worker in place). Prints per view the time to first
// meaningful render (the view's chart or table drawn with data: the `cx:view-ready` mark), the
// bytes transferred and the JavaScript bytes (compressed, as sent), against the budgets of 2.0 s
// cold, 0.5 s warm and 150 KB of JavaScript. The platform runs as `npm start` does, on a
// simulated county. The last line is JSON.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startPlatform } from './platform-process.ts';

const { values: args } = parseArgs({ options: { days: { type: 'string' }, 'data-dir': { type: 'string' }, runs: { type: 'string' }, port: { type: 'string' } } });
const days = Number(args.days ?? 90);
const runs = Math.max(1, Number(args.runs ?? 1));
const port = Number(args.port ?? 3391);
let base = '';
const PROFILE = { latencyMs: 300, downBytesPerS: 1_600_000 / 8, upBytesPerS: 750_000 / 8, cpuSlowdown: 4, width: 390, height: 844 };
const BUDGET = { coldMs: 2_000, warmMs: 500, jsKb: 150 };

const VIEWS: { name: string; login: string | null; path: string }[] = [
  { name: 'signin', login: null, path: '/signin' },
  { name: 'home (merchant)', login: 'demo-merchant', path: '/' },
  { name: 'home (official)', login: 'demo-official-lufeng', path: '/' },
  { name: 'home (admin)', login: 'demo-admin', path: '/' },
  { name: 'demand (merchant)', login: 'demo-merchant', path: '/demand' },
  { name: 'demand (prefecture)', login: 'demo-official', path: '/demand' },
  { name: 'stores', login: 'demo-official-lufeng', path: '/stores' },
  { name: 'store', login: 'demo-merchant', path: '/stores/ST-532302101' },
  { name: 'account', login: 'demo-analyst', path: '/account' },
  { name: 'accounts', login: 'demo-admin', path: '/admin/accounts' },
  { name: 'ops', login: 'demo-admin', path: '/admin/ops' },
];

async function cookieOf(login: string): Promise<string> {
  const res = await fetch(`${base}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login }) });
  if (!res.ok) throw new Error(`demo sign-in of ${login}: ${res.status}`);
  return /cx_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

interface Load { ms: number; transferKb: number; jsKb: number }

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PROFILE.latencyMs, downloadThroughput: PROFILE.downBytesPerS, uploadThroughput: PROFILE.upBytesPerS,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  return cdp;
}

async function load(page: Page, cdp: CDPSession, path: string): Promise<Load> {
  const types = new Map<string, string>();
  let transfer = 0;
  let js = 0;
  const onResponse = (e: { requestId: string; type: string }) => types.set(e.requestId, e.type);
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    transfer += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(base + path, { waitUntil: 'commit' });
  // A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.
  const ms = await page.evaluate(`new Promise((resolve) => {
    const mark = () => performance.getEntriesByName('cx:view-ready')[0];
    if (mark()) return resolve(mark().startTime);
    document.addEventListener('cx:view-ready', () => resolve(mark().startTime), { once: true });
  })`) as number;
  await page.waitForTimeout(300); // let late responses finish so their bytes are counted
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  return { ms, transferKb: transfer / 1024, jsKb: js / 1024 };
}

async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  })()`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

process.stderr.write(`bench:web: starting the platform on ${days} days of simulated data ...\n`);
const platform = await startPlatform({ days, port, dataDir: args['data-dir'] });
base = platform.base;
try {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: { name: string; coldMs: number; warmMs: number; jsKb: number; transferKb: number; warmTransferKb: number }[] = [];
  for (const v of VIEWS) {
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let r = 0; r < runs; r++) {
      const context: BrowserContext = await browser.newContext({ viewport: { width: PROFILE.width, height: PROFILE.height }, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      if (v.login) await context.addCookies([{ name: 'cx_session', value: await cookieOf(v.login), url: base, httpOnly: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      const cdp = await throttle(page);
      cold.push(await load(page, cdp, v.path));
      await serviceWorkerReady(page);
      warm.push(await load(page, cdp, v.path));
      await context.close();
    }
    const row = {
      name: v.name, coldMs: Math.round(median(cold.map((l) => l.ms))), warmMs: Math.round(median(warm.map((l) => l.ms))),
      jsKb: Math.round(median(cold.map((l) => l.jsKb)) * 10) / 10, transferKb: Math.round(median(cold.map((l) => l.transferKb)) * 10) / 10,
      warmTransferKb: Math.round(median(warm.map((l) => l.transferKb)) * 10) / 10,
    };
    results.push(row);
    const ok = (x: number, limit: number) => (x <= limit ? 'ok' : 'OVER');
    process.stdout.write(`${v.name.padEnd(22)} cold ${String(row.coldMs).padStart(5)} ms ${ok(row.coldMs, BUDGET.coldMs).padEnd(4)}  warm ${String(row.warmMs).padStart(4)} ms ${ok(row.warmMs, BUDGET.warmMs).padEnd(4)}  js ${row.jsKb.toFixed(1).padStart(6)} KB ${ok(row.jsKb, BUDGET.jsKb).padEnd(4)}  transfer ${row.transferKb.toFixed(1).padStart(6)} KB cold, ${row.warmTransferKb.toFixed(1)} KB warm\n`);
  }
  await browser.close();
  process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB; profile ${PROFILE.downBytesPerS * 8 / 1e6} Mbit/s down, ${PROFILE.latencyMs} ms RTT, CPU /${PROFILE.cpuSlowdown}, ${PROFILE.width} px; ${runs} run(s) per view, median\n`);
  process.stdout.write(`${JSON.stringify({ views: results.map(({ name, coldMs, warmMs, jsKb, transferKb }) => ({ name, coldMs, warmMs, jsKb, transferKb })) })}\n`);
} finally {
  await platform.stop();
}
