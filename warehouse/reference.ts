// Reference tables loaded from the committed files in reference/. Loading is idempotent: the
// tables are ReplacingMergeTree keyed by code/id, and an unchanged file is not loaded again (by a
// content checksum, not a row count: an edit that keeps the count is loaded too).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Area, Store } from '../contracts/events.ts';
import type { Warehouse } from './warehouse.ts';

export function readAreas(file: string): Area[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { areas: [string, string, Area['level'], string][] };
  return data.areas.map(([code, name, level, parentCode]) => ({ code, name, level, parentCode }));
}

/**
 * Writes the rows (through `write`, an insert into `name` by default) when they differ from what
 * was last loaded under `name`, by a content checksum kept in `reference_loads`; returns how many
 * were written (0: unchanged). The tables are ReplacingMergeTree keyed by code or id, so a reload
 * replaces changed rows; a row dropped from the file stays. Tables an official can edit load the
 * file's rows at version 1, below any official's edit, so a reload never undoes one.
 */
export async function loadIfChanged(warehouse: Warehouse, name: string, rows: readonly Record<string, unknown>[],
  write: (rows: readonly Record<string, unknown>[]) => Promise<void> = (r) => warehouse.insert(name, r)): Promise<number> {
  if (rows.length === 0) return 0;
  const checksum = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const [last] = await warehouse.query<{ checksum: string }>(`SELECT argMax(checksum, loaded_at) AS checksum FROM reference_loads WHERE name = '${name.replace(/[^a-z_]/g, '')}'`);
  if (last?.checksum === checksum) return 0;
  await write(rows);
  await warehouse.insert('reference_loads', [{ name, checksum, rows: rows.length }]);
  return rows.length;
}

export function loadAreas(warehouse: Warehouse, areas: readonly Area[]): Promise<number> {
  return loadIfChanged(warehouse, 'areas', areas.map((a) => ({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode })));
}

export function loadStores(warehouse: Warehouse, stores: readonly Store[]): Promise<number> {
  return loadIfChanged(warehouse, 'stores', stores.map((s) => ({
    id: s.id, name: s.name, type: s.type, tier: s.tier, area_code: s.areaCode, opened_on: s.openedOn, status: s.status,
  })));
}
