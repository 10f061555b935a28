// The ClickHouse servers the platform serves correctly: 23.8 LTS or newer (docs/deploy.md). Older
// ones lack what it relies on: query parameters `{name:Type}` (every view's queries), insert
// deduplication tokens (exactly-once ingest: without them re-sends are counted twice) and table
// comments. Start-up refuses them with one line naming the minimum, instead of answering every
// view with a 500 and doubling events. The embedded engine is the version this package pins.
import type { Warehouse } from './warehouse.ts';

export const MIN_SERVER_VERSION = [23, 8] as const;

/** Whether a server's `version()` (e.g. 18.16.1, 24.3.5.47) is the minimum or newer. */
export function serverVersionSupported(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > MIN_SERVER_VERSION[0] || (major === MIN_SERVER_VERSION[0] && minor >= MIN_SERVER_VERSION[1]);
}

export class UnsupportedWarehouse extends Error {
  constructor(version: string) {
    super(`ClickHouse server ${version} is not supported: the platform needs ${MIN_SERVER_VERSION.join('.')} or newer `
      + '(query parameters {name:Type}, insert deduplication tokens for exactly-once ingest, table comments); see docs/deploy.md');
    this.name = 'UnsupportedWarehouse';
  }
}

/** Throws UnsupportedWarehouse for a server older than the minimum; the embedded engine passes. */
export async function assertSupported(warehouse: Pick<Warehouse, 'kind' | 'ping'>): Promise<void> {
  if (warehouse.kind !== 'server') return;
  const engine = await warehouse.ping(); // "server 24.3.5.47"
  const version = engine.replace(/^server /, '');
  if (!serverVersionSupported(version)) throw new UnsupportedWarehouse(version);
}
