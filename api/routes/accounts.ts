// Managing accounts (administrators): list, create, disable or rename, reset a password, end
// someone's sessions. The same rules as `npm run user`, through the same api/auth/accounts.ts.
import { z } from 'zod';
import { account, createAccountRequest, issuedPassword, loginParams, updateAccountRequest, type Account } from '../../contracts/auth.ts';
import { adminDirectoryResponse } from '../../contracts/stores.ts';
import type { AccountRecord, Accounts } from '../auth/accounts.ts';
import type { Directory } from '../directory.ts';
import { ancestors } from '../officials/cockpit.ts';
import { generatePassword } from '../auth/passwords.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { HttpError } from '../errors.ts';

const ADMIN = { roles: ['admin'] as const, scope: { kind: 'platform' as const, why: 'account management' } };

export const accountView = (a: AccountRecord): Account => ({
  login: a.login, name: a.name, role: a.role, areaCode: a.areaCode, storeIds: a.storeIds,
  disabled: a.disabled, demo: a.demo, createdAt: new Date(a.createdMs).toISOString(),
});

export function accountsRoutes(deps: { accounts: Accounts; directory: Directory; clock?: () => number }): AnyRoute[] {
  const { accounts, directory, clock = Date.now } = deps;
  return [
    defineRoute({
      method: 'get', path: '/api/admin/directory', tag: 'accounts',
      summary: 'The areas an official account may oversee and the registered stores (names and places, no figures), to give an account its scope',
      access: { roles: ['admin'], scope: { kind: 'platform', why: 'the areas and the registered stores, to assign them to accounts; no sales' } },
      response: adminDirectoryResponse, rows: (b) => b.areas.length + b.stores.length,
      async handler() {
        // Named from the county down (the prefecture, the same for all, left out): two villages of
        // one name in different townships stay apart.
        const place = async (code: string) => [...(await ancestors(directory, code)).slice(1).map((a) => a.name), (await directory.area(code))?.name ?? code].join(' ');
        return {
          areas: (await directory.areasUnder('5323')).filter((a) => a.level === 'prefecture' || a.level === 'county').map((a) => ({ code: a.code, name: a.name })),
          stores: await Promise.all((await directory.stores()).map(async (s) => ({ id: s.id, name: s.name, type: s.type, areaCode: s.areaCode, place: await place(s.areaCode) }))),
        };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/accounts', tag: 'accounts', summary: 'Every account', access: ADMIN,
      response: z.object({ accounts: z.array(account) }), rows: (b) => b.accounts.length,
      async handler() {
        return { accounts: (await accounts.list()).map(accountView) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/accounts', tag: 'accounts',
      summary: 'Create an account; without a password, one is made and shown only in this answer', access: ADMIN,
      body: createAccountRequest, status: 201,
      response: z.object({ account, password: z.string().nullable().describe('The password made for the account, when none was given.') }),
      audit: { body: (b) => ({ login: b.login, role: b.role, areaCode: b.areaCode, storeIds: b.storeIds }), attempt: ['login', 'role', 'areaCode', 'storeIds'] },
      async handler({ body }) {
        const password = body.password ?? generatePassword();
        const a = await accounts.create({ ...body, password });
        return { account: accountView(a), password: body.password ? null : password };
      },
    }),
    defineRoute({
      method: 'patch', path: '/api/accounts/:login', tag: 'accounts', summary: 'Rename, disable or enable an account, or change its area or stores', access: ADMIN,
      params: loginParams, body: updateAccountRequest, response: account,
      audit: { body: (b) => b, attempt: ['name', 'areaCode', 'storeIds'] },
      async handler({ params, body, principal }) {
        // An administrator who disabled their own account was signed out at once and, were they the
        // only one, left the platform with nobody to manage it. Another administrator may.
        if (body.disabled === true && params.login === principal!.login) {
          throw new HttpError(409, 'conflict', 'disabled: you cannot disable your own account; another administrator can', 'disabled');
        }
        return accountView(await accounts.update(params.login, body));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/accounts/:login/password', tag: 'accounts',
      summary: 'Reset a password to a new random one, shown only in this answer; the account\'s sessions end', access: ADMIN,
      params: loginParams, response: issuedPassword,
      async handler({ params }) {
        const password = generatePassword();
        await accounts.setPassword(params.login, password);
        return { login: params.login, password };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/accounts/:login/sign-out', tag: 'accounts', summary: 'End every session of an account', access: ADMIN,
      params: loginParams, status: 204,
      async handler({ params }) {
        await accounts.update(params.login, { sessionsValidAfterMs: clock() + 1 });
      },
    }),
  ];
}
