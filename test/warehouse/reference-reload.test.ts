// Reference files are reloaded when their content changes, not their row count, and a reload
// never undoes what an official set in the cockpit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadPlanTargets, targetRow } from '../../warehouse/officials-reference.ts';
import { loadProducts, readProducts } from '../../warehouse/reference-tables.ts';
import { openFixtureWarehouse, ROOT, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
const dir = mkdtempSync(join(tmpdir(), 'cx-reload-'));
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(async () => {
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a product renamed in place (same row count) is loaded again; an unchanged file writes nothing', async () => {
  const products = readProducts(join(ROOT, 'reference/products.json'));
  expect(await loadProducts(wh, products)).toBe(products.length);
  expect(await loadProducts(wh, products)).toBe(0);
  const sku = products[3]!.sku;
  const renamed = products.map((p) => (p.sku === sku ? { ...p, name: `${p.name}（新包装）` } : p));
  expect(await loadProducts(wh, renamed)).toBe(products.length);
  const [row] = await wh.query<{ name: string }>(`SELECT name FROM products FINAL WHERE sku = '${sku}'`);
  expect(row!.name).toBe(`${products[3]!.name}（新包装）`);
  expect((await wh.query<{ n: number }>('SELECT count() AS n FROM products FINAL'))[0]!.n).toBe(products.length);
});

test("a changed targets file updates the targets no official touched, and leaves an official's own target alone", async () => {
  const file = join(ROOT, 'reference/plan-targets.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { targets: { id: string; target: number }[] };
  const written = await loadPlanTargets(wh, file);
  expect(written).toBe(data.targets.length);
  const [mine, theirs] = [data.targets[0]!, data.targets[1]!];
  // An official sets the first target in the cockpit (a newer version, by their login).
  const official = readPlanTargetsRow(data, mine.id, 42);
  await wh.insert('plan_targets', [targetRow(official, Date.parse('2026-11-01T00:00:00Z'), 'official-lufeng')]);
  // The committed file changes both the first and the second target; same row count.
  const changed = join(dir, 'plan-targets.json');
  writeFileSync(changed, JSON.stringify({ ...data, targets: data.targets.map((t) => (t.id === mine.id || t.id === theirs.id ? { ...t, target: t.target + 1000 } : t)) }));
  expect(await loadPlanTargets(wh, changed)).toBe(data.targets.length);
  const now = new Map((await wh.query<{ id: string; target: number; changed_by: string }>('SELECT id, target, changed_by FROM plan_targets FINAL')).map((r) => [r.id, r]));
  expect(now.get(mine.id)).toMatchObject({ target: 42, changed_by: 'official-lufeng' });
  expect(now.get(theirs.id)).toMatchObject({ target: theirs.target + 1000, changed_by: 'reference/plan-targets.json' });
  expect(await loadPlanTargets(wh, changed)).toBe(0);
});

function readPlanTargetsRow(data: { targets: unknown[] }, id: string, target: number) {
  const t = data.targets.find((x) => (x as { id: string }).id === id) as Parameters<typeof targetRow>[0];
  return { ...t, target };
}
