// Stores and stations laid over the real Chuxiong townships and villages: one e-commerce station
// per township, convenience stores in towns (镇), village shops in part of the villages. The
// numbers per township are assumptions for plausible data until the registry of stores is loaded.
import type { Area, Store } from '../../contracts/events.ts';
import { createRandom } from './random.ts';

export function deriveStores(areas: readonly Area[], seed: number): Store[] {
  const rnd = createRandom(seed ^ 0x5f0e);
  const villagesOf = new Map<string, Area[]>();
  for (const a of areas) {
    if (a.level !== 'village') continue;
    const list = villagesOf.get(a.parentCode);
    if (list) list.push(a);
    else villagesOf.set(a.parentCode, [a]);
  }
  const stores: Store[] = [];
  const add = (s: Omit<Store, 'openedOn' | 'status'>) =>
    stores.push({ ...s, openedOn: `20${rnd.int(15, 20)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`, status: 'active' });
  for (const t of areas.filter((a) => a.level === 'township')) {
    add({ id: `ST-${t.code}`, name: `${t.name}电商服务站`, type: 'township_station', tier: 2, areaCode: t.code });
    const towns = t.name.endsWith('镇') || t.name.endsWith('街道') ? rnd.int(1, 3) : rnd.int(0, 1);
    for (let i = 1; i <= towns; i++) {
      add({ id: `CS-${t.code}-${i}`, name: `${t.name}便利店${i}号`, type: 'convenience_store', tier: 2, areaCode: t.code });
    }
    for (const v of villagesOf.get(t.code) ?? []) {
      if (rnd.chance(0.45)) add({ id: `VS-${v.code}`, name: `${v.name}小卖部`, type: 'village_shop', tier: 3, areaCode: v.code });
    }
  }
  return stores;
}
