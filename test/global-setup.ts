// Once per test run: build the web bundle the browser tests load, start the local Kafka broker
// (when Java and Maven are present), the throwaway ClickHouse server (Debian's 18.16, when
// installed) that the Kafka and server-driver tests use, and the two-replica cluster with its
// ZooKeeper (both of those) that the scale-out test uses.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const script = join(ROOT, 'scripts/clickhouse-server.sh');
let startedServer = false;
let startedKafka = false;
let startedCluster = false;
const clusterScript = join(ROOT, 'scripts/clickhouse-cluster.sh');

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether something already listens on a local port (then it is not ours to start or stop). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

export async function setup() {
  const { buildWeb } = await import('../scripts/build-web.ts');
  await buildWeb();
  if (!process.env.KAFKA_TEST_BROKERS && has('java') && has('mvn')) {
    if (!(await listening(19092))) {
      execFileSync('bash', [join(ROOT, 'scripts/kafka.sh'), 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
      startedKafka = true;
    }
    process.env.KAFKA_TEST_BROKERS = '127.0.0.1:19092';
  }
  if (!process.env.KAFKA_TEST_BROKERS) console.warn('Java and Maven not found: Kafka tests skipped');
  if (!process.env.CLICKHOUSE_TEST_URL && has('clickhouse-server')) {
    if (!(await listening(18123))) {
      execFileSync('bash', [script, 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
      startedServer = true;
    }
    // Workers are forked after this, so they inherit it.
    process.env.CLICKHOUSE_TEST_URL = 'http://127.0.0.1:18123';
  }
  if (!process.env.CLICKHOUSE_TEST_URL) {
    console.warn('ClickHouse server not installed: server-driver tests skipped (scripts/system-deps.sh installs it)');
  }
  if (!process.env.CLICKHOUSE_CLUSTER_TEST_URLS && has('clickhouse-server') && has('java') && has('mvn')) {
    if (!(await listening(18124))) {
      execFileSync('bash', [clusterScript, 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
      startedCluster = true;
    }
    process.env.CLICKHOUSE_CLUSTER_TEST_URLS = 'http://127.0.0.1:18124,http://127.0.0.1:18125';
    process.env.CLICKHOUSE_CLUSTER_TEST_NAME = 'chuxiong';
  }
}

export async function teardown() {
  if (startedKafka) execFileSync('bash', [join(ROOT, 'scripts/kafka.sh'), 'down'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (startedServer) execFileSync('bash', [script, 'stop'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (startedCluster) execFileSync('bash', [clusterScript, 'down'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
