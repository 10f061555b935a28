import { describe, expect, test } from 'vitest';
import { apiGet, apiRequest, fetchHeatmap, HeatmapRequestError, heatmapUrl, setSavedAnswerHandler } from '../../web/api-client.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const BODY = {
  area: { code: '5323', name: '楚雄彝族自治州', level: 'prefecture' }, path: [], childLevel: 'county', category: null,
  from: '2026-03-02', to: '2026-03-16', rows: [{ code: '532301', name: '楚雄市' }],
  weeks: [{ week: '2026-W10', start: '2026-03-02' }], cells: [{ areaCode: '532301', week: '2026-W10', qty: 5, amountFen: 1500 }], suppressed: [], suppressionThreshold: null, partialThrough: null,
};

describe('heatmapUrl', () => {
  test('sends only the parameters that are set, so the API defaults the rest', () => {
    expect(heatmapUrl({})).toBe('/api/demand/heatmap');
    expect(heatmapUrl({ area: '532302', category: 'beverages', from: '2026-03-02', to: undefined }))
      .toBe('/api/demand/heatmap?area=532302&category=beverages&from=2026-03-02');
  });
});

describe('requests', () => {
  test('a 200 body arrives as sent', async () => {
    expect(await fetchHeatmap({}, { fetch: json(200, BODY) })).toEqual(BODY);
  });

  test('a 400 carries the API\'s message and field', async () => {
    const error = await fetchHeatmap({ from: '2026-03-10', to: '2026-03-02' }, {
      fetch: json(400, { error: 'bad_request', message: 'to: must be after from', field: 'to' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeatmapRequestError);
    expect(error).toMatchObject({ kind: 'api', status: 400, field: 'to', message: 'to: must be after from', code: 'bad_request' });
  });

  test('an error page without an API body falls back to the status line', async () => {
    const fetch = async () => new Response('<html>bad request</html>', { status: 400, statusText: 'Bad Request' });
    await expect(fetchHeatmap({}, { fetch })).rejects.toMatchObject({ kind: 'api', status: 400, message: 'HTTP 400 Bad Request' });
  });

  test('a body that is not JSON is told apart', async () => {
    const fetch = async () => new Response('<html>ok</html>', { status: 200 });
    await expect(fetchHeatmap({}, { fetch })).rejects.toMatchObject({ kind: 'invalid', message: 'the answer is not JSON' });
  });

  test('a GET that fails on the network is tried again with growing pauses, then reported', async () => {
    const calls: number[] = [];
    const started = Date.now();
    const down = async (): Promise<Response> => { calls.push(Date.now() - started); throw new TypeError('Failed to fetch'); };
    await expect(apiGet('/api/x', { fetch: down, backoffMs: 20, retries: 2 })).rejects.toMatchObject({ kind: 'network', message: 'Failed to fetch' });
    expect(calls).toHaveLength(3);
    // pauses of 20 and then 40 ms between the attempts
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(18);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(38);
  });

  test('a 503 is tried again; the later answer wins', async () => {
    const answers = [json(503, { error: 'busy', message: 'busy' }), json(200, { ok: 1 })];
    const fetch = async () => answers.shift()!();
    expect(await apiGet('/api/x', { fetch, backoffMs: 1 })).toEqual({ ok: 1 });
  });

  test('an answer that does not come gives up after the timeout, instead of spinning forever', async () => {
    const never = (_url: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    await expect(apiGet('/api/x', { fetch: never as typeof fetch, timeoutMs: 30, retries: 1, backoffMs: 1 }))
      .rejects.toMatchObject({ kind: 'network', message: 'no answer within 0.03 s' });
  });

  test('a change is never sent twice on its own', async () => {
    let calls = 0;
    const down = async (): Promise<Response> => { calls++; throw new TypeError('Failed to fetch'); };
    await expect(apiRequest('POST', '/api/x', { fetch: down, body: {} })).rejects.toMatchObject({ kind: 'network' });
    expect(calls).toBe(1);
  });

  test('an answer from the service worker\'s store says when it was saved', async () => {
    const seen: unknown[] = [];
    setSavedAnswerHandler((v) => seen.push(v));
    await apiGet('/api/y', { fetch: json(200, {}, { 'x-cx-saved-at': '2026-11-29T10:00:00.000Z' }) });
    expect(seen).toEqual([{ path: '/api/y', savedAt: '2026-11-29T10:00:00.000Z' }]);
    setSavedAnswerHandler(undefined);
  });
});
