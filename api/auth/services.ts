// The identity services over one warehouse, built once: by the API (createApp) and by the
// `npm run user` command, so both apply the same rules.
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { createDirectory, type Directory } from '../directory.ts';
import { createAccounts, type Accounts } from './accounts.ts';
import { createAuthenticator, type Authenticator } from './principal.ts';
import { createSessions, type Sessions } from './sessions.ts';
import { createSignInThrottle, type SignInThrottle, type ThrottlePolicy } from './sign-in-throttle.ts';
import { createTokens, type Tokens } from './tokens.ts';

export interface AuthOptions {
  secret: string; // signs the session cookie; SESSION_SECRET
  sessionTtlMs?: number; // 7 days by default
  passwordCost?: number; // log2 of scrypt's N; 15 by default
  cacheMs?: number; // how long a session, token or account read is reused; 10 s by default
  throttle?: Partial<ThrottlePolicy>;
  demo?: boolean; // one-click demo sign-in; the embedded default only
}

export const DEFAULT_SESSION_TTL_MS = 7 * 24 * 3600_000;

export interface AuthServices {
  directory: Directory;
  accounts: Accounts;
  sessions: Sessions;
  tokens: Tokens;
  throttle: SignInThrottle;
  authenticator: Authenticator;
}

export function createAuthServices(deps: { warehouse: Warehouse; queries: Queries; clock?: () => number; options: AuthOptions; directory?: Directory }): AuthServices {
  const { warehouse, queries, clock = Date.now, options } = deps;
  const cacheMs = options.cacheMs ?? 10_000;
  const directory = deps.directory ?? createDirectory({ warehouse, queries, clock });
  const accounts = createAccounts({ warehouse, queries, directory, clock, cacheMs, passwordCost: options.passwordCost });
  const sessions = createSessions({ warehouse, queries, clock, cacheMs, ttlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS });
  const tokens = createTokens({ warehouse, queries, clock, cacheMs });
  const throttle = createSignInThrottle({ warehouse, queries, clock, policy: options.throttle });
  const authenticator = createAuthenticator({ accounts, sessions, tokens, secret: options.secret, clock });
  return { directory, accounts, sessions, tokens, throttle, authenticator };
}
