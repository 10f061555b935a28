// What a request carries that a route does not take is refused, naming it, rather than ignored or
// answered with a misleading reason. Each case was found by probing the running platform: a chosen
// password sent to the reset route was dropped and a random one issued; an administrator disabled
// their own account and was locked out; a target label held a NUL and a direction override; the
// flows answered 1,200 empty months up to 2099; a CSV's ninth column vanished and 0x10 was read as 16.
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadNationalSeries, loadPlanTargets } from '../../warehouse/officials-reference.ts';
import { openTestApp, PASSWORD, type TestApp } from '../fixtures/app.ts';
import { ROOT } from '../fixtures/warehouse.ts';

let t: TestApp;
beforeAll(async () => {
  // A Wednesday: this week's Monday is 2026-04-13, the current month 2026-04. The clock moves, so a
  // session begun after "end this account's sessions" is not taken for one of those it ended.
  const start = Date.now();
  t = await openTestApp({ clock: () => Date.parse('2026-04-15T04:00:00Z') + (Date.now() - start) });
  await loadNationalSeries(t.wh, join(ROOT, 'reference/national-online-retail-periods.csv'));
  await loadPlanTargets(t.wh, join(ROOT, 'reference/plan-targets.json'));
}, 120_000);
afterAll(() => t.close());

const HEADER = 'body,series,period_start,period_end,value_100m_yuan,yoy_pct,source,confidence';

describe('what a route does not declare', () => {
  test('a query parameter on a route that takes none: 400 naming it', async () => {
    const merchant = await t.agent('merchant');
    for (const path of ['/api/session?x=1', '/api/stores/ST-532302101?x=1', '/api/account/tokens?x=1']) {
      const res = await merchant.get(path);
      expect([path, res.status, res.body]).toEqual([path, 400, { error: 'bad_request', field: 'x', message: 'x: unknown parameter x' }]);
    }
  });

  test('a body on a route that takes none: 400 naming the field, and nothing done (the password is not reset)', async () => {
    const admin = await t.agent('admin');
    const res = await admin.post('/api/accounts/merchant/password').send({ password: 'chosen-password-1' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', field: 'password', message: 'password: unknown parameter password' });
    // The merchant still signs in with the password they had.
    expect((await request(t.app).post('/api/session').send({ login: 'merchant', password: PASSWORD })).status).toBe(200);
    const text = await admin.post('/api/accounts/merchant/sign-out').set('Content-Type', 'text/plain').send('hello');
    expect([text.status, text.body.field, text.body.message]).toEqual([400, 'body', 'body: this request takes no body']);
    // No body, or an empty JSON object, is no body.
    expect((await admin.post('/api/accounts/merchant/sign-out')).status).toBe(204);
    expect((await admin.post('/api/accounts/merchant/sign-out').send({})).status).toBe(204);
  });

  test('a body that is not JSON on a route that takes JSON: 415, not a missing field', async () => {
    const lufeng = await t.agent('lufeng');
    const res = await lufeng.put('/api/official/targets/village_points?area=532302').set('Content-Type', 'text/plain').send('{"target":7}');
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ error: 'unsupported_media_type', field: 'body', message: 'body: must be application/json, not text/plain' });
    const latin1 = await lufeng.put('/api/official/targets/village_points?area=532302').set('Content-Type', 'application/json; charset=latin1').send('{"target":7}');
    expect([latin1.status, latin1.body]).toEqual([415, { error: 'unsupported_media_type', field: 'body', message: 'body: charset latin1 is not supported; send UTF-8 JSON' }]);
    // A form is taken only by the workbench's export (a download from an HTML form).
    const form = await (await t.agent('analyst')).post('/api/sql/saved').type('form').send({ name: 'x', sql: 'SELECT 1' });
    expect([form.status, form.body.field]).toEqual([415, 'body']);
  });

  test('a path that exists for other methods: 405 naming them in Allow', async () => {
    const res = await (await t.agent('analyst')).post('/api/stores').send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body).toEqual({ error: 'method_not_allowed', message: 'POST is not taken at /api/stores; it takes GET, HEAD' });
    const options = await request(t.app).options('/api/accounts/merchant');
    expect([options.status, options.headers.allow]).toEqual([405, 'PATCH']);
    expect((await request(t.app).get('/api/nothing-here')).status).toBe(404);
  });

  test('a path that is no valid URL: 400 naming the path', async () => {
    const res = await (await t.agent('analyst')).get('/api/stores/%');
    expect([res.status, res.body]).toEqual([400, { error: 'bad_request', field: 'path', message: 'path: not a valid URL (a % not followed by two hex digits)' }]);
  });
});

