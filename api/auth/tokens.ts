// API tokens for scripts: `cxt_<id>_<secret>`, shown once; the warehouse keeps the SHA-256 of the
// secret (a 256-bit random secret needs no slow hash). Lookups are cached like sessions.
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { newApiToken, parseApiToken, safeEqual, sha256 } from './secrets.ts';

export interface TokenRecord {
  id: string;
  login: string;
  name: string;
  secretHash: string;
  createdMs: number;
  expiresMs: number; // 0: never
  revoked: boolean;
  version: number;
}

export interface Tokens {
  create(login: string, name: string, expiresInDays?: number): Promise<{ token: string; record: TokenRecord }>;
  /** The live token record a bearer string names, or why not. */
  check(token: string): Promise<{ record: TokenRecord } | { refused: 'malformed' | 'unknown' | 'revoked' | 'expired' }>;
  list(login: string): Promise<TokenRecord[]>;
  /** Whether a bearer of it gets in now, by the platform's clock (a browser's may be wrong). */
  stateOf(record: TokenRecord): 'valid' | 'expired' | 'revoked';
  /** Revokes `id` if it belongs to `login` (any login when null); false when there is no such token. */
  revoke(id: string, login: string | null): Promise<boolean>;
}

interface Row { id: string; login: string; name: string; secret_hash: string; created_ms: number; expires_ms: number; revoked: number; version: number }

const fromRow = (r: Row): TokenRecord => ({
  id: r.id, login: r.login, name: r.name, secretHash: r.secret_hash, createdMs: Number(r.created_ms),
  expiresMs: Number(r.expires_ms), revoked: Number(r.revoked) === 1, version: Number(r.version),
});

export function createTokens(deps: { warehouse: Warehouse; queries: Queries; clock?: () => number; cacheMs?: number }): Tokens {
  const { warehouse, queries, clock = Date.now, cacheMs = 10_000 } = deps;
  const cache = new Map<string, { record: TokenRecord | null; at: number }>();

  const toRow = (t: TokenRecord) => ({
    id: t.id, login: t.login, name: t.name, secret_hash: t.secretHash, created_ms: t.createdMs,
    expires_ms: t.expiresMs, revoked: t.revoked ? 1 : 0, version: t.version,
  });

  const stateOf = (t: TokenRecord) => t.revoked ? 'revoked' as const : t.expiresMs !== 0 && t.expiresMs <= clock() ? 'expired' as const : 'valid' as const;

  async function read(id: string): Promise<TokenRecord | null> {
    const [r] = await warehouse.query<Row>(queries['token-by-id'], { id });
    return r ? fromRow(r) : null;
  }

  return {
    async create(login, name, expiresInDays) {
      const { id, secret, token } = newApiToken();
      const now = clock();
      const record: TokenRecord = {
        id, login, name, secretHash: sha256(secret), createdMs: now,
        expiresMs: expiresInDays ? now + expiresInDays * 86_400_000 : 0, revoked: false, version: now,
      };
      await warehouse.insert('api_tokens', [toRow(record)]);
      return { token, record };
    },
    async check(token) {
      const parsed = parseApiToken(token);
      if (!parsed) return { refused: 'malformed' };
      const hit = cache.get(parsed.id);
      let record: TokenRecord | null;
      if (hit && clock() - hit.at < cacheMs) record = hit.record;
      else {
        record = await read(parsed.id);
        if (cache.size > 10_000) cache.clear();
        cache.set(parsed.id, { record, at: clock() });
      }
      if (!record || !safeEqual(sha256(parsed.secret), record.secretHash)) return { refused: 'unknown' };
      const state = stateOf(record);
      return state === 'valid' ? { record } : { refused: state };
    },
    stateOf,
    async list(login) {
      return (await warehouse.query<Row>(queries['tokens-by-login'], { login })).map(fromRow);
    },
    async revoke(id, login) {
      const t = await read(id);
      cache.delete(id);
      if (!t || (login !== null && t.login !== login)) return false;
      if (!t.revoked) await warehouse.insert('api_tokens', [toRow({ ...t, revoked: true, version: Math.max(clock(), t.version + 1) })]);
      return true;
    },
  };
}
