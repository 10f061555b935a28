// Signing in and out. POST /api/session checks the password (slowed, then locked, after repeated
// failures) and sets the session cookie; DELETE /api/session ends it; GET /api/session says who
// is signed in. On the embedded demo, the demo accounts can be signed in with one click.
import type { Request, Response } from 'express';
import { demoAccounts, demoSignInRequest, me, signInRequest, type Me } from '../../contracts/auth.ts';
import type { Accounts, AccountRecord } from '../auth/accounts.ts';
import { readCookie, SESSION_COOKIE, type Principal } from '../auth/principal.ts';
import { sign, unsign } from '../auth/secrets.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { SignInThrottle } from '../auth/sign-in-throttle.ts';
import type { Directory } from '../directory.ts';
import { HttpError, tooMany } from '../errors.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { scopeOf } from '../scope.ts';

export interface SessionDeps {
  accounts: Accounts;
  sessions: Sessions;
  throttle: SignInThrottle;
  directory: Directory;
  secret: string;
  sessionTtlMs: number;
  demo: boolean; // one-click demo sign-in (the embedded default only)
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

/** The signed-in caller as the web app sees it. */
export async function describeMe(p: Principal, directory: Directory): Promise<Me> {
  const scope = await scopeOf(p, directory);
  const areaNames: Record<string, string> = {};
  for (const code of [scope.homeArea, p.areaCode]) {
    const name = code ? (await directory.area(code))?.name : undefined;
    if (code && name) areaNames[code] = name;
  }
  return {
    login: p.login, name: p.name, role: p.role, areaCode: p.areaCode, storeIds: [...p.storeIds], homeArea: scope.homeArea, scopeAreas: [...scope.areas],
    areaNames, demo: p.demo, via: p.via,
    sessionExpiresAt: p.sessionExpiresMs ? new Date(p.sessionExpiresMs).toISOString() : null,
  };
}

export function setSessionCookie(req: Request, res: Response, id: string, secret: string, ttlMs: number): void {
  res.cookie(SESSION_COOKIE, sign(id, secret), {
    httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: ttlMs, encode: String,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

export function sessionRoutes(deps: SessionDeps): AnyRoute[] {
  const { accounts, sessions, throttle, directory, secret, sessionTtlMs, demo } = deps;
  const clock = deps.clock ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function startSession(req: Request, res: Response, a: AccountRecord): Promise<Me> {
    const { id, record } = await sessions.create(a.login, { address: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? '') });
    setSessionCookie(req, res, id, secret, sessionTtlMs);
    res.locals.signedIn = { login: a.login, role: a.role, via: 'session' };
    return describeMe({
      login: a.login, name: a.name, role: a.role, areaCode: a.areaCode, storeIds: a.storeIds, demo: a.demo,
      via: 'session', sessionId: id, sessionExpiresMs: record.expiresMs,
    }, directory);
  }

  return [
    defineRoute({
      method: 'post', path: '/api/session', tag: 'session', summary: 'Sign in with login and password; sets the session cookie',
      access: { roles: [], scope: { kind: 'public', why: 'signing in' } },
      body: signInRequest, response: me,
      audit: { body: (b) => ({ login: b.login }) },
      async handler({ body, req, res }) {
        const address = req.ip ?? '';
        const verdict = await throttle.check(body.login, address);
        if (verdict.locked) {
          const minutes = Math.ceil(verdict.retryAfterMs / 60_000);
          throw tooMany(`too many failed sign-ins ${verdict.by === 'account' ? 'for this account' : 'from your address'}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
            Math.ceil(verdict.retryAfterMs / 1000));
        }
        if (verdict.delayMs > 0) await sleep(verdict.delayMs);
        const checked = await accounts.verify(body.login, body.password);
        await throttle.record(body.login, address, 'account' in checked);
        if ('refused' in checked) {
          if (checked.refused === 'disabled') throw new HttpError(403, 'account_disabled', 'this account is disabled; ask an administrator');
          throw new HttpError(401, 'invalid_credentials', 'wrong login or password');
        }
        return startSession(req, res, checked.account);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/session', tag: 'session', summary: 'Who is signed in',
      access: { roles: ['admin', 'official', 'merchant', 'analyst'], scope: { kind: 'self' } },
      response: me, audit: false,
      handler: ({ principal }) => describeMe(principal!, directory),
    }),
    defineRoute({
      method: 'delete', path: '/api/session', tag: 'session', summary: 'Sign out: ends this session and clears the cookie',
      access: { roles: [], scope: { kind: 'public', why: 'signing out always succeeds, signed in or not' } },
      status: 204,
      async handler({ req, res }) {
        const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
        const id = cookie ? unsign(cookie, secret) : null;
        if (id) await sessions.revoke(id);
        clearSessionCookie(req, res);
      },
    }),
    defineRoute({
      method: 'post', path: '/api/session/sign-out-everywhere', tag: 'session',
      summary: 'Ends every session of the caller\'s account, on every device, this one included',
      access: { roles: ['admin', 'official', 'merchant', 'analyst'], scope: { kind: 'self' } },
      status: 204,
      async handler({ principal, req, res }) {
        await accounts.update(principal!.login, { sessionsValidAfterMs: clock() + 1 });
        clearSessionCookie(req, res);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/session/demo', tag: 'session', summary: 'The demo accounts offered for one-click sign-in (none outside the embedded demo)',
      access: { roles: [], scope: { kind: 'public', why: 'the sign-in page lists them' } },
      response: demoAccounts, audit: false,
      async handler() {
        if (!demo) return { accounts: [] };
        const all = await accounts.list();
        return { accounts: all.filter((a) => a.demo && !a.disabled).map((a) => ({ login: a.login, role: a.role, name: a.name })) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/session/demo', tag: 'session', summary: 'One-click sign-in as a demo account (embedded demo only)',
      access: { roles: [], scope: { kind: 'public', why: 'demo sign-in; refused outside the embedded demo' } },
      body: demoSignInRequest, response: me,
      audit: { body: (b) => ({ login: b.login }) },
      async handler({ body, req, res }) {
        if (!demo) throw new HttpError(404, 'not_found', 'demo sign-in is not enabled on this platform');
        const a = await accounts.get(body.login);
        if (!a || !a.demo || a.disabled) throw new HttpError(400, 'bad_request', `login: ${body.login} is not a demo account`, 'login');
        return startSession(req, res, a);
      },
    }),
  ];
}