describe('accounts', () => {
  test('an administrator cannot disable their own account (409 naming it), and stays signed in', async () => {
    const admin = await t.agent('admin');
    const res = await admin.patch('/api/accounts/admin').send({ disabled: true });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'conflict', field: 'disabled', message: 'disabled: you cannot disable your own account; another administrator can' });
    expect((await admin.get('/api/accounts')).status).toBe(200);
    // Renaming oneself, or disabling someone else, is as before.
    expect((await admin.patch('/api/accounts/admin').send({ name: '管理员甲' })).status).toBe(200);
    expect((await admin.patch('/api/accounts/analyst').send({ disabled: true })).body.disabled).toBe(true);
    expect((await admin.patch('/api/accounts/analyst').send({ disabled: false })).body.disabled).toBe(false);
  });

  test('names with control characters or direction overrides are refused, naming the field', async () => {
    const admin = await t.agent('admin');
    for (const name of ['a\u0000b', 'shop\u0007', '\u202Egnp.exe', 'two\nlines']) {
      const res = await admin.post('/api/accounts').send({ login: 'ctl-test', name, role: 'analyst' });
      expect([JSON.stringify(name), res.status, res.body.field, res.body.message])
        .toEqual([JSON.stringify(name), 400, 'name', 'name: must be one line without control characters or direction overrides']);
    }
    const token = await (await t.agent('merchant')).post('/api/account/tokens').send({ name: 'till\u0000' });
    expect([token.status, token.body.field]).toEqual([400, 'name']);
    // Chinese, Latin, digits and punctuation are plain text.
    expect((await admin.post('/api/accounts').send({ login: 'ctl-test', name: '某村小卖部 (No. 2)', role: 'analyst' })).status).toBe(201);
  });
});

describe('plan targets', () => {
  const put = async (id: string, body: object) => (await t.agent('lufeng')).put(`/api/official/targets/${id}?area=532302`).send(body);

  test.each([
    ['village_coverage', { target: 5000 }, 'target', 'target: must be at most 100 (a share in percent)'],
    ['monthly_report', { target: 2 }, 'target', 'target: must be 1 (yes) or 0 (no)'],
    ['online_retail_vs_national', { target: -1e300 }, 'target', 'target: must be between -100 and 100 percentage points'],
    ['village_points', { target: 1e300 }, 'target', 'target: must be at most 1000000000'],
    ['village_points', { due: '2000-01' }, 'due', 'due: must not be before the plan\'s start, 2020-09'],
    ['village_points', { labelZh: 'a\u0000b\u202E' }, 'labelZh', 'labelZh: must be one line without control characters or direction overrides'],
  ])('%s with %j: 400', async (id, body, field, message) => {
    const res = await put(id, body);
    expect([res.status, res.body]).toEqual([400, { error: 'bad_request', field, message }]);
  });

  test('a growth rate to reach may be above 100 percent; a share of 100 is allowed', async () => {
    expect((await put('online_merchants_growth', { target: 150 })).body.target).toBe(150);
    expect((await put('village_coverage', { target: 100 })).body.target).toBe(100);
    expect((await put('monthly_report', { target: 1 })).status).toBe(200);
  });
});

describe('months and weeks that have not come', () => {
  test('flows after the current month, or over more than 36 months: 400 naming the field', async () => {
    const lufeng = await t.agent('lufeng');
    for (const path of ['/api/flows/parcels-vs-orders', '/api/flows/upstream', '/api/flows/downstream', '/api/flows/batches']) {
      const future = await lufeng.get(`${path}?from=2026-01&to=2099-12`);
      expect([path, future.status, future.body.message]).toEqual([path, 400, 'to: 2099-12 is after the current month 2026-04']);
      const long = await lufeng.get(`${path}?from=2000-01&to=2026-03`);
      expect([path, long.status, long.body.field]).toEqual([path, 400, 'from']);
      expect(long.body.message).toBe('from: must be within 36 months of to (2026-03); ask for a longer span in parts');
    }
    // 36 months exactly, ending with the current month: answered.
    expect((await lufeng.get('/api/flows/parcels-vs-orders?from=2023-05&to=2026-04')).body.months).toHaveLength(36);
  });

  test('a merchant\'s gaps or price bands up to a Monday after this week\'s: 400 naming to', async () => {
    const merchant = await t.agent('merchant');
    for (const path of ['gaps', 'prices']) {
      const res = await merchant.get(`/api/workspace/ST-532302101/${path}?to=2099-12-28`);
      expect([path, res.status, res.body]).toEqual([path, 400,
        { error: 'bad_request', field: 'to', message: 'to: 2099-12-28 is after this week\'s Monday 2026-04-13: the weeks before it have not all ended' }]);
    }
  });

  test('a trend reaching back before 2000: 400 naming months', async () => {
    const res = await (await t.agent('lufeng')).get('/api/official/trend?to=2000-01&months=60');
    expect([res.status, res.body.field, res.body.message]).toEqual([400, 'months', 'months: reaches back before 2000-01: ask for fewer months or a later to']);
  });
});

