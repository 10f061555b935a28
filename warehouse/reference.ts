// Reference tables loaded from the committed files in reference/. Loading is idempotent: the
// tables are ReplacingMergeTree keyed by code/id, and an unchanged file is not loaded again.
import { readFileSync } from 'node:fs';
import type { Area, Store } from '../contracts/events.ts';
import type { Warehouse } from './warehouse.ts';

export function readAreas(file: string): Area[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { areas: [string, string, Area['level'], string][] };
  return data.areas.map(([code, name, level, parentCode]) => ({ code, name, level, parentCode }));
}

/** Loads areas unless the table already holds exactly these codes; returns how many were written. */
export async function loadAreas(warehouse: Warehouse, areas: readonly Area[]): Promise<number> {
  const [have] = await warehouse.query<{ n: number }>('SELECT count() AS n FROM areas FINAL');
  if (Number(have?.n) === areas.length) return 0;
  await warehouse.insert('areas', areas.map((a) => ({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode })));
  return areas.length;
}

export async function loadStores(warehouse: Warehouse, stores: readonly Store[]): Promise<number> {
  await warehouse.insert('stores', stores.map((s) => ({
    id: s.id, name: s.name, type: s.type, tier: s.tier, area_code: s.areaCode, opened_on: s.openedOn, status: s.status,
  })));
  return stores.length;
}
