// The read-only view users' queries go through: it cannot write, its limits are the engine's own
// and cannot be lifted from a query, and while it is busy the ingest session still writes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
let reader: Warehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
  reader = wh.reader({ maxExecutionSeconds: 1, maxMemoryBytes: 200 * 1024 * 1024, sessions: 2 });
});
afterAll(async () => {
  await reader.close();
  await wh.close();
});

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);

describe('embedded reader', () => {
  test('reads what the writer wrote', async () => {
    await wh.command("INSERT INTO areas (code, name, level, parent_code) VALUES ('5323', '楚雄彝族自治州', 'prefecture', '')");
    expect(await reader.query('SELECT code FROM areas')).toEqual([{ code: '5323' }]);
  });

  test('refuses writes: through its interface, and in SQL handed to query', async () => {
    await expect(reader.command('DROP TABLE areas')).rejects.toMatchObject({ code: 'READ_ONLY_VIEW' });
    await expect(reader.insert('areas', [{ code: '1' }])).rejects.toMatchObject({ code: 'READ_ONLY_VIEW' });
    expect(await codeOf(reader.query("INSERT INTO areas (code) VALUES ('9')"))).toBe('CH_164');
    expect(await codeOf(reader.query('DROP TABLE areas'))).toBe('CH_164');
    expect(await wh.query('SELECT count() AS n FROM areas')).toEqual([{ n: 1 }]);
  });

  test('its limits hold, and a query cannot lift them', async () => {
    expect(await codeOf(reader.query('SELECT count() FROM numbers(100000000000)'))).toBe('CH_159'); // TIMEOUT_EXCEEDED after 1 s
    expect(await codeOf(reader.query('SELECT count() FROM numbers(100000000000) SETTINGS max_execution_time = 100'))).toBe('CH_164');
    expect(await codeOf(reader.query('SET max_memory_usage = 0'))).toBe('CH_164');
    expect(await codeOf(reader.query('SELECT groupArray(number) FROM numbers(100000000)'))).toBe('CH_241'); // MEMORY_LIMIT_EXCEEDED
    const [row] = await reader.query<{ v: string }>("SELECT value AS v FROM system.settings WHERE name = 'readonly'");
    expect(row!.v).toBe('1');
  });

  test('while both read sessions are busy, an insert through the writer completes first', async () => {
    const order: string[] = [];
    const busy = [1, 2].map((i) => reader.query('SELECT count() FROM numbers(100000000000)').catch(() => undefined).then(() => { order.push(`read ${i}`); }));
    await new Promise((r) => setTimeout(r, 100));
    await wh.insert('areas', [{ code: '532302', name: '禄丰市', level: 'county', parent_code: '5323' }]);
    order.push('insert');
    await Promise.all(busy);
    expect(order[0]).toBe('insert');
  });
});
