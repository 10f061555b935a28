// The servers the platform serves: 23.8 or newer. An older one is refused at start with one line
// naming the minimum, instead of a 500 on every view and re-sent events counted twice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { serverVersionSupported } from '../../warehouse/supported.ts';
import { ROOT } from '../fixtures/warehouse.ts';

test.each([
  ['18.16.1', false], ['22.8.21.38', false], ['23.3.22.3', false], ['23.8.1.2992', true], ['23.12.1', true],
  ['24.3.5.47', true], ['26.7.1.1', true], ['', false], ['unknown', false],
])('version %s supported: %s', (version, ok) => {
  expect(serverVersionSupported(version)).toBe(ok);
});

const URL = process.env.CLICKHOUSE_TEST_URL;

test.skipIf(!URL)('npm start on ClickHouse 18.16 stops at once with one line naming the minimum version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-old-server-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'main.ts')], {
      env: { ...process.env, CLICKHOUSE_URL: URL, DATA_DIR: dir, KAFKA_BROKERS: '', PORT: '0', SESSION_SECRET: 's'.repeat(40) }, encoding: 'utf8', cwd: ROOT, timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: string; message: string; error: string };
    expect(line.level).toBe('error');
    expect(line.error).toMatch(/^ClickHouse server 18\.16\.\d+ is not supported: the platform needs 23\.8 or newer \(query parameters/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
