// Runs `main.ts` as `npm start` does, on a data directory of its own, for the scripts that look at
// the platform from outside (bench:web, screenshots): waits until the backfill is done and ingest
// is live, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlatformProcess { base: string; dataDir: string; stop(options?: { keepData?: boolean }): Promise<void> }

export async function startPlatform(options: { days: number; port: number; dataDir?: string; env?: Record<string, string>; log?: (line: string) => void }): Promise<PlatformProcess> {
  const own = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cx-platform-'));
  const base = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'main.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(options.port), SIM_BACKFILL_DAYS: String(options.days), SIM_RATE: '5', KAFKA_BROKERS: '', CLICKHOUSE_URL: '', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let last = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    last = text.trim().split('\n').at(-1) ?? last;
    if (options.log && /backfill \d+%/.test(text)) options.log(last);
  });
  const stop = async (o: { keepData?: boolean } = {}) => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    if (own && !o.keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the platform stopped: ${last}`);
    try {
      const body = (await (await fetch(`${base}/healthz`)).json()) as { ingest?: { source?: string } };
      if (/live|stopped|done/.test(body.ingest?.source ?? '')) return { base, dataDir, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120 * 60_000) {
      await stop();
      throw new Error('the platform did not finish its backfill in 2 hours');
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
