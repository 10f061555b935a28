import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openWarehouse } from '../../warehouse/open.ts';

test('without a ClickHouse URL the warehouse is the embedded engine on dataDir', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'open-warehouse-'));
  try {
    const wh = openWarehouse({ dataDir });
    expect(wh.kind).toBe('embedded');
    expect(await wh.ping()).toMatch(/^chdb \d+\./);
    await wh.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('with a ClickHouse URL the warehouse is the server driver, opened without connecting', async () => {
  // Port 1 has nothing listening: creating the driver must not need the server.
  const wh = openWarehouse({ clickhouseUrl: 'http://127.0.0.1:1', clickhouseDatabase: 'analytics', dataDir: '/nonexistent' });
  expect(wh.kind).toBe('server');
  expect(existsSync('/nonexistent')).toBe(false); // no embedded engine was opened on the side
  await wh.close();
});
