// The authorization matrix, generated from the route table: every route x every role (and no
// one) x in scope and out of scope, each with the exact status it must answer. The expected
// status follows from the route's declared access rule by the rules written here, not by asking
// the code under test; a route without an access rule, or without an example here, fails.
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type AppLocals } from '../../api/app.ts';
import { sign } from '../../api/auth/secrets.ts';
import { defineRoute, mountRoutes, type AnyRoute } from '../../api/route.ts';
import type { Role } from '../../contracts/auth.ts';
import { ACCOUNTS, openTestApp, PASSWORD, SECRET, type AccountKey, type FixtureAccount, type TestApp } from '../fixtures/app.ts';
import { join } from 'node:path';
import { produceReport } from '../../api/officials/reports.ts';
import { loadPlanTargets } from '../../warehouse/officials-reference.ts';
import { migrations, queries, ROOT } from '../fixtures/warehouse.ts';
import { distributionRows } from '../../ingest/rows.ts';

let tick = Date.parse('2026-11-20T02:00:00Z');
const clock = () => (tick += 1); // strictly increasing: a session made after a sign-out-everywhere is always newer
let t: TestApp;
let tokenSeq = 0;
let reportId = '';

beforeAll(async () => {
  t = await openTestApp({ clock, auth: { demo: true }, extra: { trustProxy: 'loopback', metrics: () => 'cx_up 1\n' } });
  await t.locals.services.accounts.create({ login: 'demo-someone', name: 'demo', role: 'analyst', password: PASSWORD, demo: true });
  await t.locals.services.accounts.create({ login: 'matrix-target', name: 'target', role: 'analyst', password: PASSWORD });
  await loadPlanTargets(t.wh, join(ROOT, 'reference/plan-targets.json'));
  reportId = (await produceReport(t.wh, t.wh, { queries, directory: t.locals.services.directory, clock }, '532302', '2026-03', [], 'matrix'))[0]!.id;
}, 120_000);
afterAll(() => t.close());

/** Who asks: nobody, or one account per role; officials and merchants with a scope to leave. */
const CALLERS = [
  { name: 'anonymous', account: null },
  { name: 'admin', account: 'admin' },
  { name: 'analyst', account: 'analyst' },
  { name: 'Lufeng official', account: 'lufeng' },
  { name: 'prefecture official', account: 'prefecture' },
  { name: 'merchant', account: 'merchant' },
] as const satisfies readonly { name: string; account: AccountKey | null }[];

/** Per role, an area and a store inside the caller's scope, and outside it (null: nothing is outside). */
const SCOPE_VALUES: Record<Role, { area: [string, string | null]; store: [string, string | null] }> = {
  admin: { area: ['532302', null], store: ['ST-532302101', null] },
  analyst: { area: ['532302', null], store: ['ST-532301101', null] },
  official: { area: ['532302', '532301'], store: ['ST-532302103', 'ST-532301101'] }, // the Lufeng official
  merchant: { area: ['532302', '532301'], store: ['ST-532302101', 'ST-532302102'] }, // the neighbour's shop is out
};
const PREFECTURE: typeof SCOPE_VALUES.official = { area: ['5323', null], store: ['ST-532301101', null] };

