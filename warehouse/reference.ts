// Reference tables loaded from the committed files in reference/. Loading is idempotent: the
// tables are ReplacingMergeTree keyed by code/id, and an unchanged file is not loaded again.
import { readFileSync } from 'node:fs';
import type { Area, Store } from '../contracts/events.ts';
import type { Warehouse } from './warehouse.ts';

export function readAreas(file: string): Area[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { areas: [string, string, Area['level'], string][] };
  return data.areas.map(([code, name, level, parentCode]) => ({ code, name, level, parentCode }));
}

/**
 * Writes the rows unless the table already holds as many (read with FINAL); returns how many were
 * written. A reload therefore writes nothing, and ReplacingMergeTree keeps a changed row's newest
 * version. An edit that keeps the count is not noticed: a content checksum would be the next step.
 */
export async function loadUnlessPresent(warehouse: Warehouse, table: string, rows: readonly Record<string, unknown>[]): Promise<number> {
  const [have] = await warehouse.query<{ n: number }>(`SELECT count() AS n FROM ${table} FINAL`);
  if (rows.length === 0 || Number(have?.n ?? 0) === rows.length) return 0;
  await warehouse.insert(table, rows);
  return rows.length;
}

export function loadAreas(warehouse: Warehouse, areas: readonly Area[]): Promise<number> {
  return loadUnlessPresent(warehouse, 'areas', areas.map((a) => ({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode })));
}

export function loadStores(warehouse: Warehouse, stores: readonly Store[]): Promise<number> {
  return loadUnlessPresent(warehouse, 'stores', stores.map((s) => ({
    id: s.id, name: s.name, type: s.type, tier: s.tier, area_code: s.areaCode, opened_on: s.openedOn, status: s.status,
  })));
}
