// The areas and stores of the reference, held in memory: every request's scope check needs them
// (which county a store is in, whether an area exists), and asking the warehouse each time would
// double the round trips. Refreshed after `ttlMs`, so an official's reload reaches the API
// within a minute; a failed refresh keeps serving the last good copy.
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface AreaInfo { code: string; name: string; level: string; parentCode: string }
export interface StoreInfo { id: string; name: string; type: string; tier: number; areaCode: string; openedOn: string; status: string }

/** Where a store is registered, as the store rollups' keys begin (county, township, village; the
 *  village empty for a store registered at a township): a query naming all three reads only the
 *  store's own rows. */
export function storeKey(s: Pick<StoreInfo, 'areaCode'>) {
  return { county: s.areaCode.slice(0, 6), township: s.areaCode.slice(0, 9), village: s.areaCode.length === 12 ? s.areaCode : '' };
}

export interface Directory {
  area(code: string): Promise<AreaInfo | undefined>;
  store(id: string): Promise<StoreInfo | undefined>;
  stores(): Promise<readonly StoreInfo[]>;
  /** Every area whose code starts with `code` (itself included), in code order. */
  areasUnder(code: string): Promise<readonly AreaInfo[]>;
  /** Forgets the copy in hand, so the next call reads the warehouse again. */
  invalidate(): void;
}

interface Snapshot { areas: Map<string, AreaInfo>; areaList: AreaInfo[]; stores: Map<string, StoreInfo>; list: StoreInfo[]; at: number }

export function createDirectory(deps: { warehouse: Warehouse; queries: Queries; clock?: () => number; ttlMs?: number }): Directory {
  const { warehouse, queries, clock = Date.now, ttlMs = 60_000 } = deps;
  let current: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;

  async function load(): Promise<Snapshot> {
    const [areas, stores] = await Promise.all([
      warehouse.query<{ code: string; name: string; level: string; parent_code: string }>(queries['areas-all']),
      warehouse.query<{ id: string; name: string; type: string; tier: number; area_code: string; opened_on: string; status: string }>(queries['stores-all']),
    ]);
    const list = stores.map((s) => ({ id: s.id, name: s.name, type: s.type, tier: Number(s.tier), areaCode: s.area_code, openedOn: s.opened_on, status: s.status }));
    const areaList = areas.map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parent_code }));
    return {
      areas: new Map(areaList.map((a) => [a.code, a])),
      areaList,
      stores: new Map(list.map((s) => [s.id, s])),
      list,
      at: clock(),
    };
  }

  async function snapshot(): Promise<Snapshot> {
    if (current && clock() - current.at < ttlMs) return current;
    loading ??= load().then(
      (s) => { current = s; loading = undefined; return s; },
      (e) => { loading = undefined; if (current) return current; throw e; },
    );
    return loading;
  }

  return {
    async area(code) { return (await snapshot()).areas.get(code); },
    async store(id) { return (await snapshot()).stores.get(id); },
    async stores() { return (await snapshot()).list; },
    async areasUnder(code) { return (await snapshot()).areaList.filter((a) => a.code.startsWith(code)); },
    invalidate() { current = undefined; },
  };
}
