// Browser sessions: a random id in a signed cookie, its SHA-256 in the warehouse with the login,
// expiry and whether it was revoked. A lookup is cached for `cacheMs`; revoking here drops the
// entry at once (other API processes notice within `cacheMs`).
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { randomId, sha256 } from './secrets.ts';

export interface SessionRecord {
  idHash: string;
  login: string;
  createdMs: number;
  expiresMs: number;
  revoked: boolean;
  version: number;
}

export interface Sessions {
  /** A new session for `login`; the id goes into the cookie and nowhere else. */
  create(login: string, meta: { address: string; userAgent: string }): Promise<{ id: string; record: SessionRecord }>;
  find(id: string): Promise<SessionRecord | null>;
  revoke(id: string): Promise<void>;
}

interface Row { id_hash: string; login: string; created_ms: number; expires_ms: number; revoked: number; version: number }

export function createSessions(deps: {
  warehouse: Warehouse; queries: Queries; clock?: () => number;
  ttlMs: number; // how long a session lasts from sign-in
  cacheMs?: number; // 10 s by default
}): Sessions {
  const { warehouse, queries, clock = Date.now, ttlMs, cacheMs = 10_000 } = deps;
  const cache = new Map<string, { record: SessionRecord | null; at: number }>();

  async function read(idHash: string): Promise<SessionRecord | null> {
    const [r] = await warehouse.query<Row>(queries['session-by-hash'], { id_hash: idHash });
    return r ? {
      idHash: r.id_hash, login: r.login, createdMs: Number(r.created_ms), expiresMs: Number(r.expires_ms),
      revoked: Number(r.revoked) === 1, version: Number(r.version),
    } : null;
  }

  return {
    async create(login, meta) {
      const id = randomId(32);
      const now = clock();
      const record: SessionRecord = { idHash: sha256(id), login, createdMs: now, expiresMs: now + ttlMs, revoked: false, version: now };
      await warehouse.insert('auth_sessions', [{
        id_hash: record.idHash, login, created_ms: now, expires_ms: record.expiresMs, revoked: 0,
        address: meta.address.slice(0, 64), user_agent: meta.userAgent.slice(0, 256), version: now,
      }]);
      return { id, record };
    },
    async find(id) {
      const idHash = sha256(id);
      const hit = cache.get(idHash);
      if (hit && clock() - hit.at < cacheMs) return hit.record;
      const record = await read(idHash);
      if (cache.size > 10_000) cache.clear();
      cache.set(idHash, { record, at: clock() });
      return record;
    },
    async revoke(id) {
      const idHash = sha256(id);
      const s = await read(idHash);
      cache.delete(idHash);
      if (!s || s.revoked) return;
      await warehouse.insert('auth_sessions', [{
        id_hash: idHash, login: s.login, created_ms: s.createdMs, expires_ms: s.expiresMs, revoked: 1,
        address: '', user_agent: '', version: Math.max(clock(), s.version + 1),
      }]);
    },
  };
}
