// store_sales_daily: lines already in pos_lines when migration 0012 runs are rolled up once, new
// lines through its materialized view, and running the migrations again adds nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { posRows } from '../../ingest/rows.ts';
import { createEmbeddedWarehouse } from '../../warehouse/embedded.ts';
import { migrate } from '../../warehouse/migrate.ts';
import { migrations, POS_FIXTURE } from '../fixtures/warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-ssd-'));
const wh = createEmbeddedWarehouse({ path: dir });
afterAll(async () => {
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
});

const perStore = () => wh.query<{ store_id: string; day: string; lines: number; qty: number; amount_fen: number }>(
  'SELECT store_id, toString(day) AS day, sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen FROM store_sales_daily GROUP BY store_id, day ORDER BY store_id, day');

test('backfilled once from the lines already there, then kept by its view', async () => {
  const before = migrations.filter((m) => m.version < 12);
  await migrate(wh, before);
  await wh.insert('pos_lines', POS_FIXTURE.slice(0, 3).flatMap(posRows));
  await migrate(wh, migrations);
  // two lines, 4 units, 4590 fen; R-2: 2 units, 700; R-3 (16:30 UTC = 00:30 on the 9th in Shanghai): 5 units, 1500.
  const expected = [
    { store_id: 'ST-532301101', day: '2026-03-09', lines: 1, qty: 5, amount_fen: 1500 },
    { store_id: 'ST-532302101', day: '2026-03-08', lines: 1, qty: 2, amount_fen: 700 },
    { store_id: 'VS-532302101001', day: '2026-03-02', lines: 2, qty: 4, amount_fen: 4590 },
  ];
  expect(await perStore()).toEqual(expected);
  await migrate(wh, migrations);
  await wh.insert('pos_lines', POS_FIXTURE.slice(3).flatMap(posRows));
  expect(await perStore()).toEqual([...expected.slice(0, 2), { store_id: 'ST-532329101', day: '2026-03-15', lines: 1, qty: 1, amount_fen: 2500 }, expected[2]]);
});
