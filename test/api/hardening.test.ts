// The HTTP surface: security headers, body and header limits, rate limits per address and per
// account, error bodies without internals, the same-origin rule for changes, and the audit trail.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type AppLocals } from '../../api/app.ts';
import { createHttpServer } from '../../api/http-server.ts';
import { WarehouseError, type Warehouse } from '../../warehouse/warehouse.ts';
import { openTestApp, SECRET, type TestApp } from '../fixtures/app.ts';
import { insertPosFixture, migrations, queries } from '../fixtures/warehouse.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ extra: { trustProxy: 'loopback' } });
  await insertPosFixture(t.wh);
});
afterAll(() => t.close());

describe('headers and limits', () => {
  test('every answer carries a strict Content-Security-Policy without inline scripts, and the other security headers', async () => {
    for (const path of ['/api/session', '/healthz', '/api/nothing']) {
      const res = await request(t.app).get(path);
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  test('a body over 64 KB is refused with 413 naming the body', async () => {
    const res = await request(t.app).post('/api/session').set('Content-Type', 'application/json')
      .send(JSON.stringify({ login: 'x', password: 'y'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'payload_too_large', field: 'body', message: 'body: larger than the limit of 65536 bytes' });
  });

  test('headers over 16 KB: the platform\'s server answers 431 in JSON', async () => {
    const server = createHttpServer(t.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/session', headers: { 'X-Big': 'a'.repeat(20_000) } }, (r) => {
        let body = '';
        r.on('data', (c) => { body += c; });
        r.on('end', () => resolve({ status: r.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
    server.close();
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toEqual({ error: 'headers_too_large', message: 'request headers: larger than the server accepts (16 KB)' });
  });

  test('a change from another site is refused; the same site is let through', async () => {
    const agent = await t.agent('analyst');
    const evil = await agent.post('/api/account/tokens').set('Origin', 'https://evil.example').send({ name: 'x' });
    expect(evil.status).toBe(403);
    expect(evil.body).toEqual({ error: 'forbidden', message: 'cross-site request refused: origin https://evil.example is not this site' });
    const same = await agent.post('/api/account/tokens').set('Host', 'cx.example').set('Origin', 'https://cx.example').send({ name: 'x' });
    expect(same.status).toBe(201);
  });
});

describe('rate limits', () => {
  test('per address: past the burst, 429 with Retry-After; another address is unaffected', async () => {
    const limited = createApp({ warehouse: t.wh, queries, migrations, services: t.locals.services, trustProxy: 'loopback',
      auth: { secret: SECRET }, limits: { perAddressPerMinute: 60, perAccountPerMinute: 1e6 } });
    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await request(limited).get('/api/session').set('X-Forwarded-For', '203.0.113.20')).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401)); // burst of 20, not signed in
    expect(statuses.slice(20)).toEqual([429, 429]);
    const res = await request(limited).get('/api/session').set('X-Forwarded-For', '203.0.113.20');
    expect(res.body).toEqual({ error: 'too_many_requests', message: 'too many requests from your address; try again in 1 s', retryAfterSeconds: 1 });
    expect(res.headers['retry-after']).toBe('1');
    expect((await request(limited).get('/api/session').set('X-Forwarded-For', '203.0.113.21')).status).toBe(401);
    await (limited.locals as unknown as AppLocals).close();
  });

  test('per account: the same account from many addresses is held back too', async () => {
    const limited = createApp({ warehouse: t.wh, queries, migrations, services: t.locals.services, trustProxy: 'loopback',
      auth: { secret: SECRET }, limits: { perAddressPerMinute: 1e6, perAccountPerMinute: 60 } });
    const cookie = (await request(limited).post('/api/session').send({ login: 'analyst', password: 'correct horse battery' })).headers['set-cookie'] as unknown as string[];
    const statuses = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await request(limited).get('/api/session').set('Cookie', cookie[0]!.split(';')[0]!).set('X-Forwarded-For', `203.0.113.${100 + i}`)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses[20]).toBe(429);
    await (limited.locals as unknown as AppLocals).close();
  });
});

describe('error bodies', () => {
  const failing = (error: WarehouseError): Warehouse => ({ ...t.wh, query: async () => { throw error; } });
  test('an engine error is a plain 500: no engine message, version or stack', async () => {
    const engine = new WarehouseError('Code: 62. DB::Exception: Syntax error: failed at position 1 (version 26.7.2.1) at /src/Parsers', { code: 'CH_62', retryable: false });
    const app = createApp({ warehouse: t.wh, reader: failing(engine), queries, migrations, services: t.locals.services, auth: { secret: SECRET } });
    const cookie = (await request(app).post('/api/session').send({ login: 'analyst', password: 'correct horse battery' })).headers['set-cookie'] as unknown as string[];
    const res = await request(app).get('/api/demand/heatmap').set('Cookie', cookie[0]!.split(';')[0]!);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal', message: 'internal error' });
    expect(res.text).not.toMatch(/DB::Exception|26\.7|Parsers|at .*\.ts/);
    const busy = createApp({ warehouse: t.wh, reader: failing(new WarehouseError('Code: 159. Timeout exceeded', { code: 'CH_159', retryable: true })), queries, migrations, services: t.locals.services, auth: { secret: SECRET } });
    const res2 = await request(busy).get('/api/demand/heatmap').set('Cookie', cookie[0]!.split(';')[0]!);
    expect(res2.status).toBe(503);
    expect(res2.body).toEqual({ error: 'warehouse_unavailable', message: 'the warehouse is busy or unreachable; try again shortly' });
    await (app.locals as unknown as AppLocals).close();
    await (busy.locals as unknown as AppLocals).close();
  });
});

describe('audit trail', () => {
  test('every data request is recorded: who, route, parameters, status, rows returned', async () => {
    const agent = await t.agent('lufeng');
    expect((await agent.get('/api/demand/heatmap?from=2026-03-02&to=2026-03-16')).status).toBe(200);
    expect((await agent.get('/api/demand/heatmap?area=532301')).status).toBe(403);
    expect((await agent.post('/api/account/tokens').send({ name: 'audited' })).status).toBe(201);
    await t.locals.audit.flush();
    const rows = await t.wh.query<{ login: string; role: string; method: string; route: string; params: string; status: number; rows: number }>(
      "SELECT login, role, method, route, params, status, rows FROM audit_log WHERE login = 'official-532302' ORDER BY at_ms");
    expect(rows.map((r) => ({ ...r, status: Number(r.status), rows: Number(r.rows) }))).toEqual([
      { login: 'official-532302', role: 'official', method: 'POST', route: '/api/session', params: '{"body":{"login":"official-532302"}}', status: 200, rows: 0 },
      // Lufeng's fixture cells: 金山镇 in W10 only.
      { login: 'official-532302', role: 'official', method: 'GET', route: '/api/demand/heatmap', params: '{"from":"2026-03-02","to":"2026-03-16"}', status: 200, rows: 1 },
      { login: 'official-532302', role: 'official', method: 'GET', route: '/api/demand/heatmap', params: '{"area":"532301"}', status: 403, rows: 0 },
      { login: 'official-532302', role: 'official', method: 'POST', route: '/api/account/tokens', params: '{"body":{"name":"audited"}}', status: 201, rows: 0 },
    ]);
    // No password ever reaches it.
    const all = await t.wh.query<{ params: string }>('SELECT params FROM audit_log');
    expect(all.some((r) => r.params.includes('correct horse battery'))).toBe(false);
    // Administrators read it through the API.
    const admin = await t.agent('admin');
    const viewed = await admin.get('/api/ops/audit?login=official-532302&limit=2');
    expect(viewed.body.rows.map((r: { route: string; status: number }) => `${r.route} ${r.status}`)).toEqual(['/api/account/tokens 201', '/api/demand/heatmap 403']);
  });
});

describe('audit trail of a refused account', () => {
  test('a creation the checks refuse records what was tried (login, role, scope), never the password', async () => {
    const admin = await t.agent('admin');
    const tries = [
      { login: 'rv-no-area', name: 'x', role: 'official', password: 'secret password 1' },
      { login: 'Bad Login', name: 'x', role: 'merchant', storeIds: ['ST-532302101'], password: 'secret password 2' },
      // A field of another shape than text is left out rather than recorded.
      { login: 'rv-odd', name: 'x', role: 'official', areaCode: { nested: 'x' }, password: 'secret password 3' },
    ];
    for (const body of tries) expect((await admin.post('/api/accounts').send(body)).status).toBe(400);
    await t.locals.audit.flush();
    const rows = await t.wh.query<{ params: string; status: number }>(
      "SELECT params, status FROM audit_log WHERE route = '/api/accounts' AND method = 'POST' AND status = 400 ORDER BY at_ms");
    // In any order (rows of one millisecond tie on at_ms), each as tried.
    expect(rows.map((r) => r.params)).toEqual(expect.arrayContaining([
      '{"body":{"login":"rv-no-area","role":"official"}}',
      '{"body":{"login":"Bad Login","role":"merchant","storeIds":["ST-532302101"]}}',
      '{"body":{"login":"rv-odd","role":"official"}}',
    ]));
    expect(rows.some((r) => r.params.includes('secret password'))).toBe(false);
  });
});

describe('dead letters for administrators', () => {
  test('the newest refused records come with their reason, detail and size, never their payload (a store\'s receipt)', async () => {
    const receipt = JSON.stringify({ receiptId: 'R-dl-1', storeId: 'VS-532325101006', totalFen: 950, lines: [] }); // 76 bytes
    const garbage = '收银机：not json'; // 20 bytes: three characters and a full-width colon of 3 bytes each, then 8
    await t.wh.insert('dead_letters', [
      { received_at: '2026-11-30 10:00:00', source: 'kafka:cx.pos/0@7', kind: 'pos', reason: 'schema', detail: 'lines: too few', payload: receipt },
      { received_at: '2026-11-30 10:00:01', source: 'kafka:cx.pos/1@9', kind: 'pos', reason: 'not_json', detail: 'Unexpected token', payload: garbage },
    ]);
    const admin = await t.agent('admin');
    const res = await admin.get('/api/ops/dead-letters?limit=2');
    expect(res.status).toBe(200);
    expect(res.body.recent).toEqual([
      { receivedAt: '2026-11-30 10:00:01', source: 'kafka:cx.pos/1@9', kind: 'pos', reason: 'not_json', detail: 'Unexpected token', payloadBytes: 20 },
      { receivedAt: '2026-11-30 10:00:00', source: 'kafka:cx.pos/0@7', kind: 'pos', reason: 'schema', detail: 'lines: too few', payloadBytes: 76 },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('VS-532325101006');
  });
});

describe('days and months out of the years the platform keeps', () => {
  // Found by a probe: each of these answered 500 (the engine's Date ends in 2149, and year 0100 is
  // no month it knows). Now a 400 naming the field, whatever the route.
  test.each([
    ['/api/demand/heatmap?from=9999-12-31', 'from', 'from: must be a day from 2000-01-01 to 2099-12-31'],
    ['/api/demand/heatmap?to=1969-12-29', 'to', 'to: must be a day from 2000-01-01 to 2099-12-31'],
    ['/api/official/overview?month=0100-01', 'month', 'month: must be a month from 2000-01 to 2099-12'],
    ['/api/official/stations?month=9999-12', 'month', 'month: must be a month from 2000-01 to 2099-12'],
    ['/api/official/trend?to=9999-12', 'to', 'to: must be a month from 2000-01 to 2099-12'],
    ['/api/official/trend.svg?to=0001-01', 'to', 'to: must be a month from 2000-01 to 2099-12'],
    ['/api/flows/upstream?from=1999-12', 'from', 'from: must be a month from 2000-01 to 2099-12'],
    ['/api/workspace/ST-532302101/demand?to=2150-01-06', 'to', 'to: must be a day from 2000-01-01 to 2099-12-31'],
  ])('%s: 400 naming %s', async (path, field, message) => {
    const res = await (await t.agent(path.startsWith('/api/workspace') ? 'merchant' : 'prefecture')).get(path);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', field, message });
  });

  test('a category under no top-level category, or too long: 400 naming it (it used to answer an empty 200)', async () => {
    const agent = await t.agent('prefecture');
    const tops = 'grain_oil, beverages, snacks, condiments, dairy, daily_chem, household, tobacco, agri_inputs, produce, crafts';
    for (const path of ['/api/demand/heatmap?category=nonsense', '/api/flows/upstream?category=weapons.guns']) {
      const res = await agent.get(path);
      expect([res.status, res.body]).toEqual([400, { error: 'bad_request', field: 'category', message: `category: must be one of ${tops}, or a category under one (beverages.tea)` }]);
    }
    const long = await agent.get(`/api/demand/heatmap?category=beverages.${'t'.repeat(100)}`);
    expect([long.status, long.body]).toEqual([400, { error: 'bad_request', field: 'category', message: 'category: must be at most 64 characters' }]);
    const newLeaf = await agent.get('/api/demand/heatmap?category=beverages.kombucha');
    expect([newLeaf.status, newLeaf.body.cells]).toEqual([200, []]); // under a known top, no sales yet
  });

  test('the first year kept is taken', async () => {
    const agent = await t.agent('prefecture');
    const first = await agent.get('/api/demand/heatmap?from=2000-01-03&to=2000-01-10');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const early = await agent.get('/api/official/overview?month=2000-01');
    expect([early.status, early.body.month]).toEqual([200, '2000-01']);
  });
});
