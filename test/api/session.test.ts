// Signing in and out, sessions, API tokens and the guessing brake, against the real app and an
// embedded warehouse. The clock is ours, so expiry and locks are tested without waiting.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type AppLocals } from '../../api/app.ts';
import { sign } from '../../api/auth/secrets.ts';
import { me } from '../../contracts/auth.ts';
import { ACCOUNTS, openTestApp, PASSWORD, SECRET, type TestApp } from '../fixtures/app.ts';
import { migrations, queries } from '../fixtures/warehouse.ts';

let now = Date.parse('2026-11-20T02:00:00Z');
const clock = () => now;
const delays: number[] = [];
let t: TestApp;
const TTL = 3600_000;

beforeAll(async () => {
  t = await openTestApp({
    clock,
    auth: { sessionTtlMs: TTL, cacheMs: 0, throttle: { slowAfter: 2, baseDelayMs: 100, accountLockAfter: 4, addressLockAfter: 9, lockMs: 60_000, windowMs: 600_000 } },
    extra: { trustProxy: 'loopback' },
  });
});
afterAll(() => t.close());

const signIn = (login: string, password: string, address = '198.51.100.1') =>
  request(t.app).post('/api/session').set('X-Forwarded-For', address).send({ login, password });
const cookieOf = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;

describe('signing in', () => {
  test('the right password: 200 with the caller, and an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await signIn('official-532302', PASSWORD);
    expect(res.status).toBe(200);
    expect(me.parse(res.body)).toEqual({
      login: 'official-532302', name: '禄丰市商务局', role: 'official', areaCode: '532302', storeIds: [], homeArea: '532302', scopeAreas: ['532302'],
      areaNames: { 532302: '禄丰市' }, demo: false, via: 'session', sessionExpiresAt: new Date(now + TTL).toISOString(),
    });
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0]!;
    expect(cookie).toMatch(/^cx_session=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}; Max-Age=3600; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    expect(JSON.stringify(res.body)).not.toContain('scrypt');
  });

  test('behind a TLS proxy that says so, the cookie is Secure and HSTS is sent', async () => {
    const res = await request(t.app).post('/api/session').set('X-Forwarded-Proto', 'https').send({ login: 'analyst', password: PASSWORD });
    expect(res.status).toBe(200);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toContain('; Secure');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  test('a wrong password and an unknown login get the same 401', async () => {
    for (const [login, password] of [['analyst', 'wrong password'], ['nobody-here', PASSWORD]]) {
      const res = await signIn(login!, password!, '198.51.100.2');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'invalid_credentials', message: 'wrong login or password' });
    }
  });

  test('a body without a password: 400 naming it', async () => {
    const res = await request(t.app).post('/api/session').send({ login: 'analyst' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', field: 'password', message: 'password: Invalid input: expected string, received undefined' });
  });

  test('failures are slowed after 2, and the account locked after 4, even for the right password, until the lock ends', async () => {
    delays.length = 0;
    const target = 'official-532301';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(target, `guess ${i}`, '198.51.100.3')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const locked = await signIn(target, PASSWORD, '198.51.100.3');
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: 'too_many_requests', message: 'too many failed sign-ins for this account; try again in 1 minute', retryAfterSeconds: 60 });
    expect(locked.headers['retry-after']).toBe('60');
    now += 61_000;
    expect((await signIn(target, PASSWORD, '198.51.100.3')).status).toBe(200);
    // A success starts the count afresh.
    expect((await signIn(target, 'one more guess', '198.51.100.3')).status).toBe(401);
    expect((await signIn(target, PASSWORD, '198.51.100.3')).status).toBe(200);
  });

  test('the delay doubles with each failure past the threshold', async () => {
    const slept: number[] = [];
    const local = createApp({
      warehouse: t.wh, queries, migrations, clock, sleep: async (ms) => { slept.push(ms); },
      auth: { secret: SECRET, passwordCost: 4, throttle: { slowAfter: 2, baseDelayMs: 100, accountLockAfter: 50, addressLockAfter: 50 } },
      limits: { perAddressPerMinute: 1e6, perAccountPerMinute: 1e6 },
    });
    for (let i = 0; i < 5; i++) {
      expect((await request(local).post('/api/session').send({ login: 'ghost-user', password: `guess ${i}` })).status).toBe(401);
    }
    expect(slept).toEqual([100, 200, 400]); // before attempts 3, 4 and 5: the first two answer at once
    await (local.locals as unknown as AppLocals).close();
  });

  test('one address guessing many logins is locked too', async () => {
    const address = '198.51.100.5';
    for (let i = 0; i < 9; i++) expect((await signIn(`someone-${i}`, 'guess', address)).status).toBe(401);
    const res = await signIn('analyst', PASSWORD, address);
    expect(res.status).toBe(429);
    expect(res.body.message).toBe('too many failed sign-ins from your address; try again in 1 minute');
    // Another address is not affected.
    expect((await signIn('analyst', PASSWORD, '198.51.100.6')).status).toBe(200);
  });

  test('a disabled account cannot sign in, and its open session ends', async () => {
    const agent = await t.agent('merchant2');
    expect((await agent.get('/api/session')).status).toBe(200);
    const admin = await t.agent('admin');
    expect((await admin.patch('/api/accounts/merchant-2').send({ disabled: true })).status).toBe(200);
    const res = await signIn('merchant-2', PASSWORD, '198.51.100.7');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'account_disabled', message: 'this account is disabled; ask an administrator' });
    expect((await agent.get('/api/session')).body).toEqual({ error: 'unauthorized', message: 'this account is disabled' });
    expect((await admin.patch('/api/accounts/merchant-2').send({ disabled: false })).status).toBe(200);
    expect((await agent.get('/api/session')).status).toBe(200);
  });
});

