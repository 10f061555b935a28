// A month after the current one (by the Shanghai calendar, on the app's clock) has no data yet: the
// cockpit's routes refuse it with a 400 naming the field, instead of showing zeros as if they were
// figures. At 2026-11-30 15:59:59 UTC it is 23:59:59 in Shanghai and November is current; at 19:13
// UTC it is already 2026-12-01 03:13 there, so December is current though UTC is still in November.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestApp, type TestApp } from '../../fixtures/app.ts';

let t: TestApp;
let agent: Awaited<ReturnType<TestApp['agent']>>;
// One second before midnight in Shanghai first; the clock only moves forward (the rate limits
// count in windows of it).
let now = Date.parse('2026-11-30T15:59:59Z');
beforeAll(async () => {
  t = await openTestApp({ clock: () => now, accounts: ['lufeng'] });
  agent = await t.agent('lufeng');
});
afterAll(() => t.close());

describe('at 2026-11-30 23:59:59 in Shanghai', () => {
  test('December is still ahead, November is current', async () => {
    const res = await agent.get('/api/official/overview?month=2026-12');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('month: 2026-12 is after the current month 2026-11');
    expect((await agent.get('/api/official/overview?month=2026-11')).status).toBe(200);
  });
});

describe('a month after the current Shanghai month', () => {
  beforeAll(() => { now = Date.parse('2026-11-30T19:13:00Z'); });

  test.each([
    ['/api/official/overview?month=2027-03', 'month', 'month: 2027-03 is after the current month 2026-12'],
    ['/api/official/stations?month=2027-01', 'month', 'month: 2027-01 is after the current month 2026-12'],
    ['/api/official/trend?to=2027-03', 'to', 'to: 2027-03 is after the current month 2026-12'],
    ['/api/official/trend.svg?to=2099-12', 'to', 'to: 2099-12 is after the current month 2026-12'],
  ])('GET %s is a 400 naming %s', async (url, field, message) => {
    const res = await agent.get(url);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', message, field });
  });

  test('producing the report of a future month is a 400 naming month, and writes nothing', async () => {
    const res = await agent.post('/api/official/reports?area=532302&month=2027-01');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', message: 'month: 2027-01 is after the current month 2026-12', field: 'month' });
    expect((await agent.get('/api/official/reports')).body).toEqual({ reports: [] });
  });
});

describe('the current Shanghai month is still accepted', () => {
  test('December 2026 at 03:13 on December 1st in Shanghai (still November in UTC)', async () => {
    const overview = await agent.get('/api/official/overview?month=2026-12');
    expect(overview.status).toBe(200);
    expect(overview.body.month).toBe('2026-12');
    const stations = await agent.get('/api/official/stations?month=2026-12');
    expect(stations.status).toBe(200);
    expect(stations.body.month).toBe('2026-12');
    const trend = await agent.get('/api/official/trend?to=2026-12&months=2');
    expect(trend.status).toBe(200);
    expect([trend.body.from, trend.body.to]).toEqual(['2026-11', '2026-12']);
  });

  test('but not for a report: December has not ended, so its report is refused and nothing is written', async () => {
    const res = await agent.post('/api/official/reports?area=532302&month=2026-12');
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: {
      error: 'bad_request', field: 'month', message: 'month: 2026-12 has not ended: a monthly report covers a whole month' } });
    expect((await agent.get('/api/official/reports')).body).toEqual({ reports: [] });
  });

});
