// The caller's own account: change the password, and the API tokens for their scripts.
import { z } from 'zod';
import { apiToken, changePasswordRequest, createdToken, createTokenRequest, me, tokenIdParams, type ApiToken } from '../../contracts/auth.ts';
import type { Accounts } from '../auth/accounts.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { TokenRecord, Tokens } from '../auth/tokens.ts';
import type { Directory } from '../directory.ts';
import { badRequest, notFound } from '../errors.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { describeMe, setSessionCookie } from './session.ts';

const EVERYONE = ['admin', 'official', 'merchant', 'analyst'] as const;

export const tokenView = (t: TokenRecord, state: ApiToken['state']): ApiToken => ({
  id: t.id, name: t.name, createdAt: new Date(t.createdMs).toISOString(),
  expiresAt: t.expiresMs ? new Date(t.expiresMs).toISOString() : null, revoked: t.revoked, state,
});

export function accountRoutes(deps: { accounts: Accounts; sessions: Sessions; tokens: Tokens; directory: Directory; secret: string; sessionTtlMs: number }): AnyRoute[] {
  const { accounts, sessions, tokens, directory, secret, sessionTtlMs } = deps;
  return [
    defineRoute({
      method: 'put', path: '/api/account/password', tag: 'account',
      summary: 'Change the caller\'s password; every other session of the account ends',
      access: { roles: EVERYONE, scope: { kind: 'self' } },
      body: changePasswordRequest, response: me,
      async handler({ principal, body, req, res }) {
        const checked = await accounts.verify(principal!.login, body.current);
        if ('refused' in checked) throw badRequest('current', 'is not your current password');
        const a = await accounts.setPassword(principal!.login, body.next);
        // The new password ended every session; this browser carries on in a fresh one.
        const { id, record } = await sessions.create(a.login, { address: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? '') });
        if (principal!.via === 'session') setSessionCookie(req, res, id, secret, sessionTtlMs);
        return describeMe({ ...principal!, via: 'session', sessionId: id, sessionExpiresMs: record.expiresMs }, directory);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/account/tokens', tag: 'account', summary: 'The caller\'s API tokens (never the secrets)',
      access: { roles: EVERYONE, scope: { kind: 'self' } },
      response: z.object({ tokens: z.array(apiToken) }),
      rows: (b) => b.tokens.length,
      async handler({ principal }) {
        return { tokens: (await tokens.list(principal!.login)).map((x) => tokenView(x, tokens.stateOf(x))) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/account/tokens', tag: 'account',
      summary: 'Make an API token for scripts (Authorization: Bearer ...); the token is shown only in this answer',
      access: { roles: EVERYONE, scope: { kind: 'self' } },
      body: createTokenRequest, response: createdToken, status: 201,
      audit: { body: (b) => b },
      async handler({ principal, body }) {
        const { token, record } = await tokens.create(principal!.login, body.name, body.expiresInDays);
        return { ...tokenView(record, tokens.stateOf(record)), token };
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/account/tokens/:id', tag: 'account', summary: 'Revoke one of the caller\'s API tokens',
      access: { roles: EVERYONE, scope: { kind: 'self' } },
      params: tokenIdParams, status: 204,
      async handler({ principal, params }) {
        if (!(await tokens.revoke(params.id, principal!.login))) throw notFound(`no token ${params.id} of yours`);
      },
    }),
  ];
}
