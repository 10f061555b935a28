// The id lookup of the exactly-once ingest (ingest/identity.ts claimsOf) on the engine: ids sent as
// one text split by the engine must find exactly the holders a plain reading of the claims gives,
// ids with every character an id may hold included, and a batch of 40,000 ids (as an Array(String)
// parameter chdb took minutes over that many; docs/performance.md).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { claimIds, claimsOf } from '../../ingest/identity.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => { wh = await openFixtureWarehouse({ withAreas: false }); }, 60_000);
afterAll(() => wh.close());

const day = '2026-03-02';
const keyed = (ids: string[]) => ids.map((id) => ({ id, day }));

test('own, elsewhere, given back and unknown ids, with . _ : - in them', async () => {
  await claimIds(wh, 'pos', keyed(['R.1', 'R_2', 'R:3', 'R-4']), 'batch-A');
  await claimIds(wh, 'pos', keyed(['S.1', 'S:2']), 'batch-B');
  await claimIds(wh, 'pos', keyed(['S:2']), 'batch-B', true); // S:2 given back: free again
  await claimIds(wh, 'parcel', keyed(['R.1']), 'batch-C'); // another stream's id of the same text
  const claims = await claimsOf(wh, 'pos', keyed(['R.1', 'R_2', 'R:3', 'R-4', 'S.1', 'S:2', 'T.9', 'R.1']), 'batch-A');
  expect({ own: [...claims.own].sort(), elsewhere: [...claims.elsewhere].sort() })
    .toEqual({ own: ['R-4', 'R.1', 'R:3', 'R_2'], elsewhere: ['S.1'] });
});

test('40,000 ids in one lookup: every other one held elsewhere', async () => {
  const ids = Array.from({ length: 40_000 }, (_, i) => `R20260302-ST-532302101-${i}`);
  await claimIds(wh, 'pos', keyed(ids.filter((_, i) => i % 2 === 0)), 'batch-X');
  const claims = await claimsOf(wh, 'pos', keyed(ids), 'batch-Y');
  expect({ own: claims.own.size, elsewhere: claims.elsewhere.size, first: claims.elsewhere.has(ids[0]!), second: claims.elsewhere.has(ids[1]!) })
    .toEqual({ own: 0, elsewhere: 20_000, first: true, second: false });
}, 120_000);
