// npm run bench:queries [-- --days 365 --data-dir DIR --runs 60 --only NAME --port 3394]
// Every data endpoint against the engine's time for its own SQL, on the same data: the platform
// backfills a simulated county (as `npm start` does) and stops; then this process serves the API
// on that data, records the SQL each endpoint runs, and times both, side by side:
//   API: the whole request over HTTP on loopback (session, scope, gate, SQL, JSON, compression);
//   engine: the endpoint's recorded queries replayed one after another on a read-only chdb
//   session (the API runs some of them in parallel, so this is an upper bound on its SQL's time).
// The two alternate, one request then one replay, so that noise of the machine falls on both.
// The SQL workbench the same way: POST /api/sql (guard: the engine's parser twice, then the run,
// the JSON) against the canonical statement alone on a session with the workbench's own settings.
// Goal per endpoint: API p95 within 1.3 x engine p95 + 10 ms. The last line is JSON.
import { Session } from 'chdb';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type AppLocals } from '../api/app.ts';
import { ensureDemoAccounts } from '../api/auth/demo-accounts.ts';
import { sign } from '../api/auth/secrets.ts';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';
import { readMigrations } from '../warehouse/migrate.ts';
import { loadQueries } from '../warehouse/queries.ts';
import type { Params, Warehouse } from '../warehouse/warehouse.ts';
import { DEFAULT_SQL_LIMITS, sqlSettings } from '../warehouse/sql-engine.ts';
import { startPlatform } from './platform-process.ts';

