// Once per test run: build the web bundle the browser tests load, and start the throwaway
// ClickHouse server (Debian's 18.16) that the server-driver tests use, when it is installed.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const script = join(ROOT, 'scripts/clickhouse-server.sh');
let startedServer = false;

function hasClickHouseServer(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v clickhouse-server'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function setup() {
  const { buildWeb } = await import('../scripts/build-web.ts');
  await buildWeb();
  if (!process.env.CLICKHOUSE_TEST_URL && hasClickHouseServer()) {
    execFileSync('bash', [script, 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
    startedServer = true;
    // Workers are forked after this, so they inherit it.
    process.env.CLICKHOUSE_TEST_URL = 'http://127.0.0.1:18123';
  }
  if (!process.env.CLICKHOUSE_TEST_URL) {
    console.warn('ClickHouse server not installed: server-driver tests skipped (scripts/system-deps.sh installs it)');
  }
}

export async function teardown() {
  if (startedServer) execFileSync('bash', [script, 'stop'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