type Example = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
/** A valid request for each route (scope values are filled in from SCOPE_VALUES). */
const EXAMPLES: Record<string, (login: string | null) => Example | Promise<Example>> = {
  'GET /healthz': () => ({}),
  'GET /metrics': () => ({}),
  'POST /api/session': () => ({ body: { login: 'analyst', password: PASSWORD } }),
  'GET /api/session': () => ({}),
  'DELETE /api/session': () => ({}),
  'POST /api/session/sign-out-everywhere': () => ({}),
  'GET /api/session/demo': () => ({}),
  'POST /api/session/demo': () => ({ body: { login: 'demo-someone' } }),
  'PUT /api/account/password': () => ({ body: { current: PASSWORD, next: PASSWORD } }),
  'GET /api/account/tokens': () => ({}),
  'POST /api/account/tokens': () => ({ body: { name: 'matrix' } }),
  'DELETE /api/account/tokens/:id': async (login) => ({
    params: { id: login ? (await t.locals.services.tokens.create(login, `m${++tokenSeq}`)).record.id : '0123456789abcdef' },
  }),
  'GET /api/accounts': () => ({}),
  'GET /api/admin/directory': () => ({}),
  'POST /api/accounts': () => ({ body: { login: `made-${++tokenSeq}`, name: 'x', role: 'analyst' } }),
  'PATCH /api/accounts/:login': () => ({ params: { login: 'matrix-target' }, body: { name: 'renamed' } }),
  'POST /api/accounts/:login/password': () => ({ params: { login: 'matrix-target' } }),
  'POST /api/accounts/:login/sign-out': () => ({ params: { login: 'matrix-target' } }),
  'GET /api/freshness': () => ({}),
  'GET /api/ops/dead-letters': () => ({}),
  'GET /api/ops/audit': () => ({}),
  'GET /api/ops/status': () => ({}),
  'GET /api/demand/heatmap': () => ({ query: { from: '2026-03-02', to: '2026-03-16' } }),
  'GET /api/stores': () => ({}),
  'GET /api/stores/:id': () => ({}),
  'GET /api/openapi.json': () => ({}),
  'GET /api/official/overview': () => ({ query: { month: '2026-03' } }),
  'GET /api/official/trend': () => ({ query: { months: '3' } }),
  'GET /api/official/trend.svg': () => ({ query: { months: '3' } }),
  'GET /api/official/stations': () => ({ query: { month: '2026-03' } }),
  'GET /api/official/scorecard': () => ({}),
  'PUT /api/official/targets/:id': () => ({ params: { id: 'service_centre' }, body: { target: 1 } }),
  'GET /api/reference/national': () => ({}),
  'PUT /api/reference/national': () => ({ body: { csv: 'body,series,period_start,period_end,value_100m_yuan,yoy_pct,source,confidence\nNBS,national_online_retail,2025-01,2025-12,159722,8.6,x,repost' } }),
  'GET /api/official/reports': () => ({}),
  'POST /api/official/reports': () => ({ query: { month: '2026-03' } }),
  'GET /api/official/reports/:id': () => ({ params: { id: reportId } }),
  'POST /api/sql': () => ({ body: { sql: 'SELECT count() FROM stores' } }),
  'POST /api/sql/cancel': () => ({ body: { queryId: 'not-running-1' } }),
  'POST /api/sql/format': () => ({ body: { sql: 'select 1' } }),
  'GET /api/sql/schema': () => ({}),
  'GET /api/sql/sample': () => ({ query: { table: 'areas' } }),
  'POST /api/sql/export': () => ({ query: { format: 'csv' }, body: { sql: 'SELECT code FROM areas LIMIT 3' } }),
  'GET /api/sql/history': () => ({}),
  'GET /api/sql/saved': () => ({}),
  'POST /api/sql/saved': () => ({ body: { name: 'matrix', sql: 'SELECT 1' } }),
  'GET /api/sql/saved/:id': async () => ({ params: { id: await savedId() } }),
  'PUT /api/sql/saved/:id': async () => ({ params: { id: await savedId() }, body: { name: 'matrix', sql: 'SELECT 2', baseVersion: 1 } }),
  'DELETE /api/sql/saved/:id': async () => ({ params: { id: await savedId() } }),
  'GET /api/workspace/:stores/summary': () => ({}),
  'GET /api/workspace/:stores/demand': () => ({ query: { view: 'category', stream: 'deliveries', measure: 'per_store' } }),
  'GET /api/workspace/:stores/gaps': () => ({ query: { scope: 'county' } }),
  'GET /api/workspace/:stores/prices': () => ({ query: { category: 'beverages' } }),
  'GET /api/workspace/:stores/peers': () => ({}),
  'GET /api/workspace/:stores/restock': () => ({ query: { within: '14' } }),
  'GET /api/workspace/:stores/sourcing': () => ({}),
  'GET /api/flows/upstream': () => ({ query: { from: '2026-01', to: '2026-03', channel: 'online' } }),
  'GET /api/flows/seasonality': () => ({ query: { category: 'produce.wild_mushroom' } }),
  'GET /api/flows/downstream': () => ({ query: { from: '2026-01', to: '2026-03', days: '14' } }),
  'GET /api/flows/batches': () => ({ query: { from: '2026-01', to: '2026-03', flagged: 'true' } }),
  // A batch of 金山镇 (Lufeng), inside every in-scope area of the matrix; written once, on first use.
  'GET /api/flows/batches/:code': async () => {
    matrixBatch ??= t.wh.insert('distribution_txns', distributionRows({
      schemaVersion: 1, txnId: 'U-matrix-1', occurredAt: '2026-02-10 10:00:00', sellerId: 'CO-532302101', buyerId: 'WB-1',
      direction: 'upstream', channel: 'offline', sku: 'vinegar-lufeng-xiangcu-500ml', category: 'produce.vinegar',
      quantity: 2, weightG: 1000, amountFen: 1500, originAreaCode: '532302101001', destCityCode: '530100', traceBatch: 'JS-MATRIX-0001',
    }));
    await matrixBatch;
    return { params: { code: 'JS-MATRIX-0001' } };
  },
  'GET /api/flows/parcels-vs-orders': () => ({ query: { from: '2026-01', to: '2026-03' } }),
};
let matrixBatch: Promise<void> | undefined;