describe('the national figures\' CSV', () => {
  const put = async (csv: string) => (await t.agent('prefecture')).put('/api/reference/national').send({ csv });
  const row = 'NBS,national_online_retail,2026-01,2026-03,35000,7.5,NBS release,official';

  test('a ninth column, a number that is not decimal, a quote never closed: 400 naming the line', async () => {
    expect((await put(`${HEADER}\n${row},extra`)).body.message).toBe('csv: line 2, row: 9 columns, where the header has 8');
    expect((await put(`${HEADER}\nNBS,national_online_retail,2026-01,2026-03,0x10,7.5,NBS,official`)).body.message)
      .toBe('csv: line 2, value_100m_yuan: not a decimal number: 0x10');
    expect((await put(`${HEADER}\n${row}\nNBS,national_online_retail,2025-01,2025-12,"35000,7.5,NBS,official`)).body.message)
      .toBe('csv: line 3, row: a quoted field is never closed');
    expect((await put(`${HEADER}\nNBS,national_online_retail,2026-01,2026-03,1,2,"x\u202Ey",official`)).body.message)
      .toBe('csv: line 2, source: must be one line without control characters or direction overrides');
  });

  test('the same table twice: the second removes nothing', async () => {
    const first = await put(`${HEADER}\n${row}`);
    expect(first.status).toBe(200);
    expect(first.body.written).toBe(1);
    expect(first.body.removed).toBeGreaterThan(0); // the committed reference rows
    expect((await put(`${HEADER}\n${row}`)).body).toEqual({ written: 1, removed: 0 });
  });
});

describe('numbers in a query string', () => {
  test.each([
    ['0x10', 'months: must be a whole number'],
    ['1e1', 'months: must be a whole number'],
    ['', 'months: must be a whole number'],
    ['-3', 'months: must be a whole number'],
  ])('months=%s: 400 (it was read as 16, 10 or 0)', async (value, message) => {
    const res = await (await t.agent('lufeng')).get(`/api/official/trend?months=${value}`);
    expect([res.status, res.body.field, res.body.message]).toEqual([400, 'months', message]);
  });

  test('a number given twice: 400 saying so, not "received NaN"', async () => {
    const res = await (await t.agent('lufeng')).get('/api/official/trend?months=3&months=4');
    expect([res.status, res.body.message]).toEqual([400, 'months: must be given once']);
    expect((await (await t.agent('lufeng')).get('/api/official/trend?months=3')).status).toBe(200);
  });
});

describe('the workbench', () => {
  test('a saved query\'s parameters are its statement\'s, each once, with its type', async () => {
    const analyst = await t.agent('analyst');
    const sql = 'SELECT {n:UInt8} AS n, {d:Date} AS d';
    const save = (params: object[]) => analyst.post('/api/sql/saved').send({ name: 'p', sql, params });
    const twice = await save([{ name: 'n', type: 'UInt8', value: 1 }, { name: 'n', type: 'UInt8', value: 2 }]);
    expect([twice.status, twice.body.field, twice.body.message]).toEqual([400, 'params.1.name', 'params.1.name: n is listed twice']);
    const wrongType = await save([{ name: 'n', type: 'x', value: 1 }]);
    expect([wrongType.status, wrongType.body.message]).toEqual([400, 'params.0.type: must be UInt8, the type the statement gives n']);
    const unknown = await save([{ name: 'm', type: 'UInt8', value: 1 }]);
    expect([unknown.status, unknown.body.message]).toEqual([400, 'params.0.name: m is not a {name:Type} parameter of the statement']);
    expect((await save([{ name: 'n', type: 'UInt8', value: 1 }, { name: 'd', type: 'Date', value: '2026-01-01' }])).status).toBe(201);
  });

  test('a statement over the engine\'s 256 KiB in UTF-8 is refused naming sql, in the platform\'s words', async () => {
    const chinese = `SELECT '${'字'.repeat(90_000)}'`; // 90,000 characters, 270 KB
    const res = await (await t.agent('analyst')).post('/api/sql').send({ sql: chinese });
    expect([res.status, res.body.field, res.body.message]).toEqual([400, 'sql', 'sql: must be at most 255 KiB in UTF-8 (a Chinese character takes 3 bytes)']);
  });

  test('a name with a line break is refused as such, not as a second statement', async () => {
    const res = await (await t.agent('analyst')).post('/api/sql').send({ sql: 'SELECT 1 AS `x\ny`' });
    expect([res.status, res.body.reason, res.body.message]).toEqual([400, 'syntax', 'names with line breaks in them are not allowed']);
  });

  test('a parameter\'s value that does not fit its type says so, not "has no value"', async () => {
    const res = await (await t.agent('analyst')).post('/api/sql').send({ sql: 'SELECT {n:UInt8} AS n', params: { n: 'abc' } });
    expect([res.status, res.body.reason]).toEqual([400, 'parameters']);
    expect(res.body.message).toMatch(/^a parameter's value does not fit its type: /);
  });
});
