// The secret that signs session cookies: SESSION_SECRET, or on the embedded default one made once
// and kept beside the data (`<DATA_DIR>/session-secret`, readable by its owner only), so sessions
// survive a restart. With a ClickHouse server several API processes must share it, so there it
// must come from the environment.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';

export function sessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.CLICKHOUSE_URL) {
    throw new Error('invalid environment variable SESSION_SECRET: required with CLICKHOUSE_URL (at least 32 random characters, the same on every API process)');
  }
  const file = join(config.DATA_DIR, 'session-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
