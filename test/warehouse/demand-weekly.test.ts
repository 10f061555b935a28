// The weekly heatmap rollups (migrations 0023, 0025) and the stations' months (0024) must equal the same aggregation computed in
// JavaScript from the generated receipts: kept by their views as lines arrive in several batches,
// and backfilled from what was there when the migration ran.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { posReceipt, type PosReceipt } from '../../contracts/events.ts';
import { mondayOf } from '../../contracts/time.ts';
import { posRows } from '../../ingest/rows.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../../warehouse/embedded.ts';
import { migrate } from '../../warehouse/migrate.ts';
import { migrations } from '../fixtures/warehouse.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const seed = Math.floor(Math.random() * 2 ** 31);

function receipts(days: number): PosReceipt[] {
  const model = loadModelData(seed);
  const generator = createGenerator({ seed, stores: model.stores.filter((_, i) => i % 9 === 0), products: model.products, scale: 0.3 });
  const out: PosReceipt[] = [];
  for (const day of generator.days('2026-02-20', days)) for (const r of generator.day(day)) if (r.kind === 'pos') out.push(posReceipt.parse(r.value));
  return out;
}

/** week|county|township|category -> [lines, qty, amount], summed from the receipts themselves. */
function expected(all: PosReceipt[], cut: (category: string) => string) {
  const sums = new Map<string, [number, number, number]>();
  for (const r of all) {
    for (const row of posRows(r)) {
      const key = [mondayOf(String(row.sold_at).slice(0, 10)), row.county_code, row.township_code, cut(String(row.category))].join('|');
      const s = sums.get(key) ?? [0, 0, 0];
      s[0] += 1;
      s[1] += Number(row.quantity);
      s[2] += Number(row.amount_fen);
      sums.set(key, s);
    }
  }
  return [...sums].map(([k, [lines, qty, amount]]) => `${k}|${lines}|${qty}|${amount}`).sort();
}

async function actual(wh: ReturnType<typeof createEmbeddedWarehouse>, table: string, column: string) {
  const rows = await wh.query<{ k: string }>(`SELECT concat(toString(week), '|', county_code, '|', township_code, '|', toString(${column}), '|',
      toString(sum(lines)), '|', toString(sum(qty)), '|', toString(sum(amount_fen))) AS k
    FROM ${table} GROUP BY week, county_code, township_code, ${column}`);
  return rows.map((r) => r.k).sort();
}

const top = (c: string) => c.split('.')[0]!;

test(`kept by the views, batch by batch, and backfilled by the migration (seed ${seed})`, async () => {
  const all = receipts(24); // four ISO weeks and a part
  const half = Math.floor(all.length / 2);
  const dir = mkdtempSync(join(tmpdir(), 'cx-weekly-'));
  dirs.push(dir);
  const wh = createEmbeddedWarehouse({ path: dir });
  try {
    // The first half lands before migration 0023 (a warehouse upgraded with data in it)...
    await migrate(wh, migrations.filter((m) => m.name < '0023')); // before the weekly and station rollups
    await wh.insert('pos_lines', all.slice(0, half).flatMap(posRows));
    await migrate(wh, migrations);
    // ...the second after it, in three batches, through the views.
    const rest = all.slice(half);
    for (let i = 0; i < 3; i++) await wh.insert('pos_lines', rest.slice(Math.floor((i * rest.length) / 3), Math.floor(((i + 1) * rest.length) / 3)).flatMap(posRows));

    const leaf = expected(all, (c) => c);
    expect(leaf.length).toBeGreaterThan(500);
    expect(await actual(wh, 'demand_weekly_leaf', 'category')).toEqual(leaf);
    expect(await actual(wh, 'demand_weekly_top', 'top_category')).toEqual(expected(all, top));
    // demand_weekly_area (0025): all categories, backfilled from demand_weekly_top, then kept by
    // a view on it (a third level of views).
    expect(await actual(wh, 'demand_weekly_area', "''")).toEqual(expected(all, () => ''));
    // station_months (migration 0024): each store's last day of sales in each month.
    const lastDays = new Map<string, string>();
    for (const r of all) {
      const day = String(posRows(r)[0]!.sold_at).slice(0, 10);
      const key = `${r.storeId}|${day.slice(0, 7)}`;
      if (day > (lastDays.get(key) ?? '')) lastDays.set(key, day);
    }
    const months = await wh.query<{ k: string }>(`SELECT concat(id, '|', substring(toString(month), 1, 7), '|', toString(max(last_day))) AS k
      FROM station_months GROUP BY id, month`);
    expect(months.map((m) => m.k).sort()).toEqual([...lastDays].map(([k, d]) => `${k}|${d}`).sort());
  } finally {
    await wh.close();
  }
}, 120_000);
