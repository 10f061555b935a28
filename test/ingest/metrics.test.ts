import request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../api/app.ts';
import { renderMetrics } from '../../ingest/metrics.ts';
import { createStats } from '../../ingest/stats.ts';
import { migrations, openFixtureWarehouse, queries, type FixtureWarehouse } from '../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

function sampleStats() {
  const s = createStats();
  for (let i = 0; i < 5; i++) s.consumed();
  s.rejected('schema');
  s.duplicates(1);
  s.inserted('pos_lines', 7, 3);
  s.flushed(7, 40, Date.parse('2026-03-01T00:00:00Z'));
  return s.snapshot();
}

test('Prometheus text: counters by reason and table, batch histograms, lag per partition', () => {
  const text = renderMetrics({ source: 'kafka', stats: sampleStats(), lag: [{ key: 'cx.pos/2', highWatermark: 120n, committed: 100n }] });
  const lines = text.split('\n');
  for (const line of [
    'cx_ingest_consumed_total{source="kafka"} 5',
    'cx_ingest_accepted_total{source="kafka"} 3',
    'cx_ingest_rejected_total{source="kafka",reason="schema"} 1',
    'cx_ingest_duplicates_total{source="kafka"} 1',
    'cx_ingest_rows_inserted_total{source="kafka",table="pos_lines"} 7',
    'cx_ingest_batch_rows_bucket{source="kafka",le="10"} 1',
    'cx_ingest_batch_seconds_bucket{source="kafka",le="0.025"} 0',
    'cx_ingest_batch_seconds_bucket{source="kafka",le="0.1"} 1',
    'cx_ingest_batch_seconds_sum{source="kafka"} 0.04',
    'cx_ingest_consumer_lag{topic="cx.pos",partition="2"} 20',
  ]) expect(lines).toContain(line);
});

test('GET /metrics serves it as text/plain', async () => {
  const app = createApp({ warehouse: wh, queries, migrations, auth: { secret: 'x'.repeat(32) }, metrics: () => renderMetrics({ source: 'in-process', stats: sampleStats() }) });
  const res = await request(app).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(res.text).toContain('cx_ingest_consumed_total{source="in-process"} 5');
});
