// Platform facts every signed-in user sees (data freshness), and the operations pages'
// data for administrators: dead letters and the audit trail.
import { auditQuery, auditResponse, deadLettersResponse, freshness, limitQuery, type Freshness } from '../../contracts/platform.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { defineRoute, type AnyRoute } from '../route.ts';

const CACHE_MS = 10_000; // freshness is asked on every page; the answer changes by the second at most

export function platformRoutes(deps: { queries: Queries; clock: () => number; backfill?: () => { done: number; total: number } | null }): AnyRoute[] {
  const { queries, clock, backfill = () => null } = deps;
  let cached: { at: number; body: Omit<Freshness, 'backfill'> } | undefined;

  async function readFreshness(db: Pick<Warehouse, 'query'>): Promise<Omit<Freshness, 'backfill'>> {
    const [r] = await db.query<Record<string, string | number>>(queries.freshness);
    const stream = (name: 'pos' | 'distribution' | 'parcel') => {
      const rows = Number(r?.[`${name}_rows`] ?? 0);
      return { stream: name, latest: rows > 0 ? String(r![`${name}_latest`]) : null, rows };
    };
    return { streams: [stream('pos'), stream('distribution'), stream('parcel')], checkedAt: new Date(clock()).toISOString() };
  }

  return [
    defineRoute({
      method: 'get', path: '/api/freshness', tag: 'platform', summary: 'The newest event of each stream, for the freshness line',
      access: { roles: ['admin', 'official', 'merchant', 'analyst'], scope: { kind: 'platform', why: 'platform-wide times and counts, no business rows' } },
      // No ETag keyed to the data: a backfill's end changes the answer with no new data behind it.
      response: freshness, audit: false,
      async handler({ db }) {
        if (!cached || clock() - cached.at >= CACHE_MS) cached = { at: clock(), body: await readFreshness(db) };
        const loading = backfill(); // as it is now: it moves without the data's version
        return { ...cached.body, backfill: loading ? { daysLoaded: loading.done, daysTotal: loading.total } : null };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/ops/dead-letters', tag: 'operations', summary: 'Refused records: counts per stream and reason, and the newest ones',
      access: { roles: ['admin'], scope: { kind: 'platform', why: 'operations' } },
      query: limitQuery(500, 50).strict(), response: deadLettersResponse, rows: (b) => b.recent.length,
      async handler({ query, db }) {
        const [byReason, recent] = await Promise.all([
          db.query<{ kind: string; reason: string; n: number; latest: string }>(queries['dead-letters-by-reason']),
          db.query<{ received_at: string; source: string; kind: string; reason: string; detail: string; payload_bytes: number }>(queries['dead-letters-recent'], { limit: query.limit }),
        ]);
        return {
          byReason: byReason.map((r) => ({ ...r, n: Number(r.n) })),
          recent: recent.map((r) => ({ receivedAt: r.received_at, source: r.source, kind: r.kind, reason: r.reason, detail: r.detail, payloadBytes: Number(r.payload_bytes) })),
        };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/ops/audit', tag: 'operations', summary: 'The audit trail: who asked for what, newest first',
      access: { roles: ['admin'], scope: { kind: 'platform', why: 'operations' } },
      query: auditQuery, response: auditResponse, rows: (b) => b.rows.length,
      async handler({ query, db }) {
        const rows = await db.query<{ at: string; login: string; role: string; via: string; address: string; method: string; route: string; params: string; status: number; rows: number; duration_ms: number }>(
          queries['audit-recent'], { limit: query.limit, login: query.login ?? '' });
        return { rows: rows.map(({ duration_ms, ...r }) => ({ ...r, status: Number(r.status), rows: Number(r.rows), durationMs: Number(duration_ms) })) };
      },
    }),
  ];
}
