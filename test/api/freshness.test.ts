// GET /api/freshness: the newest event of each stream, and while a first start loads past data,
// how far it is: read as it is at each request, not kept with the streams' figures for their ten
// seconds, nor answered 304 by an ETag of the data's version (a backfill ends with no new data).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshness } from '../../contracts/platform.ts';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { POS_FIXTURE } from '../fixtures/warehouse.ts';

let t: TestApp;
let backfill: { done: number; total: number } | null = { done: 40, total: 365 };
beforeAll(async () => {
  t = await openTestApp({ accounts: ['merchant'], extra: { backfill: () => backfill } });
  await t.wh.insert('pos_lines', POS_FIXTURE.flatMap(posRows));
}, 60_000);
afterAll(() => t.close());

test('the days loaded while a backfill runs, then null; the streams\' newest events beside them', async () => {
  const agent = await t.agent('merchant');
  const first = await agent.get('/api/freshness');
  expect(first.status).toBe(200);
  const body = freshness.parse(first.body);
  expect(body.backfill).toEqual({ daysLoaded: 40, daysTotal: 365 });
  // The fixture's newest POS sale (R-4), its 4 receipts' lines; no distribution or parcel rows.
  expect(body.streams.map((s) => [s.stream, s.latest, s.rows])).toEqual([
    ['pos', '2026-03-15 23:59:59', POS_FIXTURE.flatMap(posRows).length], ['distribution', null, 0], ['parcel', null, 0]]);

  // Asked again with the first answer's tag, no new data in between: the new figure, not a 304.
  backfill = { done: 41, total: 365 };
  const second = await agent.get('/api/freshness').set('If-None-Match', first.headers.etag ?? '');
  expect(second.status).toBe(200);
  expect(second.body.backfill).toEqual({ daysLoaded: 41, daysTotal: 365 });
  backfill = null;
  const done = await agent.get('/api/freshness').set('If-None-Match', second.headers.etag ?? '');
  expect([done.status, done.body.backfill]).toEqual([200, null]);
});