const { values } = parseArgs({ options: { days: { type: 'string' }, 'data-dir': { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' }, port: { type: 'string' } } });
const runs = Number(values.runs ?? 60);
const root = join(import.meta.dirname, '..');

const ENDPOINTS: { name: string; login: string; path: string }[] = [
  { name: 'heatmap, prefecture (analyst)', login: 'demo-analyst', path: '/api/demand/heatmap' },
  { name: 'heatmap, county (official)', login: 'demo-official-lufeng', path: '/api/demand/heatmap' },
  { name: 'heatmap, county (merchant)', login: 'demo-merchant', path: '/api/demand/heatmap' },
  { name: 'store (merchant)', login: 'demo-merchant', path: '/api/stores/ST-532302101' },
  { name: 'stores, county', login: 'demo-official-lufeng', path: '/api/stores' },
  { name: 'official overview, prefecture', login: 'demo-official', path: '/api/official/overview' },
  { name: 'official overview, county', login: 'demo-official-lufeng', path: '/api/official/overview' },
  { name: 'official trend, county', login: 'demo-official-lufeng', path: '/api/official/trend' },
  { name: 'official stations, prefecture', login: 'demo-official', path: '/api/official/stations' },
  { name: 'official scorecard, county', login: 'demo-official-lufeng', path: '/api/official/scorecard' },
  { name: 'freshness', login: 'demo-analyst', path: '/api/freshness' },
  { name: 'workspace summary (merchant)', login: 'demo-merchant', path: '/api/workspace/ST-532302101/summary' },
  { name: 'workspace demand, area x week', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand' },
  { name: 'workspace demand, county per store', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand?scope=county&measure=per_store' },
  { name: 'workspace demand, category yoy', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand?view=category&measure=yoy' },
  { name: 'workspace demand, county a year yoy', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand?scope=county&weeks=52&measure=yoy' },
  { name: 'workspace demand, weekday x hour', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand?view=hour&scope=county' },
  { name: 'workspace demand, deliveries', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand?stream=deliveries' },
  { name: 'workspace demand, parcels', login: 'demo-merchant', path: '/api/workspace/ST-532302101/demand?stream=parcels&scope=county' },
  { name: 'workspace gaps', login: 'demo-merchant', path: '/api/workspace/ST-532302101/gaps' },
  { name: 'workspace prices, county', login: 'demo-merchant', path: '/api/workspace/ST-532302101/prices?scope=county' },
  { name: 'workspace peers', login: 'demo-merchant', path: '/api/workspace/ST-532302101/peers' },
  { name: 'workspace restock', login: 'demo-merchant', path: '/api/workspace/ST-532302101/restock' },
  { name: 'workspace sourcing', login: 'demo-merchant', path: '/api/workspace/ST-532302101/sourcing' },
  { name: 'flows upstream, prefecture', login: 'demo-official', path: '/api/flows/upstream' },
  { name: 'flows upstream, township', login: 'demo-official-lufeng', path: '/api/flows/upstream?area=532302101' },
  { name: 'flows seasonality, mushrooms', login: 'demo-official', path: '/api/flows/seasonality?area=532324&category=produce.wild_mushroom' },
  { name: 'flows downstream, county', login: 'demo-official-lufeng', path: '/api/flows/downstream' },
  { name: 'flows batches, county', login: 'demo-official-lufeng', path: '/api/flows/batches' },
  { name: 'flows parcels vs orders, county', login: 'demo-official-lufeng', path: '/api/flows/parcels-vs-orders' },
];

/** Analysts' statements for the workbench's share of the bench: an aggregate, a join, a listing of 10,000 rows. */
const WORKBENCH: { name: string; sql: string; params?: Record<string, string> }[] = [
  { name: 'workbench: sales by county, month', sql: 'SELECT county_code, count() AS lines, sum(amount_fen) AS fen FROM pos_lines WHERE sold_at >= {from:DateTime} AND sold_at < {to:DateTime} GROUP BY county_code ORDER BY fen DESC', params: { from: '2025-06-01 00:00:00', to: '2025-07-01 00:00:00' } },
  { name: 'workbench: sales by category, join', sql: 'SELECT c.zh, sum(s.amount_fen) AS fen FROM store_sales_daily AS s INNER JOIN (SELECT code, zh FROM categories FINAL) AS c ON c.code = s.category GROUP BY c.zh ORDER BY fen DESC LIMIT 20' },
  { name: 'workbench: 10,000 rows listed', sql: 'SELECT receipt_id, line_no, store_id, sold_at, sku, amount_fen FROM pos_lines ORDER BY sold_at DESC LIMIT 10000' },
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

process.stderr.write(`bench:queries: a simulated county of ${values.days ?? 365} days ...\n`);
const platform = await startPlatform({ days: Number(values.days ?? 365), port: Number(values.port ?? 3394), dataDir: values['data-dir'], env: { SIM_RATE: '0' } });
const dataDir = platform.dataDir;
// Stop the platform but keep its data: this process opens the same directory next.
await platform.stop({ keepData: true });

const warehouse = createEmbeddedWarehouse({ path: dataDir });
const queries = loadQueries(join(root, 'sql/queries'));
const reader = warehouse.reader({ maxExecutionSeconds: 60, maxMemoryBytes: 4 * 1024 ** 3, sessions: 2 });
let recording: { sql: string; params?: Params }[] | null = null;
const recordingReader: Warehouse = {
  ...reader,
  async query<T>(sql: string, params?: Params) {
    recording?.push({ sql, params });
    return reader.query<T>(sql, params);
  },
};
const secret = 'bench-secret-bench-secret-bench-secret-00';
const app = createApp({ warehouse, reader: recordingReader, queries, migrations: readMigrations(join(root, 'sql/migrations')), auth: { secret },
  limits: { perAddressPerMinute: 1e9, perAccountPerMinute: 1e9 } });
const locals = app.locals as unknown as AppLocals;
await ensureDemoAccounts(locals.services.accounts, 'demo');
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const engine = new Session(dataDir, { connectionArgs: ['--readonly=1'] });

/**
 * The heatmap's rollup queries answered from the raw lines instead, for the raw-versus-rollup
 * comparison: the same cells (checked equal), the engine's time and the rows it reads.
 */
const RAW_HEATMAP = `SELECT if(length({area:String}) = 4, county_code, township_code) AS area_code, toMonday(sold_at) AS week_start,
    toUInt64(sum(quantity)) AS qty, toUInt64(sum(amount_fen)) AS amount_fen
  FROM pos_lines
  WHERE sold_at >= toDateTime({from:Date}, 'Asia/Shanghai') AND sold_at < toDateTime({to:Date}, 'Asia/Shanghai')
    AND startsWith(county_code, substring({area:String}, 1, 6)) AND startsWith(township_code, {area:String})
    AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
    AND ({category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
  GROUP BY area_code, week_start HAVING qty > 0 OR amount_fen > 0 ORDER BY area_code, week_start`;
const ROLLUP_SQL = new Set([queries['demand-heatmap-area'], queries['demand-heatmap-top'], queries['demand-heatmap-leaf']]);
const rollups: { name: string; rollupRows: number; rawRows: number; rollupP50Ms: number; rawP50Ms: number }[] = [];

const results = [];
for (const e of ENDPOINTS) {
  if (values.only && !e.name.includes(values.only)) continue;
  const { id } = await locals.services.sessions.create(e.login, { address: 'bench', userAgent: 'bench' });
  const headers = { cookie: `cx_session=${sign(id, secret)}`, 'accept-encoding': 'br, gzip' };
  const call = async () => {
    const res = await fetch(base + e.path, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${e.name}: ${res.status}`);
  };
  await call(); // warm: caches of the directory, sessions, data version
  recording = [];
  await call();
  const sqls = recording;
  recording = null;
  const run = (sql: string, params: Params | undefined) => (params && Object.keys(params).length > 0
    ? engine.queryBindAsync(sql, params, { format: 'JSONEachRow' }) : engine.queryAsync(sql, { format: 'JSONEachRow' }));
  // Interleaved, one request then one replay: a background merge or a busy moment of the machine
  // falls on both sides alike instead of on whichever happened to run then.
  const api: number[] = [];
  const eng: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await call();
    api.push(performance.now() - t0);
    const t1 = performance.now();
    for (const q of sqls) await run(q.sql, q.params);
    eng.push(performance.now() - t1);
  }
  // Rows the engine reads from tables after its index analysis (EXPLAIN ESTIMATE), over all the queries.
  let rowsRead = 0;
  for (const q of sqls) {
    for (const line of (await run(`EXPLAIN ESTIMATE ${q.sql}`, q.params)).text().split('\n').filter(Boolean)) rowsRead += Number((JSON.parse(line) as { rows: number }).rows);
  }
  for (const q of sqls.filter((x) => ROLLUP_SQL.has(x.sql))) {
    const estimate = async (sql: string) => (await run(`EXPLAIN ESTIMATE ${sql}`, q.params)).text().split('\n').filter(Boolean)
      .reduce((n, line) => n + Number((JSON.parse(line) as { rows: number }).rows), 0);
    const [fromRollup, fromRaw] = [(await run(q.sql, q.params)).text(), (await run(RAW_HEATMAP, q.params)).text()];
    if (fromRollup !== fromRaw) throw new Error(`${e.name}: the rollup and the raw lines give different cells`);
    const times = async (sql: string) => { const ms: number[] = []; for (let i = 0; i < Math.min(runs, 20); i++) { const t = performance.now(); await run(sql, q.params); ms.push(performance.now() - t); } return round(pct(ms, 50)); };
    const r = { name: e.name, rollupRows: await estimate(q.sql), rawRows: await estimate(RAW_HEATMAP), rollupP50Ms: await times(q.sql), rawP50Ms: await times(RAW_HEATMAP) };
    rollups.push(r);
    process.stdout.write(`${''.padEnd(32)} rollup: ${r.rollupRows.toLocaleString('en-US')} rows read, p50 ${r.rollupP50Ms} ms; raw lines: ${r.rawRows.toLocaleString('en-US')} rows, p50 ${r.rawP50Ms} ms: 1/${Math.round(r.rawRows / r.rollupRows)} of the rows, ${(r.rawP50Ms / r.rollupP50Ms).toFixed(1)}x faster\n`);
  }
  const row = { name: e.name, queries: sqls.length, apiP50Ms: round(pct(api, 50)), apiP95Ms: round(pct(api, 95)), engineP50Ms: round(pct(eng, 50)), engineP95Ms: round(pct(eng, 95)), rowsRead };
  const budget = 1.3 * row.engineP95Ms + 10;
  results.push(row);
  process.stdout.write(`${e.name.padEnd(32)} ${String(row.queries).padStart(2)} queries  API p50 ${String(row.apiP50Ms).padStart(6)} p95 ${String(row.apiP95Ms).padStart(6)} ms  engine p50 ${String(row.engineP50Ms).padStart(6)} p95 ${String(row.engineP95Ms).padStart(6)} ms  ratio ${(row.apiP95Ms / row.engineP95Ms).toFixed(2)}  ${row.apiP95Ms <= budget ? 'ok' : 'OVER'} (budget ${round(budget)})  rows read ${rowsRead.toLocaleString('en-US')}\n`);
}
const sqlEngine = new Session(dataDir, { connectionArgs: sqlSettings(DEFAULT_SQL_LIMITS, 'screen').map(([k, v]) => `--${k}=${v}`) });
{
  const { id } = await locals.services.sessions.create('demo-analyst', { address: 'bench', userAgent: 'bench' });
  const headers = { cookie: `cx_session=${sign(id, secret)}`, 'accept-encoding': 'br, gzip', 'content-type': 'application/json' };
  for (const w of WORKBENCH) {
    if (values.only && !w.name.includes(values.only)) continue;
    const call = async () => {
      const res = await fetch(`${base}/api/sql`, { method: 'POST', headers, body: JSON.stringify({ sql: w.sql, params: w.params }) });
      const body = await res.arrayBuffer(); // as the other endpoints: read, not decoded
      if (!res.ok) throw new Error(`${w.name}: ${res.status} ${new TextDecoder().decode(body)}`);
      return body;
    };
    const canonical = (JSON.parse(new TextDecoder().decode(await call())) as { sql: string }).sql;
    const api: number[] = [];
    const eng: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call();
      api.push(performance.now() - t0);
      const t1 = performance.now();
      if (w.params) await sqlEngine.queryBindAsync(canonical, w.params, { format: 'JSONCompact' });
      else await sqlEngine.queryAsync(canonical, { format: 'JSONCompact' });
      eng.push(performance.now() - t1);
    }
    const row = { name: w.name, queries: 1, apiP50Ms: round(pct(api, 50)), apiP95Ms: round(pct(api, 95)), engineP50Ms: round(pct(eng, 50)), engineP95Ms: round(pct(eng, 95)), rowsRead: 0 };
    const budget = 1.3 * row.engineP95Ms + 10;
    results.push(row);
    process.stdout.write(`${w.name.padEnd(32)}  1 query    API p50 ${String(row.apiP50Ms).padStart(6)} p95 ${String(row.apiP95Ms).padStart(6)} ms  engine p50 ${String(row.engineP50Ms).padStart(6)} p95 ${String(row.engineP95Ms).padStart(6)} ms  ratio ${(row.apiP95Ms / row.engineP95Ms).toFixed(2)}  ${row.apiP95Ms <= budget ? 'ok' : 'OVER'} (budget ${round(budget)})\n`);
  }
}
sqlEngine.close();
server.close();
engine.close();
await locals.close();
await reader.close();
await warehouse.close();
if (!values['data-dir']) (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB; ${runs} runs per endpoint\n`);
// The worst of the heatmaps that read a rollup: its share of the raw rows, and its speed-up.
const rollupRowsRatio = rollups.length ? Math.max(...rollups.map((r) => r.rollupRows / r.rawRows)) : null;
const rollupSpeedup = rollups.length ? Math.min(...rollups.map((r) => r.rawP50Ms / r.rollupP50Ms)) : null;
process.stdout.write(`${JSON.stringify({
  endpoints: results.map(({ name, apiP95Ms, engineP95Ms, rowsRead }) => ({ name, apiP95Ms, engineP95Ms, rowsRead })),
  rollupRowsRatio: rollupRowsRatio === null ? null : +rollupRowsRatio.toFixed(4), rollupSpeedup: rollupSpeedup === null ? null : +rollupSpeedup.toFixed(1),
})}\n`);
