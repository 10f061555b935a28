// Guessing passwords is made slow, then stopped for a while: per account (failures since its last
// successful sign-in) and per address (all failures from it). The attempts are rows in the
// warehouse, so every API process of a deployment counts the same ones.
import { formatShanghaiTime } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';

export interface ThrottlePolicy {
  windowMs: number; // failures older than this are forgotten; 15 min by default
  accountLockAfter: number; // failures of one login that lock it; 10 by default
  addressLockAfter: number; // failures from one address that lock it; 50 by default (a township office shares one)
  lockMs: number; // a lock lasts this long after the last failure; 15 min by default
  slowAfter: number; // failures before answers start to slow; 3 by default
  baseDelayMs: number; // first delay, doubled with each further failure; 250 ms by default
  maxDelayMs: number; // 4 s by default
}

export const DEFAULT_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000, accountLockAfter: 10, addressLockAfter: 50, lockMs: 15 * 60_000,
  slowAfter: 3, baseDelayMs: 250, maxDelayMs: 4_000,
};

export type ThrottleVerdict =
  | { locked: false; delayMs: number }
  | { locked: true; by: 'account' | 'address'; retryAfterMs: number };

export interface SignInThrottle {
  check(login: string, address: string): Promise<ThrottleVerdict>;
  record(login: string, address: string, ok: boolean): Promise<void>;
}

export function createSignInThrottle(deps: { warehouse: Warehouse; queries: Queries; clock?: () => number; policy?: Partial<ThrottlePolicy> }): SignInThrottle {
  const { warehouse, queries, clock = Date.now } = deps;
  const policy = { ...DEFAULT_POLICY, ...deps.policy };
  return {
    async check(login, address) {
      const now = clock();
      const [r] = await warehouse.query<{ login_failures: number; login_last_ms: number; address_failures: number; address_last_ms: number }>(
        queries['sign-in-failures'], { login, address, since_ms: Math.max(0, now - policy.windowMs) });
      const loginFailures = Number(r?.login_failures ?? 0);
      const addressFailures = Number(r?.address_failures ?? 0);
      if (loginFailures >= policy.accountLockAfter) {
        const until = Number(r!.login_last_ms) + policy.lockMs;
        if (until > now) return { locked: true, by: 'account', retryAfterMs: until - now };
      }
      if (addressFailures >= policy.addressLockAfter) {
        const until = Number(r!.address_last_ms) + policy.lockMs;
        if (until > now) return { locked: true, by: 'address', retryAfterMs: until - now };
      }
      const failures = Math.max(loginFailures, Math.floor(addressFailures / 5));
      const over = failures - policy.slowAfter;
      return { locked: false, delayMs: over < 0 ? 0 : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** over) };
    },
    async record(login, address, ok) {
      const now = clock();
      await warehouse.insert('auth_attempts', [{ at: formatShanghaiTime(now), at_ms: now, login: login.slice(0, 64), address: address.slice(0, 64), ok: ok ? 1 : 0 }]);
    },
  };
}
