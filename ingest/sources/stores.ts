// The outlets of the model, laid over the real Chuxiong townships and villages. Lufeng (532302),
// the demonstration county, has what its plan builds: a county e-commerce public service centre,
// a county logistics warehouse, a station in each of its 14 townships and 50 village logistics
// points. Every county has township stations, convenience stores in the towns, village shops,
// distributors and produce co-operatives. The counts per township are assumptions (a typical
// Yunnan township has 1-3 convenience stores at its seat and a shop in roughly half its
// villages), not a registry: an official replaces this table with the real one.
import type { Area, Store } from '../../contracts/events.ts';
import { createRandom, type Random } from './random.ts';

export const LUFENG = '532302';
const LUFENG_SEAT = '532302101'; // 金山镇, the county seat
const LUFENG_VILLAGE_POINTS = 50;

/** The day a store stops reporting, for the few that go silent; null for the rest. */
export function silentFrom(store: Store): string | null {
  if (store.status !== 'silent') return null;
  let h = 0;
  for (const c of store.id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `2026-${String(1 + (h % 9)).padStart(2, '0')}-${String(1 + (h % 27)).padStart(2, '0')}`;
}

function day(rnd: Random, fromYear: number, toYear: number): string {
  return `${rnd.int(fromYear, toYear)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
}

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
  const add = (s: Omit<Store, 'status'> & { status?: Store['status'] }) => stores.push({ status: 'active', ...s });

  add({ id: 'CC-532302', name: '禄丰市电子商务公共服务中心', type: 'county_centre', tier: 1, areaCode: LUFENG_SEAT, openedOn: '2020-09-28' });
  add({ id: 'WH-532302', name: '禄丰市电商物流仓储配送中心', type: 'county_warehouse', tier: 1, areaCode: LUFENG_SEAT, openedOn: '2020-11-16' });

  const counties = areas.filter((a) => a.level === 'county');
  for (const county of counties) {
    const n = rnd.int(2, 4);
    for (let i = 1; i <= n; i++) {
      const seat = areas.find((a) => a.parentCode === county.code && a.level === 'township')!;
      add({ id: `DS-${county.code}-${i}`, name: `${county.name}商贸批发${i}号`, type: 'distributor', tier: 1, areaCode: seat.code, openedOn: day(rnd, 2012, 2019) });
    }
  }

  for (const t of areas.filter((a) => a.level === 'township')) {
    const lufeng = t.code.startsWith(LUFENG);
    // Lufeng's stations opened with the 2020 programme; elsewhere they came over several years.
    add({
      id: `ST-${t.code}`, name: `${t.name}电商服务站`, type: 'township_station', tier: 2, areaCode: t.code,
      openedOn: lufeng ? `2020-${String(rnd.int(10, 12))}-${String(rnd.int(10, 28))}` : day(rnd, 2019, 2023),
      // A few stations outside the demonstration county stop reporting in 2026.
      status: !lufeng && rnd.chance(0.06) ? 'silent' : 'active',
    });
    const town = t.name.endsWith('镇') || t.name.endsWith('街道');
    for (let i = 1, n = town ? rnd.int(1, 3) : rnd.int(0, 1); i <= n; i++) {
      add({ id: `CS-${t.code}-${i}`, name: `${t.name}便利店${i}号`, type: 'convenience_store', tier: 2, areaCode: t.code, openedOn: day(rnd, 2010, 2022) });
    }
    if (rnd.chance(0.5)) {
      add({ id: `CO-${t.code}`, name: `${t.name}农民专业合作社`, type: 'cooperative', tier: 2, areaCode: t.code, openedOn: day(rnd, 2014, 2021) });
    }
    for (const v of villagesOf.get(t.code) ?? []) {
      if (rnd.chance(0.45)) {
        add({ id: `VS-${v.code}`, name: `${v.name.replace(/(社区)?(居民|村民)委员会$/, '')}小卖部`, type: 'village_shop', tier: 3, areaCode: v.code, openedOn: day(rnd, 2008, 2024) });
      }
    }
  }

  // Lufeng's 50 village logistics points, spread over its townships in code order.
  const lufengVillages = areas.filter((a) => a.level === 'village' && a.code.startsWith(LUFENG));
  const step = lufengVillages.length / LUFENG_VILLAGE_POINTS;
  for (let i = 0; i < LUFENG_VILLAGE_POINTS; i++) {
    const v = lufengVillages[Math.floor(i * step)]!;
    add({
      id: `VP-${v.code}`, name: `${v.name.replace(/(社区)?(居民|村民)委员会$/, '')}村级物流服务点`, type: 'village_point', tier: 3,
      areaCode: v.code, openedOn: `2021-${String(rnd.int(1, 6)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
    });
  }
  return stores;
}
