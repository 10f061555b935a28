// `npm run user` end to end on an embedded warehouse: each command, its clear refusals, and what
// it leaves in the warehouse (checked by opening the warehouse afterwards, as the API would).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAuthServices } from '../../api/auth/services.ts';
import { createEmbeddedWarehouse } from '../../warehouse/embedded.ts';
import { migrate } from '../../warehouse/migrate.ts';
import { loadAreas, loadStores } from '../../warehouse/reference.ts';
import { areas, migrations, queries, ROOT, stores } from '../fixtures/warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-user-'));
const dataDir = join(dir, 'chdb');

function user(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/user.ts'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, CLICKHOUSE_URL: '' }, input: stdin ?? '', encoding: 'utf8', cwd: ROOT,
  });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

async function withServices<T>(fn: (s: ReturnType<typeof createAuthServices>) => Promise<T>): Promise<T> {
  const wh = createEmbeddedWarehouse({ path: dataDir });
  try {
    return await fn(createAuthServices({ warehouse: wh, queries, options: { secret: 'x'.repeat(32), cacheMs: 0 } }));
  } finally {
    await wh.close();
  }
}

beforeAll(async () => {
  const wh = createEmbeddedWarehouse({ path: dataDir });
  await migrate(wh, migrations);
  await loadAreas(wh, areas);
  await loadStores(wh, stores);
  await wh.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run user', () => {
  test('add with a password from standard input; it signs in with that password', async () => {
    const r = user(['add', 'lufeng-bureau', '--role', 'official', '--area', '532302', '--name', '禄丰市商务局', '--password-stdin'], 'a long enough secret\n');
    expect(r).toEqual({ status: 0, out: 'created lufeng-bureau (official of 532302)', err: '' });
    await withServices(async (s) => {
      const v = await s.accounts.verify('lufeng-bureau', 'a long enough secret');
      expect('account' in v && v.account).toMatchObject({ role: 'official', areaCode: '532302', name: '禄丰市商务局' });
    });
  });

  test('add without a password prints a generated one, once, that works', async () => {
    const r = user(['add', 'shop-owner', '--role', 'merchant', '--stores', 'ST-532302101,VS-532302101010']);
    expect(r.status).toBe(0);
    const password = /^password: (\S+)$/m.exec(r.out)?.[1];
    expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
    await withServices(async (s) => expect('account' in (await s.accounts.verify('shop-owner', password!))).toBe(true));
  });

  test.each([
    [['add', 'x1y', '--role', 'chief'], 'user: --role: Invalid option: expected one of "admin"|"official"|"merchant"|"analyst"'],
    [['add', 'x1y', '--role', 'official', '--area', '532399'], 'user: --area: unknown area code 532399: an official oversees 5323 or one of its counties'],
    [['add', 'x1y', '--role', 'official'], 'user: --area: is required for an official'],
    [['add', 'x1y', '--role', 'merchant', '--stores', 'ST-532302101,NO-SUCH'], 'user: --stores: unknown store NO-SUCH'],
    [['add', 'x1y', '--role', 'analyst', '--area', '532302'], 'user: --area: is only for officials, not analyst'],
    [['add', 'Bad Login', '--role', 'admin'], 'user: LOGIN: must be 3-64 lower-case letters, digits or . _ - (starting with a letter or digit)'],
    [['add', 'lufeng-bureau', '--role', 'admin'], 'user: LOGIN: login lufeng-bureau already exists'],
    [['disable', 'nobody-at-all'], 'user: LOGIN: no account nobody-at-all'],
    [['frobnicate'], 'user: unknown command frobnicate'],
  ])('refuses %j clearly', (args, message) => {
    const r = user(args);
    expect(r.status).toBe(1);
    expect(r.err.split('\n')[0]).toBe(message);
  });

  test('a short password from standard input is refused', () => {
    const r = user(['reset-password', 'lufeng-bureau', '--password-stdin'], 'short\n');
    expect(r).toMatchObject({ status: 1, err: 'user: the password: must be at least 8 characters' });
  });

  test('list, disable, enable', async () => {
    expect(user(['disable', 'shop-owner']).out).toBe('shop-owner disabled: it can no longer sign in, and its sessions and tokens are refused');
    const list = user(['list']).out.split('\n');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(/^lufeng-bureau\s+official\s+532302\s+active\s+禄丰市商务局$/);
    expect(list[1]).toMatch(/^shop-owner\s+merchant\s+ST-532302101,VS-532302101010\s+disabled\s+shop-owner$/);
    expect(user(['enable', 'shop-owner']).out).toBe('shop-owner enabled');
  });

  test('token create prints the token once; it is accepted; revoked, it is refused', async () => {
    const r = user(['token', 'create', 'lufeng-bureau', '--name', 'monthly report', '--days', '90']);
    expect(r.status).toBe(0);
    const token = /^(cxt_[a-f0-9]{16}_\S{43})$/m.exec(r.out)?.[1];
    expect(token).toBeDefined();
    const id = token!.slice(4, 20);
    expect(user(['token', 'list', 'lufeng-bureau']).out).toMatch(new RegExp(`^${id}  valid   .* monthly report$`));
    await withServices(async (s) => expect(await s.tokens.check(token!)).toMatchObject({ record: { login: 'lufeng-bureau', name: 'monthly report' } }));
    expect(user(['token', 'revoke', id]).out).toBe(`token ${id} revoked`);
    await withServices(async (s) => expect(await s.tokens.check(token!)).toEqual({ refused: 'revoked' }));
    expect(user(['token', 'list', 'lufeng-bureau']).out).toMatch(new RegExp(`^${id}  revoked .* monthly report$`));
    expect(user(['token', 'create', 'lufeng-bureau']).err).toBe('user: --name: is required');
  });
});
