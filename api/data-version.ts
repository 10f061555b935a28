// A version of the warehouse's data, for ETags keyed to data freshness: it changes when any part
// is written, merged or dropped, and the same data gives the same version. Read at most once a
// second, so answering 304 costs one cheap query a second, not the view's query.
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface DataVersion {
  current(): Promise<string>;
  /** The data was just changed (a write through the API): the next `current()` reads the version
   *  again, so neither a 304 nor a kept answer outlives the write by the refresh interval. */
  changed(): void;
  /** Stops the refresh timer. */
  close(): void;
}

/** The version is re-read on a timer every `ttlMs`, off the requests' path: a request waits for it
 *  only when the timer has fallen behind (the first request, or a warehouse too busy to answer). */
export function createDataVersion(deps: { reader: Pick<Warehouse, 'query'>; queries: Queries; clock?: () => number; ttlMs?: number; timer?: boolean }): DataVersion {
  const { reader, queries, clock = Date.now, ttlMs = 1_000, timer = true } = deps;
  let held: { at: number; value: Promise<string> } | undefined;
  let latest: { at: number; value: string } | undefined;
  let writes = 0; // a read started before a write may answer with the version before it: not kept
  const refresh = () => {
    const at = clock();
    const started = writes;
    const value = reader.query<{ modified: number; parts: number; rows: number }>(queries['data-version'])
      .then(([r]) => `${r?.modified ?? 0}.${r?.parts ?? 0}.${r?.rows ?? 0}`);
    held = { at, value };
    value.then((v) => { if (started === writes && (!latest || at >= latest.at)) latest = { at, value: v }; }, () => { if (held?.value === value) held = undefined; });
    return value;
  };
  const interval = timer ? setInterval(() => void refresh().catch(() => {}), ttlMs) : undefined;
  interval?.unref();
  return {
    current() {
      // A value read less than ttlMs ago, settled: no wait.
      if (latest && clock() - latest.at < ttlMs) return Promise.resolve(latest.value);
      if (!held || clock() - held.at >= ttlMs) return refresh();
      return held.value;
    },
    changed() {
      writes++;
      latest = undefined;
      held = undefined;
    },
    close() {
      if (interval) clearInterval(interval);
    },
  };
}