/** A fresh saved query of the fixture analyst (each example may change or delete its own). */
async function savedId(): Promise<string> {
  const res = await request(t.app).post('/api/sql/saved').set('Cookie', await cookieFor('analyst')).send({ name: 'matrix', sql: 'SELECT 1' });
  return res.body.id as string;
}

const key = (r: AnyRoute) => `${r.method.toUpperCase()} ${r.path}`;

/** A fresh session of `who`, straight from the session store: no password hashing per request. */
async function cookieFor(who: AccountKey): Promise<string> {
  const { id } = await t.locals.services.sessions.create(ACCOUNTS[who].login, { address: 'matrix', userAgent: 'matrix' });
  return `cx_session=${sign(id, SECRET)}`;
}

function expected(route: AnyRoute, role: Role | null, inScope: boolean, account: FixtureAccount | null): number {
  if (route.access.scope.kind === 'area-fixed' && role !== null && route.access.roles.includes(role)) {
    // The caller's scope must take in the fixed area: an analyst's (everything) and the prefecture official's.
    inScope = role === 'analyst' || (account?.areaCode !== undefined && route.access.scope.area.startsWith(account.areaCode));
  }
  const ok = route.status ?? 200;
  if (route.access.scope.kind === 'public') return ok;
  if (role === null) return 401;
  if (!route.access.roles.includes(role)) return 403;
  return inScope ? ok : 403;
}

