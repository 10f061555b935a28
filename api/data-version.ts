// A version of the warehouse's data, for ETags keyed to data freshness: it changes when any part
// is written, merged or dropped, and the same data gives the same version. Read at most once a
// second, so answering 304 costs one cheap query a second, not the view's query.
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface DataVersion {
  current(): Promise<string>;
}

export function createDataVersion(deps: { reader: Pick<Warehouse, 'query'>; queries: Queries; clock?: () => number; ttlMs?: number }): DataVersion {
  const { reader, queries, clock = Date.now, ttlMs = 1_000 } = deps;
  let held: { at: number; value: Promise<string> } | undefined;
  return {
    current() {
      if (!held || clock() - held.at >= ttlMs) {
        const value = reader.query<{ modified: number; parts: number; rows: number }>(queries['data-version'])
          .then(([r]) => `${r?.modified ?? 0}.${r?.parts ?? 0}.${r?.rows ?? 0}`);
        held = { at: clock(), value };
        value.catch(() => { held = undefined; });
      }
      return held.value;
    },
  };
}
