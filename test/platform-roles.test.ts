// main.ts as two processes, `ingest` and `serve` (npm run ingest / npm run serve), over one
// warehouse: the embedded one takes one process at a time, so here one after the other on the same
// data directory; a ClickHouse server takes both at once (docs/deploy.md).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from './fixtures/warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-roles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

function start(role: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', role], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), KAFKA_BROKERS: '', CLICKHOUSE_URL: '', SIM_BACKFILL_DAYS: '2', SIM_RATE: '0', SIM_SCALE: '0.2' },
  });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => { log += c.toString(); });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, log: () => log };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('ingest alone: backfills, answers /healthz and /metrics and nothing else; then serve alone answers with its data', async () => {
  const port = await freePort();
  const ingest = start('ingest', port);
  const base = `http://127.0.0.1:${port}`;
  const health = await until('the backfill', async () => {
    const res = await fetch(`${base}/healthz`);
    const body = (await res.json()) as { ok: boolean; ingest: { done?: boolean; accepted: number }; migrations: { missing: string[] } };
    return res.status === 200 && body.ingest.done ? body : undefined;
  });
  expect(health.migrations.missing).toEqual([]);
  expect(health.ingest.accepted).toBeGreaterThan(100);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toContain(`cx_ingest_accepted_total{source="in-process"} ${health.ingest.accepted}`);
  const api = await fetch(`${base}/api/demand/heatmap`);
  expect([api.status, await api.json()]).toEqual([404, { error: 'not_found', message: 'this process serves /healthz and /metrics only' }]);
  ingest.child.kill('SIGTERM');
  expect(await ingest.exited, ingest.log()).toBe(0);

  const serve = start('serve', port);
  try {
    const body = await until('the API', async () => {
      const res = await fetch(`${base}/healthz`);
      return res.status === 200 ? (await res.json()) as { ingest: unknown; migrations: { missing: string[] } } : undefined;
    });
    expect(body.ingest).toBeNull(); // no ingest in this process
    expect(body.migrations.missing).toEqual([]);
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'demo-analyst', password: 'demo' }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const sql = await fetch(`${base}/api/sql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ sql: 'SELECT count() AS n FROM pos_lines' }) });
    const result = (await sql.json()) as { rows: [number][] };
    expect(sql.status).toBe(200);
    expect(Number(result.rows[0]![0])).toBeGreaterThan(100);
  } finally {
    serve.child.kill('SIGTERM');
    expect(await serve.exited, serve.log()).toBe(0);
  }
}, 240_000);

test('an unknown role: one line naming the roles, exit 1', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main.ts', 'both'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dir }, timeout: 60_000 });
  expect(r.status).toBe(1);
  const lines = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
  expect(lines.map((l) => (JSON.parse(l) as { error: string }).error)).toEqual(['unknown role both: main.ts [ingest|serve] (nothing: both)']);
});
