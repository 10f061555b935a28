import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { heatmapResponse } from '../../contracts/demand.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { insertPosFixture } from '../fixtures/warehouse.ts';

let t: TestApp;
let analyst: Awaited<ReturnType<TestApp['agent']>>;
beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z') });
  await insertPosFixture(t.wh);
  analyst = await t.agent('analyst');
});
afterAll(() => t.close());

async function heatmap(query: string, agent = analyst) {
  const res = await agent.get(`/api/demand/heatmap${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return heatmapResponse.parse(res.body);
}

describe('GET /api/demand/heatmap', () => {
  test('prefecture by county and ISO week: exact cells', async () => {
    const body = await heatmap('?from=2026-03-02&to=2026-03-16');
    expect(body.area).toEqual({ code: '5323', name: '楚雄彝族自治州', level: 'prefecture' });
    expect(body.path).toEqual([]);
    expect(body.childLevel).toBe('county');
    expect(body.rows.map((r) => r.name)).toEqual(['楚雄市', '禄丰市', '双柏县', '牟定县', '南华县', '姚安县', '大姚县', '永仁县', '元谋县', '武定县']);
    expect(body.weeks).toEqual([{ week: '2026-W10', start: '2026-03-02' }, { week: '2026-W11', start: '2026-03-09' }]);
    expect(body.cells).toEqual([
      { areaCode: '532301', week: '2026-W11', qty: 5, amountFen: 1500 },
      { areaCode: '532302', week: '2026-W10', qty: 6, amountFen: 5290 },
      { areaCode: '532329', week: '2026-W11', qty: 1, amountFen: 2500 },
    ]);
    expect(body.suppressed).toEqual([]);
    expect(body.suppressionThreshold).toBeNull();
  });

  test('a category matches everything beneath it', async () => {
    const body = await heatmap('?from=2026-03-02&to=2026-03-16&category=beverages');
    expect(body.category).toBe('beverages');
    expect(body.cells).toEqual([{ areaCode: '532302', week: '2026-W10', qty: 5, amountFen: 1300 }]);
    const tea = await heatmap('?from=2026-03-02&to=2026-03-16&category=beverages.tea');
    expect(tea.cells).toEqual([{ areaCode: '532302', week: '2026-W10', qty: 2, amountFen: 700 }]);
  });

  test('a county drills down to its townships', async () => {
    const body = await heatmap('?area=532302&from=2026-03-02&to=2026-03-16');
    expect(body.childLevel).toBe('township');
    expect(body.rows).toHaveLength(14);
    expect(body.rows[0]).toEqual({ code: '532302101', name: '金山镇' });
    expect(body.cells).toEqual([{ areaCode: '532302101', week: '2026-W10', qty: 6, amountFen: 5290 }]);
  });

  test('a township drills down to villages, and sales at the township itself keep their own row', async () => {
    const body = await heatmap('?area=532302101&from=2026-03-02&to=2026-03-16');
    expect(body.childLevel).toBe('village');
    expect(body.path).toEqual([{ code: '5323', name: '楚雄彝族自治州' }, { code: '532302', name: '禄丰市' }]);
    expect(body.rows.find((r) => r.code === '532302101')).toEqual({ code: '532302101', name: '金山镇' });
    expect(body.rows.find((r) => r.code === '532302101001')?.name).toBe('董户村社区居民委员会');
    expect(body.cells).toEqual([
      { areaCode: '532302101', week: '2026-W10', qty: 2, amountFen: 700 },
      { areaCode: '532302101001', week: '2026-W10', qty: 4, amountFen: 4590 },
    ]);
  });

  test('defaults: the caller\'s home area (the prefecture for an analyst), all categories, the 12 weeks ending with the last week of data', async () => {
    const body = await heatmap('');
    expect(body.area.code).toBe('5323');
    expect(body.category).toBeNull();
    expect(body.from).toBe('2025-12-22');
    expect(body.to).toBe('2026-03-16');
    expect(body.weeks).toHaveLength(12);
    expect(body.weeks[0]).toEqual({ week: '2025-W52', start: '2025-12-22' });
    expect(body.weeks.at(-1)).toEqual({ week: '2026-W11', start: '2026-03-09' });
    expect(body.cells).toHaveLength(3);
  });

  test('a Lufeng official opens on Lufeng, and the default range ends with Lufeng\'s own last week of data', async () => {
    const body = await heatmap('', await t.agent('lufeng'));
    expect(body.area).toEqual({ code: '532302', name: '禄丰市', level: 'county' });
    // Lufeng's last sale is in W10 (R-2, 2026-03-08); the prefecture's in W11.
    expect(body.to).toBe('2026-03-09');
    expect(body.cells).toEqual([{ areaCode: '532302101', week: '2026-W10', qty: 6, amountFen: 5290 }]);
  });

  test('only from given: the 12 weeks from it, held at the week under way (Friday 2026-03-20) and marked partial', async () => {
    const body = await heatmap('?from=2026-03-02');
    expect(body.to).toBe('2026-03-23');
    expect(body.weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(body.partialThrough).toBe('2026-03-20');
    expect((await heatmap('?from=2025-12-01')).to).toBe('2026-02-23'); // 12 whole weeks in the past: as asked
  });

  test('columns are whole ISO weeks: a mid-week range widens to its Mondays', async () => {
    const body = await heatmap('?from=2026-03-04&to=2026-03-10');
    expect([body.from, body.to]).toEqual(['2026-03-02', '2026-03-16']);
    expect(body.cells).toHaveLength(3);
  });

  test('a range with no sales is empty, not an error', async () => {
    const body = await heatmap('?from=2025-01-06&to=2025-01-13');
    expect(body.cells).toEqual([]);
    expect(body.rows).toHaveLength(10);
  });

  test.each([
    ['?area=5301', 'area', 'area: must be 5323 (the prefecture), a 6-digit county or a 9-digit township code in Chuxiong'],
    ['?area=532399', 'area', 'area: unknown area code 532399'],
    ['?area=532302101001', 'area', 'area: must be 5323 (the prefecture), a 6-digit county or a 9-digit township code in Chuxiong'],
    ['?from=2026-02-30', 'from', 'from: must be a calendar day YYYY-MM-DD'],
    ['?from=2026-03-16&to=2026-03-02', 'to', 'to: must be after from'],
    ['?from=2020-01-01&to=2026-01-01', 'to', 'to: range must be at most three years'],
    ['?category=Beverages', 'category', 'category: must be a dotted lower-case path like beverages.tea'],
    ['?category=a&category=b', 'category', 'category: Invalid input: expected string, received array'],
    ['?colour=red', 'colour', 'colour: unknown parameter colour'],
    ['?=red', '(empty name)', '(empty name): unknown parameter (empty name)'], // found by the fuzz test
  ])('400 for %s names the field', async (query, field, message) => {
    const res = await analyst.get(`/api/demand/heatmap${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', field, message });
  });

  test('a Lufeng official asking for another county gets 403 naming the scope', async () => {
    const res = await (await t.agent('lufeng')).get('/api/demand/heatmap?area=532301');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', message: 'area 532301 is outside your scope: area 532302 (禄丰市)', scope: ['532302'] });
  });

  test('without signing in: 401', async () => {
    const res = await request(t.app).get('/api/demand/heatmap');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthorized', message: 'sign in first' });
  });

  test('an unknown API path is a JSON 404', async () => {
    const res = await request(t.app).get('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not_found', message: 'no such endpoint: GET /api/nothing' });
  });
});
