// npm run bench:export [-- --rows 8000000]
// Memory of the workbench's full-result export: 8 million rows streamed through
// POST /api/sql/export (CSV, Arrow, Parquet, and XLSX over 8 sheets) while this
// process samples its own RSS every 20 ms. The reference run in the same script is the engine
// alone streaming the same query into nothing (chdb queryStream), so the API's cost shows as a
// ratio of times and as RSS growth over the reference's. Goal: the export grows RSS by < 200 MB.
// The download is read by a client in this same process and thrown away chunk by chunk, so its
// memory is counted too. The last line is JSON.
import { Session } from 'chdb';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type AppLocals } from '../api/app.ts';
import { sign } from '../api/auth/secrets.ts';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import { loadQueries } from '../warehouse/queries.ts';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const rows = Number(values.rows ?? 8_000_000);
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'cx-bench-export-'));
const query = (n: number) => `SELECT number AS id, concat('ST-', toString(532300000 + number % 1000)) AS store, toDate('2025-01-01') + toIntervalDay(number % 700) AS day,
  ['offline', 'online_proxy'][number % 2 + 1] AS channel, number % 100000 AS amount_fen, toDecimal64((number % 100000) / 100, 2) AS yuan FROM numbers(${n})`;

const warehouse = createEmbeddedWarehouse({ path: dir });
const migrations = readMigrations(join(root, 'sql/migrations'));
await migrate(warehouse, migrations);
const secret = 'bench-secret-bench-secret-bench-secret-00';
const app = createApp({ warehouse, queries: loadQueries(join(root, 'sql/queries')), migrations, auth: { secret, passwordCost: 4 },
  limits: { perAddressPerMinute: 1e9, perAccountPerMinute: 1e9 } });
const locals = app.locals as unknown as AppLocals;
await locals.services.accounts.create({ login: 'bench-analyst', name: 'bench', role: 'analyst', password: 'bench-password' });
const { id } = await locals.services.sessions.create('bench-analyst', { address: 'bench', userAgent: 'bench' });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const headers = { cookie: `cx_session=${sign(id, secret)}`, 'content-type': 'application/json' };
const MB = 1024 ** 2;

/** Runs `task` while sampling RSS; the peak's growth over the RSS just before. */
async function measure(task: () => Promise<number>): Promise<{ ms: number; bytes: number; growthMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const t0 = performance.now();
  const bytes = await task();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: Math.round(ms), bytes, growthMb: Math.round(((peak - before) / MB) * 10) / 10 };
}

async function viaApi(format: string, n: number): Promise<number> {
  const res = await fetch(`${base}/api/sql/export?format=${format}`, { method: 'POST', headers, body: JSON.stringify({ sql: query(n) }) });
  if (!res.ok || !res.body) throw new Error(`${format}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
  return bytes;
}

const engineFormats: Record<string, string> = { csv: 'CSVWithNames', arrow: 'ArrowStream', parquet: 'Parquet', xlsx: 'JSONCompactEachRowWithNamesAndTypes' };
async function viaEngine(format: string, n: number): Promise<number> {
  const session = new Session(dir, { connectionArgs: ['--readonly=1', '--output_format_arrow_compression_method=none', '--output_format_parquet_compression_method=snappy'] });
  try {
    let bytes = 0;
    for await (const chunk of session.queryStream(query(n), { format: engineFormats[format] })) bytes += chunk.raw().length;
    return bytes;
  } finally {
    session.close();
  }
}

const results = [];
process.stdout.write(`bench:export: ${rows.toLocaleString('en-US')} rows in each format (XLSX over as many sheets as it takes), RSS sampled every 20 ms\n`);
for (const format of ['csv', 'arrow', 'parquet', 'xlsx']) {
  const n = rows;
  const reference = await measure(() => viaEngine(format, n));
  const api = await measure(() => viaApi(format, n));
  const row = {
    format, rows: n, apiMs: api.ms, engineMs: reference.ms, timeRatio: Math.round((api.ms / reference.ms) * 100) / 100,
    apiRssGrowthMb: api.growthMb, engineRssGrowthMb: reference.growthMb, fileMb: Math.round((api.bytes / MB) * 10) / 10,
    rowsPerSecond: Math.round(n / (api.ms / 1000)),
  };
  results.push(row);
  process.stdout.write(`${format.padEnd(8)} ${String(row.fileMb).padStart(7)} MB  API ${String(row.apiMs).padStart(6)} ms (${row.rowsPerSecond.toLocaleString('en-US')} rows/s)  engine alone ${String(row.engineMs).padStart(6)} ms  ratio ${row.timeRatio}  RSS growth API ${row.apiRssGrowthMb} MB, engine alone ${row.engineRssGrowthMb} MB  ${row.apiRssGrowthMb < 200 ? 'ok' : 'OVER'} (< 200 MB)\n`);
}
server.close();
await locals.close();
await warehouse.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}\n`);
process.stdout.write(`${JSON.stringify({ exports: results })}\n`);