describe('an account\'s scope changed by an administrator', () => {
  test('a merchant\'s stores and an official\'s area: the open session\'s next request has the new scope', async () => {
    const admin = await t.agent('admin');
    const merchant = await t.agent('merchant2');
    const official = await t.agent('chuxiong');
    try {
      expect((await merchant.get('/api/stores/ST-532301101')).status).toBe(200);
      // One store taken away (given twice: kept once).
      const changed = await admin.patch('/api/accounts/merchant-2').send({ storeIds: ['ST-532302102', 'ST-532302102'] });
      expect({ status: changed.status, storeIds: changed.body.storeIds, role: changed.body.role }).toEqual({ status: 200, storeIds: ['ST-532302102'], role: 'merchant' });
      expect((await merchant.get('/api/session')).body.storeIds).toEqual(['ST-532302102']);
      expect((await merchant.get('/api/stores/ST-532301101')).status).toBe(403);
      // The official moved from 楚雄市 to 禄丰市.
      expect((await official.get('/api/demand/heatmap?area=532301')).status).toBe(200);
      const old = await official.get('/api/demand/heatmap');
      expect([old.status, old.body.area.code]).toEqual([200, '532301']);
      expect(old.headers.etag).toMatch(/^W\//);
      expect((await admin.patch('/api/accounts/official-532301').send({ areaCode: '532302' })).body.areaCode).toBe('532302');
      // The same address, revalidated with the old answer's tag: not "unchanged" (a 304 kept 楚雄市 on screen).
      const moved = await official.get('/api/demand/heatmap').set('If-None-Match', old.headers.etag as string);
      expect([moved.status, moved.body.area.code]).toEqual([200, '532302']);
      expect((await official.get('/api/session')).body).toMatchObject({ areaCode: '532302', homeArea: '532302', scopeAreas: ['532302'] });
      expect((await official.get('/api/demand/heatmap?area=532301')).status).toBe(403);
      // A scope of the other kind, an unknown store, an area no official oversees: refused, naming the field; nothing changed.
      const refusals = [
        ['merchant-2', { areaCode: '532302' }, 'areaCode', 'areaCode: an area is only for officials, not merchant'],
        ['official-532301', { storeIds: ['ST-532302101'] }, 'storeIds', 'storeIds: stores are only for merchants, not official'],
        ['merchant-2', { storeIds: ['ST-NO-SUCH'] }, 'storeIds', 'storeIds: unknown store ST-NO-SUCH'],
        ['official-532301', { areaCode: '532399' }, 'areaCode', 'areaCode: unknown area code 532399: an official oversees 5323 or one of its counties'],
        ['merchant-2', { storeIds: [] }, 'storeIds', 'storeIds: must name at least one store'],
        // An emptied area box: missing, not "no county's code", and not taken for no change.
        ['official-532301', { areaCode: '' }, 'areaCode', 'areaCode: is required for an official'],
      ] as const;
      for (const [login, body, field, message] of refusals) {
        const res = await admin.patch(`/api/accounts/${login}`).send(body);
        expect({ login, status: res.status, field: res.body.field, message: res.body.message }).toEqual({ login, status: 400, field, message });
      }
      expect((await merchant.get('/api/session')).body.storeIds).toEqual(['ST-532302102']);
      expect((await official.get('/api/session')).body.areaCode).toBe('532302');
    } finally {
      // Put back for the tests after this one, whatever failed above.
      await admin.patch('/api/accounts/merchant-2').send({ storeIds: ACCOUNTS.merchant2.storeIds });
      await admin.patch('/api/accounts/official-532301').send({ areaCode: '532301' });
    }
    expect((await merchant.get('/api/stores/ST-532301101')).status).toBe(200);
  });
});

describe('sessions', () => {
  test('signing out ends the session and clears the cookie; the old cookie is refused', async () => {
    const res = await signIn('analyst', PASSWORD, '198.51.100.8');
    const cookie = cookieOf(res);
    expect((await request(t.app).get('/api/session').set('Cookie', cookie)).status).toBe(200);
    const out = await request(t.app).delete('/api/session').set('Cookie', cookie);
    expect(out.status).toBe(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^cx_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const again = await request(t.app).get('/api/session').set('Cookie', cookie);
    expect(again.status).toBe(401);
    expect(again.body).toEqual({ error: 'unauthorized', message: 'you were signed out; sign in again' });
  });

  test('sign out everywhere ends every session of the account', async () => {
    const a = cookieOf(await signIn('official-5323', PASSWORD, '198.51.100.9'));
    const b = cookieOf(await signIn('official-5323', PASSWORD, '198.51.100.10'));
    now += 1;
    expect((await request(t.app).post('/api/session/sign-out-everywhere').set('Cookie', a)).status).toBe(204);
    for (const c of [a, b]) {
      const res = await request(t.app).get('/api/session').set('Cookie', c);
      expect(res.body).toEqual({ error: 'unauthorized', message: 'you were signed out everywhere; sign in again' });
    }
    now += 1;
    expect((await signIn('official-5323', PASSWORD, '198.51.100.9')).status).toBe(200);
  });

  test('an expired session is refused', async () => {
    const cookie = cookieOf(await signIn('analyst', PASSWORD, '198.51.100.11'));
    now += TTL + 1;
    const res = await request(t.app).get('/api/session').set('Cookie', cookie);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthorized', message: 'your session has expired; sign in again' });
  });

  test('tampered and forged cookies are refused', async () => {
    const cookie = cookieOf(await signIn('analyst', PASSWORD, '198.51.100.12'));
    const [name, value] = cookie.split('=') as [string, string];
    const [id] = value.split('.') as [string];
    const flipped = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    const forgeries = [
      `${name}=${flipped}.${value.split('.')[1]}`, // the id changed, the signature kept
      `${name}=${sign(flipped, 'some-other-secret-some-other-secret-0000')}`, // signed with another secret
      `${name}=${id}`, // no signature at all
      `${name}=garbage`,
    ];
    for (const forged of forgeries) {
      const res = await request(t.app).get('/api/session').set('Cookie', forged);
      expect(res.status, forged).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized', message: 'the session cookie is not valid; sign in again' });
    }
    // A correctly signed id that no session has: the signature is right, the session unknown.
    const unknown = await request(t.app).get('/api/session').set('Cookie', `${name}=${sign('x'.repeat(43), SECRET)}`);
    expect(unknown.body).toEqual({ error: 'unauthorized', message: 'you were signed out; sign in again' });
  });

  test('changing the password needs the current one, ends the other sessions, and keeps this one going', async () => {
    const other = cookieOf(await signIn('merchant', PASSWORD, '198.51.100.13'));
    const agent = await t.agent('merchant');
    const wrong = await agent.put('/api/account/password').send({ current: 'not it', next: 'a brand new password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'bad_request', field: 'current', message: 'current: is not your current password' });
    const short = await agent.put('/api/account/password').send({ current: PASSWORD, next: 'short' });
    expect(short.body).toEqual({ error: 'bad_request', field: 'next', message: 'next: must be at least 8 characters' });
    now += 1;
    expect((await agent.put('/api/account/password').send({ current: PASSWORD, next: 'a brand new password' })).status).toBe(200);
    expect((await agent.get('/api/session')).status).toBe(200);
    expect((await request(t.app).get('/api/session').set('Cookie', other)).status).toBe(401);
    expect((await signIn('merchant', PASSWORD, '198.51.100.14')).status).toBe(401);
    expect((await signIn('merchant', 'a brand new password', '198.51.100.14')).status).toBe(200);
    now += 1;
    await t.locals.services.accounts.setPassword('merchant', PASSWORD);
  });
});

describe('API tokens', () => {
  test('made once, used as a bearer, listed without the secret, revoked; a restart keeps the live one and not the revoked one', async () => {
    const agent = await t.agent('analyst');
    const made = await agent.post('/api/account/tokens').send({ name: 'nightly export', expiresInDays: 30 });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^cxt_[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(made.body).toMatchObject({ name: 'nightly export', revoked: false, state: 'valid', expiresAt: new Date(now + 30 * 86_400_000).toISOString() });
    const keep = (await agent.post('/api/account/tokens').send({ name: 'kept' })).body.token as string;
    const bearer = (token: string, app = t.app) => request(app).get('/api/session').set('Authorization', `Bearer ${token}`);

    const whoami = await bearer(made.body.token);
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({ login: 'analyst', via: 'token', sessionExpiresAt: null });

    const list = await agent.get('/api/account/tokens');
    expect(list.body.tokens.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['nightly export', 'kept']));
    expect(JSON.stringify(list.body)).not.toContain(made.body.token.slice(-43));

    // Another account cannot revoke it.
    expect((await (await t.agent('admin')).delete(`/api/account/tokens/${made.body.id}`)).status).toBe(404);
    expect((await agent.delete(`/api/account/tokens/${made.body.id}`)).status).toBe(204);
    expect((await bearer(made.body.token)).body).toEqual({ error: 'unauthorized', message: 'API token revoked' });
    expect(((await agent.get('/api/account/tokens')).body.tokens as { id: string; state: string }[]).find((x) => x.id === made.body.id)!.state).toBe('revoked');

    // A restart: a new app, new caches, on the same warehouse.
    const restarted = createApp({ warehouse: t.wh, queries, migrations, clock, auth: { secret: SECRET } });
    expect((await bearer(keep, restarted)).status).toBe(200);
    expect((await bearer(made.body.token, restarted)).body).toEqual({ error: 'unauthorized', message: 'API token revoked' });
    await (restarted.locals as unknown as AppLocals).close();
  });

  test('tampered, malformed, expired tokens and a bad header are refused', async () => {
    const agent = await t.agent('analyst');
    const short = (await agent.post('/api/account/tokens').send({ name: 'short-lived', expiresInDays: 1 })).body.token as string;
    const tampered = `${short.slice(0, -1)}${short.endsWith('A') ? 'B' : 'A'}`;
    const cases: [string, string][] = [
      [`Bearer ${tampered}`, 'API token unknown'],
      ['Bearer cxt_0123456789abcdef_x', 'API token malformed'],
      ['Bearer cxt_0123456789abcdef_' + 'A'.repeat(43), 'API token unknown'],
      ['Basic YWRtaW46YWRtaW4=', 'the Authorization header must read "Bearer <token>"'],
    ];
    for (const [header, message] of cases) {
      const res = await request(t.app).get('/api/session').set('Authorization', header);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized', message });
    }
    const listed = async () => ((await (await t.agent('analyst')).get('/api/account/tokens')).body.tokens as { name: string; state: string }[]).find((x) => x.name === 'short-lived')!.state;
    expect(await listed()).toBe('valid');
    now += 86_400_000 + 1;
    expect((await request(t.app).get('/api/session').set('Authorization', `Bearer ${short}`)).body)
      .toEqual({ error: 'unauthorized', message: 'API token expired' });
    // The list says so by the platform's clock, as the check does (the page judged by the browser's;
    // a new sign-in, the day having ended the session).
    expect(await listed()).toBe('expired');
  });

  test('a disabled account\'s token is refused', async () => {
    const agent = await t.agent('prefecture');
    const token = (await agent.post('/api/account/tokens').send({ name: 'x' })).body.token as string;
    now += 1;
    await t.locals.services.accounts.update(ACCOUNTS.prefecture.login, { disabled: true });
    expect((await request(t.app).get('/api/session').set('Authorization', `Bearer ${token}`)).body)
      .toEqual({ error: 'unauthorized', message: 'the account of this API token is disabled' });
    now += 1;
    await t.locals.services.accounts.update(ACCOUNTS.prefecture.login, { disabled: false });
  });
});

describe('demo sign-in', () => {
  test('off outside the embedded demo: no accounts listed, one-click sign-in is 404', async () => {
    expect((await request(t.app).get('/api/session/demo')).body).toEqual({ accounts: [] });
    const res = await request(t.app).post('/api/session/demo').send({ login: 'analyst' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not_found', message: 'demo sign-in is not enabled on this platform' });
  });
});

describe('demo sign-in on the embedded demo', () => {
  test('the demo accounts are listed and signed in with one click; other accounts are not', async () => {
    const { ensureDemoAccounts } = await import('../../api/auth/demo-accounts.ts');
    const demo = await openTestApp({ wh: t.wh, auth: { demo: true, cacheMs: 0 }, accounts: [] });
    await ensureDemoAccounts(demo.locals.services.accounts, 'demo');
    const listed = await request(demo.app).get('/api/session/demo');
    expect(listed.body.accounts.map((a: { login: string; role: string }) => `${a.login} ${a.role}`)).toEqual([
      'demo-admin admin', 'demo-analyst analyst', 'demo-merchant merchant', 'demo-official official', 'demo-official-lufeng official',
    ]);
    const res = await request(demo.app).post('/api/session/demo').send({ login: 'demo-merchant' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'demo-merchant', role: 'merchant', storeIds: ['ST-532302101'], homeArea: '532302', demo: true });
    expect((await request(demo.app).post('/api/session').send({ login: 'demo-official-lufeng', password: 'demo' })).body.areaCode).toBe('532302');
    const refused = await request(demo.app).post('/api/session/demo').send({ login: 'analyst' });
    expect(refused.body).toEqual({ error: 'bad_request', field: 'login', message: 'login: analyst is not a demo account' });
    await demo.close();
  });
});
