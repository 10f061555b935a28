import { describe, expect, test } from 'vitest';
import { fetchHeatmap, HeatmapRequestError, heatmapUrl } from '../../web/api-client.ts';

const json = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const BODY = {
  area: { code: '5323', name: '楚雄彝族自治州', level: 'prefecture' }, path: [], childLevel: 'county', category: null,
  from: '2026-03-02', to: '2026-03-16', rows: [{ code: '532301', name: '楚雄市' }],
  weeks: [{ week: '2026-W10', start: '2026-03-02' }], cells: [{ areaCode: '532301', week: '2026-W10', qty: 5, amountFen: 1500 }], suppressed: [], suppressionThreshold: null,
};

describe('heatmapUrl', () => {
  test('sends only the parameters that are set, so the API defaults the rest', () => {
    expect(heatmapUrl({})).toBe('/api/demand/heatmap');
    expect(heatmapUrl({ area: '532302', category: 'beverages', from: '2026-03-02', to: undefined }))
      .toBe('/api/demand/heatmap?area=532302&category=beverages&from=2026-03-02');
  });
});

describe('fetchHeatmap', () => {
  test('a 200 body is parsed with the contract', async () => {
    expect(await fetchHeatmap({}, { fetch: json(200, BODY) })).toEqual(BODY);
  });

  test('a 400 carries the API\'s message and field', async () => {
    const error = await fetchHeatmap({ from: '2026-03-10', to: '2026-03-02' }, {
      fetch: json(400, { error: 'bad_request', message: 'to: must be after from', field: 'to' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeatmapRequestError);
    expect(error).toMatchObject({ kind: 'api', status: 400, field: 'to', message: 'to: must be after from' });
  });

  test('an error page without an API body falls back to the status line', async () => {
    const fetch = async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(fetchHeatmap({}, { fetch })).rejects.toMatchObject({ kind: 'api', status: 502, message: 'HTTP 502 Bad Gateway' });
  });

  test('a network failure and a body off the contract are told apart', async () => {
    const down = async (): Promise<Response> => { throw new TypeError('Failed to fetch'); };
    await expect(fetchHeatmap({}, { fetch: down })).rejects.toMatchObject({ kind: 'network', message: 'Failed to fetch' });
    await expect(fetchHeatmap({}, { fetch: json(200, { ...BODY, cells: [{ areaCode: '532301', week: 'W10', qty: 1, amountFen: 1 }] }) }))
      .rejects.toMatchObject({ kind: 'invalid', message: 'cells.0.week: Invalid string: must match pattern /^\\d{4}-W\\d{2}$/' });
  });
});
