import request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { IngestStatus } from '../../api/routes/health.ts';
import { migrations, openFixtureWarehouse, queries, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

const ingest: IngestStatus = { running: true, source: 'in-process (live)', accepted: 10, rejected: 1, lastFlushAt: null };

test('200 when the warehouse answers, all migrations are applied and ingest runs', async () => {
  const res = await request(createApp({ auth: { secret: 'x'.repeat(32) }, warehouse: wh, queries, migrations, ingest: () => ingest })).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    ok: true,
    warehouse: { reachable: true },
    migrations: { applied: migrations.length, missing: [] },
    ingest,
  });
  expect(res.body.warehouse.engine).toMatch(/^chdb 26\./);
});

test('503 naming the part that is down: ingest stopped', async () => {
  const res = await request(createApp({ auth: { secret: 'x'.repeat(32) }, warehouse: wh, queries, migrations, ingest: () => ({ ...ingest, running: false }) })).get('/healthz');
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ ok: false, ingest: { running: false } });
});

test('503 naming the part that is down: a migration not applied', async () => {
  const future = [...migrations, { version: 99, name: '0099_future', checksum: 'x', statements: [] }];
  const res = await request(createApp({ auth: { secret: 'x'.repeat(32) }, warehouse: wh, queries, migrations: future })).get('/healthz');
  expect(res.status).toBe(503);
  expect(res.body.migrations).toEqual({ applied: migrations.length, missing: ['0099_future'] });
});

test('503 when the warehouse does not answer', async () => {
  const down = { ...wh, ping: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:8123'); } };
  const res = await request(createApp({ auth: { secret: 'x'.repeat(32) }, warehouse: down, queries, migrations })).get('/healthz');
  expect(res.status).toBe(503);
  expect(res.body.warehouse).toEqual({ reachable: false, engine: null, error: 'connect ECONNREFUSED 127.0.0.1:8123' });
});

test('while the warehouse does not answer, the migrations are unknown, not "all applied"', async () => {
  const down = { ...wh, ping: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:8123'); } };
  const res = await request(createApp({ auth: { secret: 'x'.repeat(32) }, warehouse: down, queries, migrations })).get('/healthz');
  expect(res.status).toBe(503);
  expect(res.body.migrations).toBeNull();
});

test('a source that has done all it was asked (a backfill with SIM_RATE=0) is healthy, not down', async () => {
  const done = { ...ingest, running: false, done: true, source: 'in-process (done)' };
  const res = await request(createApp({ auth: { secret: 'x'.repeat(32) }, warehouse: wh, queries, migrations, ingest: () => done })).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ ok: true, ingest: { running: false, done: true } });
});
