// Who is asking: a signed session cookie or a bearer token, resolved to the account behind it.
// A request with neither is anonymous; one with a bad one is refused with the reason, so a
// person whose session ended is told so instead of seeing an empty page.
import type { Request } from 'express';
import type { Role } from '../../contracts/auth.ts';
import type { AccountRecord, Accounts } from './accounts.ts';
import { unsign } from './secrets.ts';
import type { Sessions } from './sessions.ts';
import type { Tokens } from './tokens.ts';

export interface Principal {
  login: string;
  name: string;
  role: Role;
  areaCode: string | null;
  storeIds: readonly string[];
  demo: boolean;
  via: 'session' | 'token';
  sessionId?: string; // the cookie's session id (to sign out this one)
  sessionExpiresMs?: number;
  tokenId?: string;
}

export type Resolution =
  | { principal: Principal }
  | { anonymous: true }
  | { refused: string }; // a credential was given and is not good: the reason, for the 401

export const SESSION_COOKIE = 'cx_session';

export interface Authenticator {
  resolve(req: Request): Promise<Resolution>;
}

export function createAuthenticator(deps: { accounts: Accounts; sessions: Sessions; tokens: Tokens; secret: string; clock?: () => number }): Authenticator {
  const { accounts, sessions, tokens, secret, clock = Date.now } = deps;

  function principalOf(a: AccountRecord, via: Principal['via'], extra: Partial<Principal>): Principal {
    return { login: a.login, name: a.name, role: a.role, areaCode: a.areaCode, storeIds: a.storeIds, demo: a.demo, via, ...extra };
  }

  async function fromToken(token: string): Promise<Resolution> {
    const checked = await tokens.check(token);
    if ('refused' in checked) return { refused: `API token ${checked.refused}` };
    const a = await accounts.get(checked.record.login);
    if (!a || a.disabled) return { refused: 'the account of this API token is disabled' };
    return { principal: principalOf(a, 'token', { tokenId: checked.record.id }) };
  }

  async function fromCookie(value: string): Promise<Resolution> {
    const id = unsign(value, secret);
    if (!id) return { refused: 'the session cookie is not valid; sign in again' };
    const s = await sessions.find(id);
    if (!s || s.revoked) return { refused: 'you were signed out; sign in again' };
    if (s.expiresMs <= clock()) return { refused: 'your session has expired; sign in again' };
    const a = await accounts.get(s.login);
    if (!a || a.disabled) return { refused: 'this account is disabled' };
    if (s.createdMs < a.sessionsValidAfterMs) return { refused: 'you were signed out everywhere; sign in again' };
    return { principal: principalOf(a, 'session', { sessionId: id, sessionExpiresMs: s.expiresMs }) };
  }

  return {
    async resolve(req) {
      const auth = req.headers.authorization;
      if (typeof auth === 'string' && auth.length > 0) {
        const m = /^Bearer\s+(\S+)$/i.exec(auth);
        if (!m) return { refused: 'the Authorization header must read "Bearer <token>"' };
        return fromToken(m[1]!);
      }
      const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (cookie === undefined) return { anonymous: true };
      return fromCookie(cookie);
    },
  };
}

/** One cookie's value from a Cookie header; undefined when absent. Tolerates any garbage around it. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