describe('authorization matrix', () => {
  test('every route of the app is in the route table, with an access rule and an example here', () => {
    const routes = t.locals.routes;
    const registered = (t.app as unknown as { router: { stack: { route?: { path: unknown; methods: Record<string, boolean> } }[] } }).router.stack
      .filter((l) => l.route && typeof l.route.path === 'string')
      .flatMap((l) => Object.keys(l.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${l.route!.path as string}`));
    expect(registered.sort()).toEqual(routes.map(key).sort());
    for (const r of routes) {
      expect(r.access?.scope, `${key(r)} has no access rule`).toBeDefined();
      expect(EXAMPLES[key(r)], `add an example for ${key(r)} to the matrix`).toBeDefined();
    }
  });

  test('a route without an access rule cannot be mounted', () => {
    const bare = { method: 'get', path: '/api/naked', summary: 'x', tag: 'x', handler: () => ({}) } as unknown as AnyRoute;
    expect(() => mountRoutes(express(), [bare], {} as never)).toThrow('route GET /api/naked declares no access rule');
    const noRoles = defineRoute({ method: 'get', path: '/api/x', summary: 'x', tag: 'x', access: { roles: [], scope: { kind: 'self' } }, handler: () => undefined });
    expect(() => mountRoutes(express(), [noRoles], {} as never)).toThrow('route GET /api/x names no role that may call it');
    const arealess = defineRoute({ method: 'get', path: '/api/y', summary: 'x', tag: 'x', access: { roles: ['analyst'], scope: { kind: 'area', param: 'area' } }, handler: () => undefined });
    expect(() => mountRoutes(express(), [arealess], {} as never)).toThrow('route GET /api/y scopes by query parameter area, which its query schema lacks');
    const writingGet = defineRoute({ method: 'get', path: '/api/z', summary: 'x', tag: 'x', writes: 'data', access: { roles: ['analyst'], scope: { kind: 'self' } }, handler: () => undefined });
    expect(() => mountRoutes(express(), [writingGet], {} as never)).toThrow('route GET /api/z is a GET and yet declares that it writes');
  });

  test('every route x every caller x in and out of scope answers the status its rule gives', async () => {
    const routes = (t.app.locals as unknown as AppLocals).routes;
    const results: string[] = [];
    const failures: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const account = caller.account ? ACCOUNTS[caller.account] : null;
        const role = (account?.role ?? null) as Role | null;
        const values = caller.account === 'prefecture' ? PREFECTURE : role ? SCOPE_VALUES[role] : SCOPE_VALUES.analyst;
        const kind = route.access.scope.kind;
        const cases: [boolean, string | null][] = kind === 'area' ? [[true, values.area[0]], [false, values.area[1]]]
          : kind === 'store' ? [[true, values.store[0]], [false, values.store[1]]]
          : [[true, null]];
        for (const [inScope, value] of cases) {
          if (!inScope && value === null) continue; // nothing is outside this caller's scope
          const ex = await EXAMPLES[key(route)]!(account?.login ?? null);
          const params = { ...ex.params };
          const query = { ...ex.query };
          if (kind === 'area' && value) query[(route.access.scope as { param: string }).param] = value;
          if (kind === 'store' && value) params[(route.access.scope as { param: string }).param] = value;
          const path = route.path.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(params[p] ?? 'x'));
          let req = request(t.app)[route.method](path).query(query).set('X-Forwarded-For', '203.0.113.9');
          if (caller.account) req = req.set('Cookie', await cookieFor(caller.account));
          if (ex.body !== undefined) req = req.send(ex.body as object);
          const res = await req;
          const want = expected(route, role, inScope, account);
          const line = `${key(route)} as ${caller.name}${kind === 'area' || kind === 'store' ? (inScope ? ' in scope' : ' out of scope') : ''}: ${res.status}`;
          results.push(line);
          if (res.status !== want) failures.push(`${line}, want ${want} ${JSON.stringify(res.body)}`);
          if (res.status === 403 && want === 403) expect(res.body.error, line).toBe('forbidden');
          if (res.status === 401) expect(res.body.error, line).toBe('unauthorized');
        }
      }
    }
    expect(failures).toEqual([]);
    // The matrix is as large as the table says: no route or caller silently skipped.
    expect(results.length).toBeGreaterThan(routes.length * CALLERS.length);
  }, 120_000);

  test('metrics and the detailed health answer anonymous callers on loopback only', async () => {
    expect((await request(t.app).get('/metrics')).text).toBe('cx_up 1\n');
    expect((await request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9')).status).toBe(401);
    const remote = await request(t.app).get('/healthz').set('X-Forwarded-For', '203.0.113.9');
    expect(remote.body).toEqual({ ok: true });
    const local = await request(t.app).get('/healthz');
    expect(Object.keys(local.body).sort()).toEqual(['ingest', 'migrations', 'ok', 'warehouse']);
    const admin = await request(t.app).get('/healthz').set('X-Forwarded-For', '203.0.113.9').set('Cookie', await cookieFor('admin'));
    expect(admin.body.warehouse.engine).toMatch(/^chdb 26\./);
  });

  test('without TRUST_PROXY, a loopback request that says a proxy forwarded it is not local: no metrics, no detail', async () => {
    // A reverse proxy on the same host not named in TRUST_PROXY: every request reaches us from
    // 127.0.0.1, and those it forwards say so in one of these headers.
    const app = createApp({ warehouse: t.wh, queries, migrations, services: t.locals.services, auth: { secret: SECRET }, metrics: () => 'cx_up 1\n' });
    try {
      expect((await request(app).get('/metrics')).text).toBe('cx_up 1\n');
      for (const [name, value] of [['X-Forwarded-For', '203.0.113.9'], ['X-Real-IP', '203.0.113.9'], ['Forwarded', 'for=203.0.113.9']]) {
        expect((await request(app).get('/metrics').set(name!, value!)).status, name).toBe(401);
        expect((await request(app).get('/healthz').set(name!, value!)).body, name).toEqual({ ok: true });
      }
      expect(Object.keys((await request(app).get('/healthz')).body).sort()).toEqual(['ingest', 'migrations', 'ok', 'warehouse']);
    } finally {
      await (app.locals as unknown as AppLocals).close();
    }
  });

  test('with TRUST_PROXY, what the proxy says Express does not read (Forwarded, X-Real-IP), or a proxy it does not trust, is not local either', async () => {
    // Trusting loopback: X-Forwarded-For gives the client's address (not local above); the other two
    // headers Express ignores, so req.ip would stay 127.0.0.1.
    for (const [name, value] of [['X-Real-IP', '203.0.113.9'], ['Forwarded', 'for=203.0.113.9']]) {
      expect((await request(t.app).get('/metrics').set(name!, value!)).status, name).toBe(401);
    }
    expect((await request(t.app).get('/metrics').set('X-Forwarded-For', '127.0.0.1')).text).toBe('cx_up 1\n');
    // Trusting a network the proxy on this host is not in: its X-Forwarded-For is not read.
    const app = createApp({ warehouse: t.wh, queries, migrations, services: t.locals.services, auth: { secret: SECRET }, trustProxy: '10.0.0.0/8', metrics: () => 'cx_up 1\n' });
    try {
      expect((await request(app).get('/metrics').set('X-Forwarded-For', '203.0.113.9')).status).toBe(401);
      expect((await request(app).get('/metrics')).text).toBe('cx_up 1\n');
    } finally {
      await (app.locals as unknown as AppLocals).close();
    }
  });
});
