// Who is asking: roles, accounts, sign-in and API tokens, as zod schemas. The API parses requests
// with these, the web app builds its requests from their types, and the OpenAPI description is
// generated from them. Browser-safe.
import { z } from 'zod';
import { ROLES, type Role } from './codes.ts';
import { plainText } from './text.ts';

export { ROLES, type Role };
export const role = z.enum(ROLES).describe('admin: accounts and operations; official: an area; merchant: their stores; analyst: all data.');

export const login = z.string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'must be 3-64 lower-case letters, digits or . _ - (starting with a letter or digit)')
  .describe('Sign-in name.');

/** Passwords: long enough to resist guessing, short enough that scrypt input stays bounded. */
export const password = z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters');

/** An official's area: the prefecture (5323) or one of its counties. */
// An emptied area is said to be missing (first issue), not to be no county's code: an official's
// form sends its area as typed, and a change to '' must be refused, not taken as no change.
export const officialArea = z.string().min(1, 'is required for an official').regex(/^5323(\d{2})?$/, 'must be 5323 (the prefecture) or a 6-digit county code in Chuxiong');

export const storeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1-64 letters, digits or . _ : -');

export const signInRequest = z.object({
  login: z.string().min(1, 'is required').max(64, 'must be at most 64 characters'),
  password: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
}).strict();

export const demoSignInRequest = z.object({ login: z.string().min(1, 'is required').max(64) }).strict();

/** The signed-in caller, as the web app sees it. */
export const me = z.object({
  login: z.string(),
  name: z.string(),
  role,
  areaCode: z.string().nullable().describe('Official: the area they oversee.'),
  storeIds: z.array(z.string()).describe('Merchant: the stores they run.'),
  homeArea: z.string().nullable().describe('The area their views open on; null for admins.'),
  scopeAreas: z.array(z.string()).describe('Area code prefixes whose aggregates they may see.'),
  areaNames: z.record(z.string(), z.string()).describe('Names of homeArea and areaCode.'),
  demo: z.boolean(),
  via: z.enum(['session', 'token']),
  sessionExpiresAt: z.string().nullable().describe('ISO time the session ends; null for a token.'),
});
export type Me = z.infer<typeof me>;

export const demoAccounts = z.object({
  accounts: z.array(z.object({ login: z.string(), role, name: z.string() })),
});

/** An account as an administrator sees it: never its password hash. */
export const account = z.object({
  login: z.string(),
  name: z.string(),
  role,
  areaCode: z.string().nullable(),
  storeIds: z.array(z.string()),
  disabled: z.boolean(),
  demo: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof account>;

const accountFields = {
  name: plainText(z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters')),
  role,
  areaCode: officialArea.optional(),
  storeIds: z.array(storeId).min(1, 'must name at least one store').max(50, 'must name at most 50 stores').optional(),
};

/** Scope fits role: an official has an area, a merchant stores, the others neither. */
function checkScope(a: { role?: Role; areaCode?: string; storeIds?: string[] }, ctx: z.RefinementCtx) {
  if (a.role === 'official' && !a.areaCode) ctx.addIssue({ code: 'custom', path: ['areaCode'], message: 'is required for an official' });
  if (a.role !== 'official' && a.role !== undefined && a.areaCode) ctx.addIssue({ code: 'custom', path: ['areaCode'], message: `is only for officials, not ${a.role}` });
  if (a.role === 'merchant' && !a.storeIds) ctx.addIssue({ code: 'custom', path: ['storeIds'], message: 'is required for a merchant' });
  if (a.role !== 'merchant' && a.role !== undefined && a.storeIds) ctx.addIssue({ code: 'custom', path: ['storeIds'], message: `is only for merchants, not ${a.role}` });
}

export const createAccountRequest = z.object({
  login,
  ...accountFields,
  password: password.optional().describe('Left out: a random one is made and returned once.'),
}).strict().superRefine(checkScope);
export type CreateAccountRequest = z.input<typeof createAccountRequest>;

/** A change to an account: its name, whether it is disabled, or its scope (an official's area, a
 *  merchant's stores; checked against the account's role, which does not change: a person in
 *  another role gets another account). A scope change applies from the account's next request. */
export const updateAccountRequest = z.object({
  name: accountFields.name.optional(),
  disabled: z.boolean().optional(),
  areaCode: accountFields.areaCode,
  storeIds: accountFields.storeIds,
}).strict().refine((u) => Object.keys(u).length > 0, { message: 'must change name, disabled, areaCode or storeIds', path: ['body'] });

/** A password made by the platform, shown once. */
export const issuedPassword = z.object({ login: z.string(), password: z.string() });

export const changePasswordRequest = z.object({
  current: z.string().min(1, 'is required').max(256),
  next: password,
}).strict();

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revoked: z.boolean(),
  state: z.enum(['valid', 'expired', 'revoked']).describe('Whether the token lets its bearer in now, by the platform\'s clock.'),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createTokenRequest = z.object({
  name: plainText(z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters')),
  expiresInDays: z.int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').optional()
    .describe('Left out: the token does not expire (revoke it when done).'),
}).strict();

export const createdToken = apiToken.extend({ token: z.string().describe('The bearer token itself, shown only this once.') });

export const tokenIdParams = z.object({ id: z.string().regex(/^[a-f0-9]{16}$/, 'must be a 16-digit hex token id') });
export const loginParams = z.object({ login });
